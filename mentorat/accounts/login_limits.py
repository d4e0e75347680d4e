"""Failed sign-ins slow down the next attempt, more after each failure, instead of locking
an account (which a stranger who knows an address could do to its owner on purpose).

Failures are counted under three keys, each with its own free allowance and longest delay;
past the allowance, the next attempt under that key must wait 2, 4, 8... seconds after the
last failure:
- the account from this address: whoever mistypes or guesses is slowed down, nobody else;
- the account from anywhere, with a larger allowance: guessing spread over many addresses
  is slowed down too (the owner then waits as well, never more than a few minutes, and a
  password reset is never slowed by it);
- the address, whatever the account (one machine trying many accounts), with a short
  longest delay: a school or a Mission locale shares one address among many youths.
A browser that signed in to an account before carries a signed cookie saying so: its
attempts on that account are counted apart, so that an attack on the account never slows
its owner down on their own browser.

A successful sign-in clears the account's counts; a count is forgotten an hour after its
last failure. The counters live in the cache (Redis): while it is away nothing is slowed
down, as every limit of the platform (mentorat/core/cache.py). Failed and successful
sign-ins are logged with the address and the account, never a password or a token.
"""

import hashlib
import logging
import math
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .client_ip import client_ip

logger = logging.getLogger("mentorat.accounts.logins")

MEMORY = 60 * 60
DEVICE_COOKIE = "mentorat_appareil"
DEVICE_SALT = "mentorat.accounts.login_limits.device"
DEVICE_COOKIE_AGE = 365 * 24 * 60 * 60


@dataclass(frozen=True)
class Counter:
    key: str
    free: int  # failures allowed before any delay
    longest: int  # seconds: the delay grows up to this

    def delay_after(self, failures: int) -> int:
        """Seconds the next attempt waits after the last of `failures` failures."""
        if failures < self.free:
            return 0
        return min(2 ** (failures - self.free + 1), self.longest)


def now() -> float:
    return time.time()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def login_of(credentials: dict) -> str:
    return str(credentials.get("email") or credentials.get("username") or "").strip().lower()


def counters(request, login: str) -> list[Counter]:
    limits = settings.LOGIN_LIMITS
    account = _digest(login)
    device = known_device(request, login)
    if device:
        return [Counter(f"login-failures:device:{account}:{device}", *limits["device"])]
    ip = _digest(client_ip(request))
    return [
        Counter(f"login-failures:account-ip:{account}:{ip}", *limits["account_ip"]),
        Counter(f"login-failures:account:{account}", *limits["account"]),
        Counter(f"login-failures:ip:{ip}", *limits["ip"]),
    ]


def wait_for(request, login: str) -> int:
    """Seconds this attempt must still wait (0: it may go on)."""
    moment = now()
    wait = 0.0
    for counter in counters(request, login):
        state = cache.get(counter.key)
        if state:
            failures, last = state
            wait = max(wait, last + counter.delay_after(failures) - moment)
    return math.ceil(wait)


def record_failure(request, login: str) -> None:
    moment = now()
    most = 0
    for counter in counters(request, login):
        failures = (cache.get(counter.key) or (0, moment))[0] + 1
        cache.set(counter.key, (failures, moment), MEMORY)
        most = max(most, failures)
    logger.warning("Sign-in failed for %s from %s (failure %d)", login, client_ip(request), most)


def record_success(request, user) -> None:
    login = user.email.lower()
    account = _digest(login)
    ip = _digest(client_ip(request))
    keys = [f"login-failures:account-ip:{account}:{ip}", f"login-failures:account:{account}"]
    device = known_device(request, login)
    if device:
        keys.append(f"login-failures:device:{account}:{device}")
    cache.delete_many(keys)
    # Set on the response by SessionPolicyMiddleware.
    request.device_cookie = signing.dumps(
        {"a": account, "n": device or secrets.token_urlsafe(12)}, salt=DEVICE_SALT
    )
    logger.info("Sign-in of user %s from %s", user.pk, client_ip(request))


def too_many_message(seconds: int) -> str:
    if seconds >= 60:
        minutes = math.ceil(seconds / 60)
        wait = ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    else:
        wait = ngettext("%(n)d seconde", "%(n)d secondes", seconds) % {"n": seconds}
    return _(
        "Trop de tentatives de connexion : réessayez dans %(wait)s, ou réinitialisez votre "
        "mot de passe."
    ) % {"wait": wait}


def known_device(request, login: str) -> str | None:
    """This browser's id, if it signed in to this account before."""
    value = request.COOKIES.get(DEVICE_COOKIE)
    if not value:
        return None
    try:
        data = signing.loads(value, salt=DEVICE_SALT, max_age=DEVICE_COOKIE_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("a") != _digest(login):
        return None
    return str(data.get("n", ""))[:16] or None


def set_device_cookie(request, response) -> None:
    value = getattr(request, "device_cookie", None)
    if value:
        response.set_cookie(
            DEVICE_COOKIE,
            value,
            max_age=DEVICE_COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
