"""403, 404 and 500 are French pages in the site's layout; so is a form that expired."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent


def in_site_layout(page: str) -> bool:
    return 'class="fr-header"' in page and 'id="footer"' in page


def test_404_is_french_in_the_site_layout(client):
    response = client.get("/nexiste-pas/")

    page = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in page and "Erreur 404" in page
    assert in_site_layout(page)


def test_404_speaks_the_visitors_language(client):
    with translation.override("en"):
        response = client.get("/nexiste-pas/", HTTP_ACCEPT_LANGUAGE="en")
    assert "<h1>Page not found</h1>" in response.content.decode()


def test_403_is_french_in_the_site_layout_and_leads_to_the_persons_space(client):
    client.force_login(UserFactory(youth=True))

    response = client.get(reverse("programmes:staff_home"))

    page = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in page and in_site_layout(page)
    assert f'href="{reverse("core:dashboard")}"' in page
    # "tu" to a youth, "vous" to the others.
    assert "Cette page n’est pas ouverte à ton compte." in page and "Retrouve le tien" in page
    client.force_login(UserFactory(mentor=True))
    page = client.get(reverse("programmes:staff_home")).content.decode()
    assert "Cette page n’est pas ouverte à votre compte." in page


def test_404_says_tu_to_a_signed_in_youth(client):
    assert "Si vous avez tapé" in client.get("/nexiste-pas/").content.decode()
    client.force_login(UserFactory(youth=True))
    page = client.get("/nexiste-pas/").content.decode()
    assert (
        "La page que tu cherches est introuvable" in page
        and "vous" not in page.lower().split("<main", 1)[1].split("</main>", 1)[0]
    )


def test_an_expired_form_is_a_french_page(client):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("account_login"), {"login": "a@b.fr", "password": "x"})

    assert response.status_code == 403
    assert "<h1>Formulaire expiré</h1>" in response.content.decode()


def test_500_is_french_in_the_site_layout():
    client = Client(raise_request_exception=False)
    with mock.patch("mentorat.core.views.Association.objects.labelled", side_effect=KeyError):
        response = client.get(reverse("core:home"))

    page = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Erreur inattendue</h1>" in page and in_site_layout(page)


def test_500_still_answers_when_its_page_cannot_be_drawn():
    client = Client(raise_request_exception=False)
    with (
        mock.patch("mentorat.core.views.Association.objects.labelled", side_effect=KeyError),
        mock.patch("mentorat.core.views.render", side_effect=RuntimeError("no template")),
    ):
        response = client.get(reverse("core:home"))

    assert response.status_code == 500
    assert "Erreur inattendue" in response.content.decode()


# Run with the settings of `make run`, in a process of its own: what a first visit sees there,
# and what its console prints.
LOCAL_SCRIPT = """
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from mentorat.accounts.models import User
call_command("migrate", verbosity=0)
print("DEBUG", settings.DEBUG)
client = Client(HTTP_HOST="127.0.0.1")
missing = client.get("/nexiste-pas/")
print("404", missing.status_code, "Page introuvable" in missing.content.decode())
client.force_login(User.objects.create(email="jeune@exemple.fr", role="youth"))
refused = client.get("/espace-association/")
print("403", refused.status_code, "Accès refusé" in refused.content.decode())
"""


def run_as_make_run(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "REDIS_URL", "TEST_CACHE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="mentorat.settings.local",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MENTORAT_VAR_DIR=str(tmp_path / "var"),
    )
    return subprocess.run(
        [sys.executable, "-c", LOCAL_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_make_run_shows_the_sites_error_pages_and_logs_each_once(tmp_path):
    result = run_as_make_run(tmp_path)

    assert result.returncode == 0, result.stderr[-3000:]
    assert "DEBUG False" in result.stdout
    assert "404 404 True" in result.stdout
    assert "403 403 True" in result.stdout
    # One line each on the console, and no traceback for a refusal given on purpose.
    assert result.stderr.count("Not Found: /nexiste-pas/") == 1, result.stderr
    assert result.stderr.count("Forbidden (Permission denied): /espace-association/") == 1
    assert "Traceback" not in result.stderr
