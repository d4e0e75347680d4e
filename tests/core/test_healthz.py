from unittest import mock

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_service(client):
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"}


def test_healthz_answers_503_naming_the_service_that_fails(client):
    failing_broker = mock.Mock(side_effect=ConnectionRefusedError)
    with mock.patch.dict("mentorat.core.health.CHECKS", {"broker": failing_broker}):
        response = client.get(reverse("core:healthz"))

    assert response.status_code == 503
    assert response.json()["broker"] == "error: ConnectionRefusedError"
    assert response.json()["database"] == "ok"


def test_healthz_answers_quickly_when_redis_does_not_answer(client, settings):
    """A broker address where nothing listens: the check gives up instead of hanging."""
    from mentorat.celery import app

    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:9/0"
    try:
        response = client.get(reverse("core:healthz"))
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")


def test_healthz_answers_when_redis_accepts_connections_but_never_replies(client):
    """A hung Redis: the bounded socket timeouts turn it into a 503 within seconds."""
    import socket
    import time

    from mentorat.celery import app

    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen()
    previous = app.conf.broker_url
    app.conf.broker_url = f"redis://127.0.0.1:{hung.getsockname()[1]}/0"
    started = time.monotonic()
    try:
        response = client.get(reverse("core:healthz"))
    finally:
        app.conf.broker_url = previous
        hung.close()
    assert response.status_code == 503
    assert time.monotonic() - started < 20
