"""The embedded default: runs on one machine with nothing to install (SQLite, a broker that
is a folder, emails printed on the console)."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

# Off by default, so that a first run shows the pages a visitor gets (the French 403, 404 and
# 500 pages, not Django's debug pages); DEBUG=1 brings the debug pages back.
DEBUG = env.bool("DEBUG", default=False)
# Two factors are off in the embedded demo, so that a first-time visitor signs in as a
# coordinator with the printed demo login alone; every page says so in its footer. They are
# always required in production (production.py). MFA_REQUIRED=1 tries them here.
MFA_REQUIRED = env.bool("MFA_REQUIRED", default=False)
# Static files served by the web server itself, without collectstatic, whatever DEBUG says.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if CELERY_BROKER_URL.startswith("filesystem://"):  # noqa: F405
    BROKER_DIR = VAR_DIR / "broker"
    for folder in ("queue", "processed", "control"):
        (BROKER_DIR / folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
