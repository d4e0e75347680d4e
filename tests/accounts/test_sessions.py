"""Staff and ministry sessions are short; "remember me" is for youths and mentors; pages of
a signed-in person and pages with a form are never stored by the browser."""

import time

import pytest
from django.conf import settings
from django.urls import reverse

from mentorat.accounts.sessions import SEEN, STARTED
from tests.accounts.factories import PASSWORD, UserFactory
from tests.programmes.factories import StaffMembershipFactory, YouthProfileFactory

pytestmark = pytest.mark.django_db


def age_session(client, *, idle: int = 0, since_sign_in: int = 0) -> None:
    session = client.session
    now = int(time.time())
    session[SEEN] = now - idle
    session[STARTED] = now - since_sign_in
    session.save()


@pytest.fixture
def coordinator():
    return StaffMembershipFactory().user


def test_a_coordinator_idle_for_30_minutes_is_signed_out_and_sent_to_sign_in(client, coordinator):
    client.force_login(coordinator)
    home = reverse("programmes:staff_home")
    age_session(client, idle=31 * 60, since_sign_in=31 * 60)

    response = client.get(home)

    assert response.url == f"{reverse('account_login')}?next={home.replace('/', '%2F')}"
    assert "_auth_user_id" not in client.session
    page = client.get(response.url).content.decode()
    assert "30 minutes sans activité" in page


def test_a_coordinator_active_within_30_minutes_stays_signed_in(client, coordinator):
    client.force_login(coordinator)
    age_session(client, idle=29 * 60, since_sign_in=5 * 60 * 60)

    assert client.get(reverse("programmes:staff_home")).status_code == 302  # to their space
    assert client.session["_auth_user_id"] == str(coordinator.pk)
    assert int(time.time()) - client.session[SEEN] < 5  # the clock was reset


def test_a_ministry_session_ends_12_hours_after_sign_in_however_active(client):
    client.force_login(UserFactory(ministry=True))
    age_session(client, idle=60, since_sign_in=12 * 60 * 60 + 60)

    response = client.get(reverse("programmes:association_list"))

    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_a_youth_is_not_signed_out_after_30_minutes_idle(client):
    youth = YouthProfileFactory().user
    client.force_login(youth)
    age_session(client, idle=3 * 60 * 60, since_sign_in=20 * 60 * 60)

    assert client.get(reverse("programmes:my_space")).status_code == 200


def sign_in(client, user, *, remember: bool):
    data = {"login": user.email, "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    response = client.post(reverse("account_login"), data)
    assert response.status_code == 302
    return response


def test_remember_me_keeps_a_mentor_signed_in_beyond_the_browser(client):
    mentor = UserFactory(mentor=True)

    response = sign_in(client, mentor, remember=True)

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE


def test_remember_me_is_ignored_for_association_staff(client, coordinator):
    response = sign_in(client, coordinator, remember=True)

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""  # gone when the browser closes
    assert client.session.get_expire_at_browser_close()


def test_without_remember_me_a_youths_session_ends_with_the_browser(client):
    youth = YouthProfileFactory().user

    response = sign_in(client, youth, remember=False)

    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == ""


def test_the_sign_in_form_says_whom_remember_me_is_for(client):
    page = client.get(reverse("account_login")).content.decode()

    assert "Rester connecté·e sur cet appareil" in page
    assert "Pour les jeunes et les mentors" in page


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_pages_of_a_signed_in_person_are_never_stored(client):
    client.force_login(YouthProfileFactory().user)

    assert no_store(client.get(reverse("programmes:my_space")))
    assert no_store(client.get(reverse("core:home")))


def test_forms_with_personal_data_are_never_stored_even_signed_out(client):
    assert no_store(client.get(reverse("programmes:youth_signup")))
    assert no_store(client.get(reverse("programmes:mentor_signup")))
    assert no_store(client.get(reverse("account_login")))
