"""The database away: a French 503 page with a Retry-After, never a traceback; any other
error stays the 500 page."""

import pytest
from django.db import OperationalError

from mentorat.core import views as core_views

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    monkeypatch.setattr(core_views.Association.objects, "labelled", refuse)


def test_the_database_away_is_a_french_503(client, database_down):
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Service momentanément indisponible" in page
    assert "Traceback" not in page and "OperationalError" not in page


def test_another_error_is_still_the_500_page(client, monkeypatch):
    def fail(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(core_views.Association.objects, "labelled", fail)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Erreur inattendue" in response.content.decode()
