"""Tests: PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set (CI sets them)."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, env

ENVIRONMENT = "test"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run in the calling process: tests check what they do, and the broker is tested on its own.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
LANGUAGE_CODE = "fr"
# Tests sign staff in without a second factor; the tests of two factors turn this on.
MFA_REQUIRED = False

if not REDIS_URL:
    CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:  # the tests clear the cache: keep them away from any other use of this Redis
    # (TEST_CACHE_URL gives each of several suites run at once a database of its own).
    CACHES["default"]["LOCATION"] = env.str(
        "TEST_CACHE_URL", default=urlsplit(REDIS_URL)._replace(path="/15").geturl()
    )
