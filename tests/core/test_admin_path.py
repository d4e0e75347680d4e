"""The admin is not at /admin/, and its only way in is the site's login, with its limits."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_the_admin_is_at_the_address_of_the_setting_not_the_default_one(client):
    assert settings.ADMIN_URL != "admin/"
    assert reverse("admin:index") == f"/{settings.ADMIN_URL}"
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404


def test_the_admins_login_form_is_the_sites(client):
    admin_index = reverse("admin:index")
    response = client.get(reverse("admin:login"), {"next": admin_index})
    assert response.url == f"{reverse('account_login')}?{urlencode({'next': admin_index})}"


def test_posting_a_password_to_the_admin_login_signs_nobody_in(client):
    UserFactory(email="admin@exemple.fr", ministry=True, is_staff=True, is_superuser=True)

    response = client.post(
        reverse("admin:login"), {"username": "admin@exemple.fr", "password": PASSWORD}
    )

    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert client.get(reverse("admin:index")).status_code == 302  # still signed out


def test_failed_attempts_on_the_way_into_the_admin_are_limited_like_every_login(client):
    UserFactory(email="admin@exemple.fr", ministry=True, is_staff=True, is_superuser=True)
    login = f"{reverse('account_login')}?next={reverse('admin:index')}"
    for _ in range(5):
        client.post(login, {"login": "admin@exemple.fr", "password": "devine"})

    response = client.post(login, {"login": "admin@exemple.fr", "password": PASSWORD})

    assert response.status_code == 200
    assert "Trop de tentatives de connexion" in response.content.decode()


def test_staff_sign_in_on_the_site_and_reach_the_admin(client):
    UserFactory(email="admin@exemple.fr", ministry=True, is_staff=True, is_superuser=True)
    login = f"{reverse('account_login')}?next={reverse('admin:index')}"

    response = client.post(login, {"login": "admin@exemple.fr", "password": PASSWORD})

    assert response.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_people_who_are_not_admin_staff_are_refused(client):
    client.force_login(UserFactory(association_staff=True))
    assert client.get(reverse("admin:login")).status_code == 403
