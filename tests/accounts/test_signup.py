"""One way in per role: the account sign-up page leads to the youth's or the mentor's sign-up,
and every way of creating an account shares one limit."""

import pytest
from django.urls import reverse

from mentorat.accounts.models import User
from programmes.models import MentorProfile
from tests.accounts.factories import UserFactory
from tests.programmes.factories import StaffInvitationFactory
from tests.programmes.test_mentor_signup import mentor_data
from tests.programmes.test_youth_signup import youth_data

pytestmark = pytest.mark.django_db

SIGNUP_URL = reverse("account_signup")
YOUTH_SIGNUP = reverse("programmes:youth_signup")
MENTOR_SIGNUP = reverse("programmes:mentor_signup")


def test_the_account_sign_up_page_offers_the_two_real_sign_ups(client):
    response = client.get(SIGNUP_URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="{YOUTH_SIGNUP}"' in page and f'href="{MENTOR_SIGNUP}"' in page
    assert "<form" not in page.split('id="content"')[1]  # nothing to fill in here


def test_the_login_page_leads_to_it(client):
    assert f'href="{SIGNUP_URL}"' in client.get(reverse("account_login")).content.decode()


@pytest.mark.parametrize("role, destination", [("youth", YOUTH_SIGNUP), ("mentor", MENTOR_SIGNUP)])
def test_a_role_in_the_link_goes_straight_to_its_sign_up(client, role, destination):
    assert client.get(SIGNUP_URL, {"role": role}).url == destination


def test_a_role_nobody_chooses_shows_the_choice(client):
    assert client.get(SIGNUP_URL, {"role": "ministry"}).status_code == 200


def test_no_account_is_made_without_a_role_and_a_profile(client):
    """What the generic sign-up took: an account, then "complete your registration"."""
    response = client.post(
        SIGNUP_URL,
        {
            "email": "lea.moreau@exemple.fr",
            "first_name": "Léa",
            "last_name": "Moreau",
            "role": "mentor",
            "password1": "un-mot-de-passe-solide",
            "password2": "un-mot-de-passe-solide",
        },
    )

    assert response.status_code == 405
    assert not User.objects.exists()


def test_a_signed_in_person_is_sent_to_their_space(client):
    client.force_login(UserFactory(mentor=True))
    assert client.get(SIGNUP_URL).url == reverse("programmes:my_space")


def test_forms_use_dsfr_markup_and_never_bootstrap(client):
    page = client.post(YOUTH_SIGNUP, youth_data(email="pas-une-adresse")).content.decode()

    for dsfr in ("fr-input-group", "fr-label", "fr-fieldset", "fr-radio-group", "fr-error-text"):
        assert dsfr in page
    for bootstrap in ("form-control", "form-group", "btn-primary", "invalid-feedback", " col-md-"):
        assert bootstrap not in page


class TestOneLimitForEveryWayIn:
    """10 an hour per address, counted together on every page that makes an account."""

    def use_up_the_limit(self, client):
        for n in range(5):
            client.post(YOUTH_SIGNUP, youth_data(email=f"j{n}@exemple.fr", postal_code="00000"))
            client.post(MENTOR_SIGNUP, mentor_data(email=f"m{n}@exemple.fr", capacity="9"))

    def test_the_youth_and_mentor_sign_ups_count_together(self, client):
        self.use_up_the_limit(client)
        assert client.post(YOUTH_SIGNUP, youth_data()).status_code == 429
        assert client.post(MENTOR_SIGNUP, mentor_data()).status_code == 429
        assert not User.objects.exists()
        # Another address is served.
        assert client.post(MENTOR_SIGNUP, mentor_data(), REMOTE_ADDR="10.0.0.2").status_code == 302

    def test_completing_a_registration_counts_too(self, client):
        self.use_up_the_limit(client)
        client.force_login(UserFactory(mentor=True))
        data = {
            key: value
            for key, value in mentor_data().items()
            if key not in {"first_name", "last_name", "email", "password1", "password2"}
        }

        response = client.post(reverse("programmes:complete_registration"), data)

        assert response.status_code == 429
        assert "Trop d’inscriptions" in response.content.decode()
        assert 'value="Développeuse"' in response.content.decode()  # nothing typed is lost
        assert not MentorProfile.objects.exists()

    def test_an_account_from_a_staff_invitation_counts_too(self, client):
        invitation = StaffInvitationFactory(email="hugo@afev.fr")
        self.use_up_the_limit(client)

        response = client.post(
            reverse("programmes:invitation_accept", args=[invitation.token]),
            {
                "first_name": "Hugo",
                "last_name": "Petit",
                "password1": "un-mot-de-passe-solide",
                "password2": "un-mot-de-passe-solide",
            },
        )

        assert response.status_code == 429
        assert not User.objects.filter(email="hugo@afev.fr").exists()
