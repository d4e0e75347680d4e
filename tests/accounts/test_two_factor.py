"""Two factors (an authenticator app and recovery codes) are required of association staff,
the ministry and admins, before anything else; offered to mentors and youths."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory
from tests.programmes.factories import MentorProfileFactory, StaffMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.MFA_REQUIRED = True


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


@pytest.fixture
def coordinator():
    return StaffMembershipFactory().user


def test_a_coordinator_without_two_factors_is_sent_to_set_them_up_from_every_page(
    client, coordinator
):
    client.force_login(coordinator)

    for url in (reverse("programmes:staff_home"), reverse("core:dashboard")):
        response = client.get(url)
        assert response.url == reverse("mfa_activate_totp"), url
    page = client.get(response.url, follow=True).content.decode()
    assert "protégez-le par une double authentification" in page
    assert client.post(reverse("account_logout")).url == reverse("core:home")  # may still leave


def test_a_coordinator_sets_up_an_app_gets_recovery_codes_and_then_works(client, coordinator):
    sign_in(client, coordinator)
    assert client.get(reverse("programmes:staff_home")).url == reverse("mfa_activate_totp")
    again = client.get(reverse("mfa_activate_totp")).url  # the password again first
    assert again.startswith(reverse("account_reauthenticate"))
    assert client.post(again, {"password": PASSWORD}).status_code == 302
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]

    response = client.post(reverse("mfa_activate_totp"), {"code": code_for(secret)})

    assert response.url == reverse("mfa_view_recovery_codes")
    codes = client.get(response.url).content.decode()
    assert "Codes de récupération" in codes
    assert Authenticator.objects.filter(user=coordinator).count() == 2  # app + recovery codes
    assert client.get(reverse("programmes:staff_home")).status_code == 302  # to their space
    assert client.get(reverse("programmes:staff_home")).url != reverse("mfa_activate_totp")


def test_signing_in_then_asks_for_the_apps_code(client, coordinator):
    secret = generate_totp_secret()
    TOTP.activate(coordinator, secret)

    response = sign_in(client, coordinator)

    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # not signed in on the password alone
    response = client.post(reverse("mfa_authenticate"), {"code": code_for(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator.pk)


def test_a_coordinator_cannot_remove_their_app(client, coordinator):
    TOTP.activate(coordinator, generate_totp_secret())
    client.force_login(coordinator)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "reauthenticated": True}
    ]
    session["account_authentication_methods_user"] = str(coordinator.pk)
    session.save()

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 200  # the form, refusing
    assert Authenticator.objects.filter(user=coordinator, type="totp").exists()


@pytest.mark.parametrize("who", ["ministry", "superuser"])
def test_the_ministry_and_the_admin_site_are_behind_two_factors(client, who):
    user = UserFactory(ministry=True, is_staff=who == "superuser", is_superuser=who == "superuser")
    client.force_login(user)
    url = reverse("admin:index") if who == "superuser" else reverse("programmes:association_list")

    assert client.get(url).url == reverse("mfa_activate_totp")


def test_a_mentor_is_offered_two_factors_but_not_forced(client):
    mentor = MentorProfileFactory().user
    sign_in(client, mentor)

    assert client.get(reverse("programmes:my_space")).status_code == 200
    assert "Activer" in client.get(reverse("mfa_index")).content.decode()
    assert client.get(reverse("mfa_activate_totp")).url.startswith(
        reverse("account_reauthenticate")
    )


def test_the_demo_can_turn_the_requirement_off(client, coordinator, settings):
    settings.MFA_REQUIRED = False
    client.force_login(coordinator)

    assert client.get(reverse("programmes:staff_home")).url != reverse("mfa_activate_totp")
