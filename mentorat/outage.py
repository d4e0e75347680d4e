"""The database away (restarting, a failover): a French 503 page, never a traceback.

Django hands any exception a view or a middleware let through to ``handler500``; this one
answers 503 "service momentanément indisponible" with a Retry-After when the exception is the
database's connection failing, and leaves every other error to the usual 500 page. Nothing is
half-written: each request is one transaction (ATOMIC_REQUESTS), rolled back with it.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render

from mentorat.core.views import server_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30

# When even the page's layout cannot be drawn: plain words.
PLAIN_UNAVAILABLE = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Service momentanément '
    "indisponible — Mentorat</title></head><body><h1>Service momentanément indisponible</h1>"
    "<p>Le service redémarre. Réessayez dans quelques instants : ce qui n’a pas été confirmé "
    "n’a pas été enregistré.</p></body></html>"
)


def database_unavailable(exception: BaseException | None) -> bool:
    return isinstance(exception, OperationalError | InterfaceError)


def unavailable(request):
    try:
        response = render(request, "503.html", status=503)
    except Exception:  # the layout needs the database too: plain words, never a traceback
        response = HttpResponse(PLAIN_UNAVAILABLE, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error_or_unavailable(request):
    """``handler500``: 503 while the database is away, the 500 page otherwise."""
    exception = sys.exc_info()[1]
    if database_unavailable(exception):
        logger.warning("Database unavailable, answered 503: %s", str(exception).splitlines()[0:1])
        return unavailable(request)
    return server_error(request)
