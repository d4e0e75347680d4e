"""Failed sign-ins slow the next attempts down, more after each, without letting a stranger
lock an account's owner out; every sign-in, failed or not, is logged without its password."""

import logging

import pytest
from django.urls import reverse

from mentorat.accounts import login_limits
from mentorat.accounts.login_limits import DEVICE_COOKIE
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

EMAIL = "karim@exemple.fr"


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        now = 1_800_000_000.0

        def advance(self, seconds):
            self.now += seconds

    clock = Clock()
    monkeypatch.setattr(login_limits, "now", lambda: clock.now)
    return clock


@pytest.fixture
def behind_proxy(settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"


def attempt(client, password, ip="203.0.113.1", email=EMAIL):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        HTTP_X_REAL_IP=ip,
    )


def refused(response) -> bool:
    return response.status_code == 200 and "Trop de tentatives" in response.content.decode()


def test_five_mistakes_are_free_then_each_failure_doubles_the_wait(client, clock, behind_proxy):
    UserFactory(email=EMAIL)
    for _ in range(5):
        assert not refused(attempt(client, "faux"))

    response = attempt(client, PASSWORD)
    assert refused(response)
    assert "réessayez dans 2 secondes" in response.content.decode()

    clock.advance(2)
    assert not refused(attempt(client, "faux"))  # the 6th failure: 4 seconds now
    clock.advance(3)
    assert "réessayez dans 1 seconde" in attempt(client, PASSWORD).content.decode()
    clock.advance(1)
    assert attempt(client, PASSWORD).status_code == 302  # signed in


def test_the_wait_stops_growing_at_its_longest(client, clock, behind_proxy, settings):
    settings.LOGIN_LIMITS = {**settings.LOGIN_LIMITS, "account_ip": (1, 60)}
    UserFactory(email=EMAIL)
    for _ in range(8):
        clock.advance(60)  # each after the previous wait
        assert not refused(attempt(client, "faux"))

    assert "réessayez dans 1 minute" in attempt(client, PASSWORD).content.decode()  # not 4
    clock.advance(60)
    assert attempt(client, PASSWORD).status_code == 302


def test_a_strangers_failures_do_not_slow_the_owner_down_from_elsewhere(
    client, clock, behind_proxy
):
    UserFactory(email=EMAIL)
    for _ in range(10):
        attempt(client, "faux", ip="198.51.100.66")
        clock.advance(60)

    assert refused(attempt(client, PASSWORD, ip="198.51.100.66"))
    assert attempt(client, PASSWORD, ip="203.0.113.1").status_code == 302


def test_guessing_from_many_addresses_slows_the_account_but_not_its_owners_browser(
    client, clock, behind_proxy, settings
):
    settings.LOGIN_LIMITS = {**settings.LOGIN_LIMITS, "account": (5, 300)}
    UserFactory(email=EMAIL)
    assert attempt(client, PASSWORD).status_code == 302  # the owner's browser, once
    assert DEVICE_COOKIE in client.cookies
    client.post(reverse("account_logout"))
    stranger = client_class_like(client)
    for number in range(6):
        attempt(stranger, "faux", ip=f"198.51.100.{number}")

    assert refused(attempt(stranger, PASSWORD, ip="192.0.2.1"))  # a new address: waits
    assert attempt(client, PASSWORD, ip="192.0.2.1").status_code == 302  # the known browser


def client_class_like(client):
    return type(client)()


def test_a_success_clears_the_failures(client, clock, behind_proxy):
    UserFactory(email=EMAIL)
    for _ in range(4):
        attempt(client, "faux")
    assert attempt(client, PASSWORD).status_code == 302
    client.post(reverse("account_logout"))

    for _ in range(4):
        assert not refused(attempt(client, "faux"))


def test_one_address_trying_many_accounts_is_slowed_down(client, clock, behind_proxy, settings):
    settings.LOGIN_LIMITS = {**settings.LOGIN_LIMITS, "ip": (3, 60)}
    UserFactory(email=EMAIL)
    for number in range(3):
        attempt(client, "faux", email=f"inconnu{number}@exemple.fr")

    assert refused(attempt(client, PASSWORD))


def test_sign_ins_are_logged_without_passwords(client, clock, behind_proxy, caplog):
    user = UserFactory(email=EMAIL)
    with caplog.at_level(logging.INFO, logger="mentorat.accounts.logins"):
        attempt(client, "mot-de-passe-essaye")
        attempt(client, PASSWORD)

    failed, succeeded = [record.getMessage() for record in caplog.records]
    assert failed == f"Sign-in failed for {EMAIL} from 203.0.113.1 (failure 1)"
    assert succeeded == f"Sign-in of user {user.pk} from 203.0.113.1"
    assert "mot-de-passe-essaye" not in caplog.text and PASSWORD not in caplog.text


def test_allauths_lock_after_five_failures_is_off(settings):
    from allauth.account import app_settings

    assert app_settings.RATE_LIMITS["login_failed"] is None
