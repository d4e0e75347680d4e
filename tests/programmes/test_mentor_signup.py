import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mentorat.accounts.models import User
from programmes import flags
from programmes.enums import Need, ParticipantStatus
from programmes.models import MentorProfile
from tests.accounts.factories import PASSWORD, UserFactory
from tests.programmes.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

URL = reverse("programmes:mentor_signup")


def mentor_data(**overrides):
    return {
        "first_name": "Nadia",
        "last_name": "Roux",
        "email": "nadia.roux@exemple.fr",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "postal_code": "75011",
        "profession": "Développeuse",
        "sector": "it",
        "years_of_experience": "8",
        "needs": ["orientation", "internship"],
        "capacity": "2",
        "format": "remote",
        "availability": ["tue_evening"],
        "languages": ["fr", "en"],
        "gender": "female",
        "accept_charter": "on",
        **overrides,
    }


def errors(response, field):
    return response.context["form"].errors.get(field, [])


def test_the_page_is_public_and_explains_the_attestation(client, django_assert_num_queries):
    ProgrammeFactory.create_batch(2)
    with django_assert_num_queries(4):  # the visit that renders the blank form reads them twice
        client.get(URL)
    with django_assert_num_queries(3):  # the programmes on offer, in the request's savepoint
        response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Date de l’attestation d’honorabilité" in page
    assert "valable 6 mois" in page and "l’association la vérifiera" in page


def test_a_mentor_with_an_attestation_signs_up_and_awaits_review(
    client, django_capture_on_commit_callbacks
):
    programme = ProgrammeFactory(departement_codes=["75"])
    attested_on = timezone.localdate() - datetime.timedelta(days=10)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, mentor_data(attestation_date=attested_on.isoformat()))

    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="nadia.roux@exemple.fr")
    assert user.role == "mentor"
    mentor = user.mentor_profile
    assert mentor.status == ParticipantStatus.PENDING_REVIEW
    assert mentor.programme == programme
    assert (mentor.capacity, mentor.years_of_experience, mentor.departement_id) == (2, 8, "75")
    assert mentor.attestation_date == attested_on
    assert mentor.attestation_checked_at is None  # staff have not seen it yet
    assert not mentor.has_valid_attestation()
    assert mail.outbox[-1].to == ["nadia.roux@exemple.fr"]


def test_the_attestation_is_optional_at_sign_up(client):
    ProgrammeFactory()
    client.post(URL, mentor_data())
    assert MentorProfile.objects.get().attestation_date is None


def test_an_attestation_dated_in_the_future_is_refused(client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(URL, mentor_data(attestation_date=tomorrow.isoformat()))
    assert errors(response, "attestation_date") == ["Cette date est dans le futur."]
    assert not User.objects.exists()


@pytest.mark.parametrize("capacity", ["0", "4", "7"])
def test_a_capacity_outside_1_to_3_is_refused(client, capacity):
    response = client.post(URL, mentor_data(capacity=capacity))
    assert errors(response, "capacity") == ["Un mentor suit de 1 à 3 jeunes à la fois."]
    assert not User.objects.exists()


def test_a_chosen_programme_must_serve_the_mentors_departement(client):
    elsewhere = ProgrammeFactory(departement_codes=["13"])
    response = client.post(URL, mentor_data(programme=elsewhere.pk))
    assert errors(response, "programme") == [
        "Ce programme n’intervient pas dans votre département."
    ]

    here = ProgrammeFactory(departement_codes=["75"])
    client.post(URL, mentor_data(programme=here.pk))
    assert MentorProfile.objects.get().programme == here


def test_left_to_us_the_mentor_joins_the_programme_with_most_needs_in_common(client):
    ProgrammeFactory(needs=flags.mask_of(Need, ["employment"]))
    best = ProgrammeFactory(needs=flags.mask_of(Need, ["orientation", "internship"]))

    client.post(URL, mentor_data())

    assert MentorProfile.objects.get().programme == best


def test_with_no_programme_nearby_the_mentor_is_on_the_waiting_list(client):
    ProgrammeFactory(departement_codes=["971"])

    response = client.post(URL, mentor_data(), follow=True)

    mentor = MentorProfile.objects.get()
    assert (mentor.status, mentor.programme) == (ParticipantStatus.WAITING_LIST, None)
    assert "vous êtes sur liste d’attente" in response.content.decode()


def test_an_email_that_already_has_an_account_is_refused(client):
    UserFactory(email="nadia.roux@exemple.fr")
    response = client.post(URL, mentor_data())
    assert "Un compte existe déjà avec cette adresse." in errors(response, "email")[0]
    assert not MentorProfile.objects.exists()


def test_the_charter_must_be_accepted(client):
    response = client.post(URL, mentor_data(accept_charter=""))
    assert errors(response, "accept_charter")


def test_mentor_sign_ups_are_rate_limited_per_address(client):
    for n in range(10):
        client.post(URL, mentor_data(email=f"robot{n}@exemple.fr", capacity="9"))

    response = client.post(URL, mentor_data())

    assert response.status_code == 429
    assert "Trop d’inscriptions" in response.content.decode()
    assert not User.objects.exists()


def test_the_sign_up_limit_counts_per_client_address(client):
    for n in range(10):
        client.post(
            URL, mentor_data(email=f"robot{n}@exemple.fr", capacity="9"), REMOTE_ADDR="192.0.2.1"
        )
    assert client.post(URL, mentor_data(), REMOTE_ADDR="192.0.2.1").status_code == 429

    response = client.post(URL, mentor_data(), REMOTE_ADDR="192.0.2.2")

    assert response.status_code == 302
    assert User.objects.filter(email="nadia.roux@exemple.fr").exists()
