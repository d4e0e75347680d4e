"""Two-factor authentication (django-allauth's mfa: a TOTP app, and recovery codes).

Required, when MFA_REQUIRED is on (production), of everyone whose account reads other
people's data (User.has_protected_account: association staff, the ministry, the technical
admins, and so the admin site): until they have set up an authenticator app, every page
sends them to set it up, and they cannot remove it. Offered to everyone else (mentors,
youths) from the footer's "Double authentification" link. Why the embedded demo turns it
off: docs/security.md.
"""

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.conf import settings
from django.contrib import messages
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

ENROLLED = "mentorat_two_factor_enrolled"

# What someone who must set up two factors may still open meanwhile.
ALLOWED_MEANWHILE = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_generate_recovery_codes",
    "account_logout",
    "account_reauthenticate",
    "account_login",
    "set_language",
    "core:healthz",
    "legal:privacy",
    "legal:notice",
    "legal:accessibility",
}


def must_set_up_two_factors(user) -> bool:
    return bool(settings.MFA_REQUIRED and user.is_authenticated and user.has_protected_account)


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class TwoFactorRequiredMiddleware:
    """After AuthenticationMiddleware, SessionMiddleware and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if must_set_up_two_factors(user) and not request.session.get(ENROLLED):
            if has_totp(user):
                request.session[ENROLLED] = True
            elif self.view_name(request) not in ALLOWED_MEANWHILE:
                messages.warning(
                    request,
                    _(
                        "Votre compte donne accès aux données de jeunes, dont des mineurs : "
                        "protégez-le par une double authentification avant de continuer."
                    ),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def view_name(request) -> str | None:
        try:
            return resolve(request.path_info).view_name
        except Resolver404:
            return None


@receiver(authenticator_added)
@receiver(authenticator_removed)
def forget_enrolment(sender, request, user, **kwargs):
    """Checked again on the next request."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(ENROLLED, None)


class MFAAdapter(DefaultMFAAdapter):
    def get_totp_issuer(self) -> str:
        return str(settings.SITE_NAME)

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        if authenticator.type == Authenticator.Type.TOTP and must_set_up_two_factors(
            authenticator.user
        ):
            return False
        return super().can_delete_authenticator(authenticator)
