"""How long a signed-in session lasts, and what a browser may keep of its pages.

Association staff, ministry administrators and the technical admins read other people's
data (minors' among them): their sessions end after SESSION_IDLE_TIMEOUT without a request
and SESSION_ABSOLUTE_TIMEOUT after they signed in, whatever they do, and never outlive the
browser ("remember me" is for youths and mentors only). The timestamps live in the session
itself; the middleware checks them before the view runs.

No page shown to a signed-in person, and no page with a form (one that asked for a CSRF
token: the sign-ups, the sign-in, a parent's consent), may be stored by the browser or a
proxy: `Cache-Control: no-store`.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .login_limits import set_device_cookie

STARTED = "mentorat_auth_started_at"
SEEN = "mentorat_auth_seen_at"
# How often the "seen" time is written: a session row is not rewritten on every request.
SEEN_PRECISION = 60


@receiver(user_logged_in)
def session_started(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[STARTED] = now
    request.session[SEEN] = now
    if user.has_protected_account:
        request.session.set_expiry(0)


def expired(session, now: float) -> str | None:
    """Why a protected session is over, or None."""
    started, seen = session.get(STARTED), session.get(SEEN)
    if started is None or seen is None:
        return _("Votre session a expiré. Reconnectez-vous.")
    if now - started > settings.SESSION_ABSOLUTE_TIMEOUT:
        return _("Votre session a duré plus de %(hours)d heures : reconnectez-vous.") % {
            "hours": settings.SESSION_ABSOLUTE_TIMEOUT // 3600
        }
    if now - seen > settings.SESSION_IDLE_TIMEOUT:
        return _(
            "Votre session a expiré après %(minutes)d minutes sans activité : reconnectez-vous."
        ) % {"minutes": settings.SESSION_IDLE_TIMEOUT // 60}
    return None


class SessionPolicyMiddleware:
    """After AuthenticationMiddleware and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.has_protected_account:
            now = time.time()
            reason = expired(request.session, now)
            if reason:
                logout(request)
                messages.info(request, reason)
                login = reverse(settings.LOGIN_URL)
                return self.no_store(
                    redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
                )
            if now - request.session[SEEN] >= SEEN_PRECISION:
                request.session[SEEN] = int(now)
        response = self.get_response(request)
        user = request.user
        if user.is_authenticated and user.has_protected_account:
            # Never beyond the browser's life, whatever the sign-in form said.
            if request.session.get("_session_expiry", 0) != 0:
                request.session.set_expiry(0)
        if user.is_authenticated or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            self.no_store(response)
        set_device_cookie(request, response)
        return response

    @staticmethod
    def no_store(response):
        add_never_cache_headers(response)
        patch_cache_control(response, no_store=True, private=True)
        return response
