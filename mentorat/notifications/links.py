"""The signed one-click link in each email: it turns that kind's email off for that person,
without logging in. Signed with the site's secret (django.core.signing), so nobody can make
one for someone else; it opens nothing but this choice."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "mentorat.notifications.preference"


def preference_token(*, user_id: int, kind: str) -> str:
    return signing.dumps([user_id, kind], salt=SALT, compress=True)


def read_preference_token(token: str) -> tuple[int, str] | None:
    try:
        user_id, kind = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return int(user_id), str(kind)


def preference_url(*, user_id: int, kind: str) -> str:
    token = preference_token(user_id=user_id, kind=kind)
    return settings.SITE_URL + reverse("notifications:one_click", args=[token])
