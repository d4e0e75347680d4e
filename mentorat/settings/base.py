"""Settings shared by every environment. Values that differ come from the environment."""

from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from .environment import database_from_env, env, redis_cache

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.str("MENTORAT_VAR_DIR", default=str(BASE_DIR / "var")))

# Which kind of deployment this is ("local", "test" or "production").
ENVIRONMENT = "local"

SECRET_KEY = env.str("SECRET_KEY", default="local-only-insecure-key-never-used-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Where the platform is reached, for links in emails sent outside any request.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "crispy_forms",
    "dsfr",
    "django_celery_beat",
    "auditlog",
    "mentorat.accounts",
    "mentorat.notifications",
    "mentorat.core",
    "mentorat.legal",
    "programmes",
    "matching",
    "evaluations",
    "mentorat.reminders",
    "mentorat.audit",
    "mentorat.privacy",
    "mentorat.dashboards",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every response.
    "csp.middleware.CSPMiddleware",
    "mentorat.accounts.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a login unless its view is marked public (@login_not_required).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Who made each change on the audit trail, from which address (mentorat/audit).
    "mentorat.audit.middleware.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Short sessions for staff and the ministry; no-store on signed-in pages and forms.
    "mentorat.accounts.sessions.SessionPolicyMiddleware",
    # Staff and ministry set up two factors before anything else (when MFA_REQUIRED).
    "mentorat.accounts.two_factor.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "mentorat.urls"
WSGI_APPLICATION = "mentorat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "matching.context_processors.pairs_awaiting_answer",
                "mentorat.core.context_processors.statuses",
                "mentorat.notifications.context_processors.unread_notifications",
                "csp.context_processors.nonce",
                "mentorat.accounts.context_processors.two_factor",
            ],
        },
    },
]

DATABASES = {"default": database_from_env(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# A worker keeps its connection from one request to the next (a new PostgreSQL connection
# costs more CPU than most pages), checked before each request reuses it: after a database
# restart, the first request gets a fresh one instead of an error.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=300)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# Bounded timeouts everywhere Redis is touched: a hung Redis must never hang a page.
REDIS_SOCKET_TIMEOUT = env.float("REDIS_SOCKET_TIMEOUT", default=2.0)
if REDIS_URL:
    # Rate limits only; while Redis is away they fail open (see mentorat/core/cache.py).
    CACHES = {"default": redis_cache(REDIS_URL, timeout=REDIS_SOCKET_TIMEOUT)}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }
# The HTML of blank public forms, per process (mentorat/core/templatetags/blank_forms.py).
CACHES["blank_forms"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "blank-forms",
    "OPTIONS": {"MAX_ENTRIES": 200},
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Argon2id first, at Django's own parameters (100 MiB of memory, 2 passes, 8 lanes): the hasher
# Django and OWASP recommend, memory-hard where PBKDF2 is not, and a fifth less CPU per sign-up
# here (docs/security.md). Passwords hashed before with PBKDF2 still check, and are rehashed
# with Argon2 at the person's next login. No cost is ever lowered.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Where the admin lives: not at the address every robot tries. Its login is the site's.
ADMIN_URL = env.str("ADMIN_URL", default="gestion-technique/").strip("/") + "/"
LOGIN_REDIRECT_URL = "core:dashboard"

# django-allauth: the email address is the login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
# Say plainly that an address already has an account, next to the field, rather than
# silently emailing its owner: a youth who signs up twice must understand why.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_ADAPTER = "mentorat.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "mentorat.accounts.forms.LoginForm"}
# Subjects name the site themselves (templates/account/email/).
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"

# Sessions (mentorat/accounts/sessions.py). "Se souvenir de moi" keeps a youth or a mentor
# signed in for SESSION_COOKIE_AGE; staff and ministry sessions end with the browser, after
# SESSION_IDLE_TIMEOUT seconds without a request and SESSION_ABSOLUTE_TIMEOUT after sign-in.
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60
SESSION_IDLE_TIMEOUT = 30 * 60
SESSION_ABSOLUTE_TIMEOUT = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Failed sign-ins (mentorat/accounts/login_limits.py): per key, the failures allowed before
# any delay, and the longest delay in seconds (the delay doubles from 2 s after each failure).
LOGIN_LIMITS = {
    "account_ip": (5, 15 * 60),  # one account from one address
    "account": (20, 5 * 60),  # one account from anywhere
    "ip": (30, 60),  # one address, whatever the account (a school shares one)
    "device": (5, 15 * 60),  # a browser that signed in to the account before
}
# Two factors (mentorat/accounts/two_factor.py): an authenticator app and recovery codes,
# required of staff, the ministry and admins when MFA_REQUIRED is on, offered to everyone.
MFA_REQUIRED = env.bool("MFA_REQUIRED", default=True)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ADAPTER = "mentorat.accounts.two_factor.MFAAdapter"

# Content-Security-Policy (django-csp): scripts only from the site's own files (no inline
# script, no on*= handler: JS lives in static/js/), or with the response's nonce. Styles
# allow inline `style` attributes (DSFR's markup and ours use a few); nothing is loaded from
# another origin (the platform runs on closed networks too), no framing, forms post here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features no page of the platform uses, denied to every page (and every frame).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}

# allauth's own limit on failures locks an account for everyone: replaced by the above.
ACCOUNT_RATE_LIMITS = {"login_failed": None}

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Sign-up forms are rate limited per IP; if the cache (Redis) is down, serve rather than refuse.
RATELIMIT_FAIL_OPEN = True
# Behind a reverse proxy, the header in which it passes the visitor's address (say X-Real-IP,
# which the proxy must set, overwriting what the visitor sent). Every limiter, ours and
# allauth's, reads the address through mentorat.accounts.client_ip: without the header every
# visitor would share the proxy's address, and its limit.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")
RATELIMIT_IP_META_KEY = "mentorat.accounts.client_ip.client_ip"
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = CLIENT_IP_HEADER or None

CRISPY_ALLOWED_TEMPLATE_PACKS = ["crispy_dsfr"]
CRISPY_TEMPLATE_PACK = "crispy_dsfr"
CRISPY_FAIL_SILENTLY = False
# The DSFR class each widget gets, instead of crispy's default class names.
CRISPY_CLASS_CONVERTERS = {
    **{
        name: "fr-input"
        for name in (
            "textinput",
            "emailinput",
            "passwordinput",
            "numberinput",
            "dateinput",
            "datetimeinput",
            "timeinput",
            "urlinput",
            "telinput",
            "searchinput",
            "textarea",
        )
    },
    **{name: "fr-select" for name in ("select", "selectmultiple", "nullbooleanselect")},
    "checkboxinput": "",
    "clearablefileinput": "fr-upload",
    "fileinput": "fr-upload",
}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="mentorat.notifications.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 10
EMAIL_FILE_PATH = str(VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="mentorat <ne-pas-repondre@mentorat.local>"
)

# Celery. Reliability first: a task is acknowledged only once it ran, and given back to the
# queue if the worker dies; publishing never waits long on a broker that does not answer.
CELERY_BROKER_URL = REDIS_URL or env.str("CELERY_BROKER_URL", default="filesystem://localhost//")
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_SOCKET_TIMEOUT
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_timeout": REDIS_SOCKET_TIMEOUT,
    "socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
    "max_retries": 1,
    # Longer than any task runs, so Redis does not hand a running task to a second worker.
    "visibility_timeout": 3600,
}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Every periodic schedule of the platform, in one place.
CELERY_BEAT_SCHEDULE = {
    "deliver-pending-messages": {
        "task": "mentorat.notifications.tasks.deliver_pending_messages",
        "schedule": crontab(minute="*/5"),
    },
    "expire-overdue-proposals": {
        "task": "matching.tasks.expire_overdue_proposals",
        "schedule": crontab(minute=0),
    },
    "requeue-stranded-matching-runs": {
        "task": "matching.tasks.requeue_stranded_runs",
        "schedule": crontab(minute="*/5"),
    },
    "check-mentor-places": {
        "task": "matching.tasks.check_mentor_places",
        "schedule": crontab(hour=4, minute=0),
    },
    # Reminders are rows, not timers: every 15 minutes, record what is due (each once, by its
    # key); their emails are made outside quiet hours (20:00-08:00, Paris) by the sweep below.
    # The dashboards read summaries rebuilt every 30 minutes (each page says when).
    "refresh-dashboards": {
        "task": "mentorat.dashboards.tasks.refresh_dashboards",
        "schedule": crontab(minute="*/30"),
    },
    "send-reminders": {
        "task": "mentorat.reminders.tasks.send_reminders",
        "schedule": crontab(minute="*/15"),
    },
    "email-notifications": {
        "task": "mentorat.notifications.tasks.email_notifications",
        "schedule": crontab(minute="*/5"),
    },
    "expire-overdue-parental-consents": {
        "task": "programmes.tasks.expire_overdue_consents",
        "schedule": crontab(hour=3, minute=15),
    },
    # Accounts inactive for 2 years, closed pairs' notes, refused youths' files
    # (mentorat/retention.py); the task is a dry run unless told otherwise.
    "apply-retention-rules": {
        "task": "mentorat.privacy.tasks.apply_retention_rules",
        "schedule": crontab(hour=4, minute=30),
        "kwargs": {"wet_run": True},
    },
    "purge-expired-audit-entries": {
        "task": "mentorat.audit.tasks.purge_expired_entries",
        "schedule": crontab(hour=2, minute=30),
    },
}

# The audit trail (mentorat/audit): django-auditlog writes its entries in our model, which
# knows each entry's association; kept 12 months (mentorat/retention.py).
AUDITLOG_LOGENTRY_MODEL = "audit.AuditEntry"
# django-auditlog's own entry table is replaced by ours: its migrations (which would create
# that table anyway, referencing users and blocking their deletion) are not run.
MIGRATION_MODULES = {"auditlog": None}

# One console: every line once (Django's own console handlers and Celery's would print it a
# second time), and no traceback for a page that answered 403 or 404 on purpose.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_traceback_for_client_errors": {"()": "mentorat.core.logs.NoTracebackForClientErrors"}
    },
    "formatters": {
        "console": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "console",
            "filters": ["no_traceback_for_client_errors"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        "django.server": {"handlers": [], "propagate": True},
        # A line per task run is noise; failures still show.
        "celery": {"level": env.str("CELERY_LOG_LEVEL", default="WARNING")},
    },
}
# The worker logs through LOGGING too (see mentorat/celery.py), and what it prints (the
# console email backend) stays plain text instead of becoming WARNING log lines.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_WORKER_REDIRECT_STDOUTS = False

# Who publishes, hosts and answers for the platform, for the privacy notice, the legal notice
# and the accessibility statement (mentorat/legal/). A deployment sets its own.
LEGAL = {
    "controller": env.str(
        "LEGAL_CONTROLLER",
        default="Ministère chargé de la jeunesse — Direction de la jeunesse, de l’éducation "
        "populaire et de la vie associative (DJEPVA)",
    ),
    "controller_address": env.str(
        "LEGAL_CONTROLLER_ADDRESS", default="95 avenue de France, 75013 Paris"
    ),
    "publication_director": env.str(
        "LEGAL_PUBLICATION_DIRECTOR", default="La directrice ou le directeur de la DJEPVA"
    ),
    "privacy_email": env.str("LEGAL_PRIVACY_EMAIL", default="donnees-personnelles@mentorat.local"),
    "accessibility_email": env.str(
        "LEGAL_ACCESSIBILITY_EMAIL", default="accessibilite@mentorat.local"
    ),
    "host": env.str(
        "LEGAL_HOST",
        default="Cette instance est exécutée sur la machine de la personne qui l’a lancée.",
    ),
    "statement_date": env.str("LEGAL_ACCESSIBILITY_STATEMENT_DATE", default="29 novembre 2026"),
}

# The platform's name in emails and pages.
SITE_NAME = _("Mentorat")
