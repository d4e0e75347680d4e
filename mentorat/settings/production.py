"""Production: refuses to start without a real secret and real hosts."""

from .base import *  # noqa: F403
from .base import BASE_DIR, SECRET_KEY, env
from .environment import ConfigurationError

if not env.str("SECRET_KEY", default="") or SECRET_KEY.startswith("local-only"):
    raise ConfigurationError("SECRET_KEY doit être fourni par l'environnement en production.")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ConfigurationError("SECRET_KEY est trop courte (au moins 50 caractères variés).")
if not env.list("ALLOWED_HOSTS", default=[]):
    raise ConfigurationError("ALLOWED_HOSTS doit nommer le ou les domaines servis.")

ENVIRONMENT = "production"
DEBUG = False
STATIC_ROOT = env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# /healthz is probed over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Staff, ministry and admin accounts always need two factors here (mentorat/accounts/two_factor.py).
MFA_REQUIRED = True
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
