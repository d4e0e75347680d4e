"""Behind a reverse proxy every limiter counts the visitor, not the proxy (CLIENT_IP_HEADER)."""

import pytest
from django.urls import reverse

from mentorat.accounts.client_ip import client_ip
from tests.accounts.factories import PASSWORD, UserFactory
from tests.programmes.test_youth_signup import youth_data

pytestmark = pytest.mark.django_db

PROXY = {"REMOTE_ADDR": "10.0.0.1"}


def visitor(number: int) -> dict:
    return {**PROXY, "HTTP_X_REAL_IP": f"203.0.113.{number}"}


def failed_login(client, number: int, *, client_number: int):
    return client.post(
        reverse("account_login"),
        {"login": f"inconnu{number}@exemple.fr", "password": "faux"},
        **visitor(client_number),
    )


@pytest.fixture
def behind_proxy(settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    # Failed sign-ins from one address are slowed down after 10 (login_limits.py).
    settings.LOGIN_LIMITS = {**settings.LOGIN_LIMITS, "ip": (10, 60)}


def test_11_failed_logins_from_11_visitors_do_not_lock_out_a_12th(client, behind_proxy):
    UserFactory(email="karim@exemple.fr")
    for number in range(11):
        assert failed_login(client, number, client_number=number).status_code == 200

    response = client.post(
        reverse("account_login"),
        {"login": "karim@exemple.fr", "password": PASSWORD},
        **visitor(12),
    )

    assert response.status_code == 302


def test_11_failed_logins_from_one_visitor_lock_that_visitor_out(client, behind_proxy):
    UserFactory(email="karim@exemple.fr")
    for number in range(11):
        failed_login(client, number, client_number=1)

    response = client.post(
        reverse("account_login"),
        {"login": "karim@exemple.fr", "password": PASSWORD},
        **visitor(1),
    )

    assert response.status_code == 200
    assert "Trop de tentatives de connexion" in response.content.decode()


def test_11_sign_ups_from_11_visitors_do_not_stop_a_12th(client, behind_proxy):
    url = reverse("programmes:youth_signup")
    for number in range(11):
        data = youth_data(email=f"jeune{number}@exemple.fr", last_name=f"Moreau {chr(65 + number)}")
        response = client.post(url, data, **visitor(number))
        assert response.status_code == 302
        client.logout()

    assert client.post(url, youth_data(), **visitor(12)).status_code == 302


def test_without_the_header_the_address_is_the_connections(rf, behind_proxy):
    assert client_ip(rf.get("/", **PROXY)) == "10.0.0.1"
    assert client_ip(rf.get("/", HTTP_X_REAL_IP="pas une adresse", **PROXY)) == "10.0.0.1"
    assert client_ip(rf.get("/", **visitor(7))) == "203.0.113.7"


def test_the_header_is_ignored_unless_configured(rf, settings):
    settings.CLIENT_IP_HEADER = ""
    assert client_ip(rf.get("/", **visitor(7))) == "10.0.0.1"
