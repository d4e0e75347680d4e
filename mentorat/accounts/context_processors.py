from django.conf import settings


def two_factor(request) -> dict:
    """Whether staff accounts need two factors here (the footer says so when they do not)."""
    return {"two_factor_required": settings.MFA_REQUIRED}
