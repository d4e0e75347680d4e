"""Checks behind /healthz: each answers quickly, even when the service it probes hangs."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from mentorat.celery import app as celery_app


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache() -> None:
    probe = uuid.uuid4().hex
    cache.set("healthz", probe, timeout=10)
    if cache.get("healthz") != probe:
        raise RuntimeError("cache did not return what was stored")


def check_broker() -> None:
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=settings.REDIS_SOCKET_TIMEOUT)


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def run_checks() -> dict[str, str]:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # report any failure instead of raising it
            results[name] = f"error: {type(exc).__name__}"
        else:
            results[name] = "ok"
    return results
