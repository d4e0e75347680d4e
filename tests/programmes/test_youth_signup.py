import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from mentorat.accounts.models import User
from mentorat.notifications.models import Message
from programmes import flags, signup
from programmes.enums import ConsentDecision, Need, ParticipantStatus, Slot
from programmes.models import ParentalConsent, YouthProfile
from programmes.tokens import digest
from tests.accounts.factories import PASSWORD, UserFactory
from tests.programmes.factories import (
    AssociationFactory,
    ProgrammeFactory,
    YouthProfileFactory,
    years_ago,
)

pytestmark = pytest.mark.django_db

URL = reverse("programmes:youth_signup")


def youth_data(**overrides):
    return {
        "first_name": "Léa",
        "last_name": "Moreau",
        "birth_date": years_ago(20).isoformat(),
        "email": "lea.moreau@exemple.fr",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "postal_code": "93200",
        "situation": "job_seeking",
        "needs": ["apprenticeship", "self_confidence"],
        "format": "both",
        "availability": ["wed_afternoon", "sat_morning"],
        "languages": ["fr", "ar"],
        "gender": "female",
        "expectations": "Trouver une alternance dans le numérique.",
        "accept_privacy": "on",
        "accept_charter": "on",
        **overrides,
    }


def errors(response, field):
    return response.context["form"].errors.get(field, [])


def test_the_page_is_public_and_reads_in_a_bounded_number_of_queries(
    client, django_assert_num_queries
):
    ProgrammeFactory.create_batch(3)
    # The programmes on offer, within the request's savepoint; read once more by the visit
    # that renders the blank form (later ones find it in memory, for the same programmes).
    with django_assert_num_queries(4):
        client.get(URL)
    with django_assert_num_queries(3):
        response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert "En quelques mots, qu’attends-tu d’un mentor ?" in page
    assert 'href="/confidentialite/"' in page and 'href="/charte/"' in page
    assert 'id="id_availability_7"' in page  # the grid: Wednesday afternoon


def test_a_20_year_old_gets_an_account_and_a_profile_then_confirms_their_email(
    client, django_capture_on_commit_callbacks
):
    programme = ProgrammeFactory(departement_codes=["93"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, youth_data(phone="06 12 34 56 78", lives_in_qpv="on"))

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="lea.moreau@exemple.fr")
    assert (user.first_name, user.last_name, user.role) == ("Léa", "Moreau", "youth")
    assert not EmailAddress.objects.get(user=user).verified
    youth = user.youth_profile
    assert youth.programme == programme
    assert youth.status == ParticipantStatus.PENDING_REVIEW
    assert youth.departement_id == "93"
    assert youth.needs == flags.mask_of(Need, ["apprenticeship", "self_confidence"])
    assert youth.availability == flags.mask_of(Slot, ["wed_afternoon", "sat_morning"])
    assert youth.lives_in_qpv and not youth.at_risk_of_dropping_out
    assert youth.phone == "06 12 34 56 78"
    assert youth.privacy_accepted_at and youth.charter_accepted_at
    assert not hasattr(youth, "parental_consent") or youth.parental_consent is None

    # allauth's confirmation, through the outbox; confirming signs in and opens the space.
    assert mail.outbox[-1].to == ["lea.moreau@exemple.fr"]
    link = re.search(r"https?://\S+(/comptes/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    response = client.post(link)
    assert response.url == reverse("programmes:my_space")
    response = client.get(response.url)
    assert "étudie ton inscription" in response.content.decode()


def test_under_15_the_parent_fields_are_required(client):
    ProgrammeFactory()
    response = client.post(URL, youth_data(birth_date=years_ago(14).isoformat()))

    assert response.status_code == 200
    assert errors(response, "guardian_name") == [
        "Tu as moins de 15 ans : ce champ est obligatoire."
    ]
    assert errors(response, "guardian_email")
    assert not User.objects.filter(role="youth").exists()


def test_under_15_the_parent_is_asked_and_the_youth_awaits_consent(
    client, django_capture_on_commit_callbacks
):
    programme = ProgrammeFactory()
    data = youth_data(
        birth_date=years_ago(14).isoformat(),
        postal_code="75011",
        guardian_name="Sophie Moreau",
        guardian_email="Sophie.Moreau@exemple.fr",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, data)

    youth = YouthProfile.objects.get()
    assert youth.status == ParticipantStatus.AWAITING_CONSENT
    assert youth.programme == programme
    consent = youth.consent_requests.get()
    assert (consent.guardian_name, consent.guardian_email) == (
        "Sophie Moreau",
        "sophie.moreau@exemple.fr",
    )
    assert consent.decision == ConsentDecision.PENDING
    to_parent = next(m for m in mail.outbox if m.to == ["sophie.moreau@exemple.fr"])
    link = re.search(r"/accord-parental/([\w-]+)/", to_parent.body)
    assert link and digest(link[1]) == consent.token  # only the digest is stored
    assert "Léa" in to_parent.subject


def test_the_parent_cannot_be_the_youth_themselves(client):
    response = client.post(
        URL,
        youth_data(
            birth_date=years_ago(14).isoformat(),
            guardian_name="Moi",
            guardian_email="lea.moreau@exemple.fr",
        ),
    )
    assert errors(response, "guardian_email") == ["Écris l’adresse de ton parent, pas la tienne."]


@pytest.mark.parametrize(
    ("birth_date", "reason"),
    [
        (years_ago(12), "à partir de 13 ans"),
        (years_ago(31), "jusqu’à 30 ans"),
        (years_ago(0, days=-3), "ne peut pas être dans le futur"),
    ],
)
def test_an_age_outside_13_to_30_is_refused_with_the_reason(client, birth_date, reason):
    response = client.post(URL, youth_data(birth_date=birth_date.isoformat()))
    assert reason in errors(response, "birth_date")[0]
    assert not User.objects.exists()


def test_an_unknown_postal_code_is_a_field_error_and_what_was_typed_is_kept(client):
    response = client.post(URL, youth_data(postal_code="99999"))

    assert errors(response, "postal_code") == [
        "Ce code postal ne correspond à aucun département : vérifiez-le."
    ]
    page = response.content.decode()
    assert 'class="fr-input-group fr-input-group--error" id="div_id_postal_code"' in page
    assert 'value="Léa"' in page and 'value="lea.moreau@exemple.fr"' in page
    assert 'value="wed_afternoon" id="id_availability_7" checked' in page
    assert "Trouver une alternance dans le numérique." in page
    assert not User.objects.exists()


def test_corsica_postal_codes_lead_to_2a_and_2b(client):
    client.post(URL, youth_data(postal_code="20000"))
    assert YouthProfile.objects.get().departement_id == "2A"


def test_a_chosen_programme_must_take_the_youth(client):
    too_young = ProgrammeFactory(age_min=13, age_max=18)
    response = client.post(URL, youth_data(programme=too_young.pk))
    assert "ne peut pas t’accueillir" in errors(response, "programme")[0]

    fitting = ProgrammeFactory(age_min=18, age_max=25)
    client.post(URL, youth_data(programme=fitting.pk))
    assert YouthProfile.objects.get().programme == fitting


def test_a_closed_programme_cannot_be_chosen(client):
    closed = ProgrammeFactory(closed=True)
    response = client.post(URL, youth_data(programme=closed.pk))
    assert errors(response, "programme")


def test_when_no_programme_fits_the_youth_is_on_the_waiting_list_and_told_so(client):
    ProgrammeFactory(departement_codes=["13"])

    response = client.post(URL, youth_data(), follow=True)

    youth = YouthProfile.objects.get()
    assert youth.status == ParticipantStatus.WAITING_LIST
    assert youth.programme is None
    assert "tu es sur liste d’attente" in response.content.decode()


def test_an_email_that_already_has_an_account_is_refused_next_to_the_field(client):
    UserFactory(email="lea.moreau@exemple.fr")

    response = client.post(URL, youth_data(email="Lea.Moreau@Exemple.fr"))

    page = response.content.decode()
    assert "Un compte existe déjà avec cette adresse." in page
    assert 'href="/comptes/login/"' in page and 'href="/comptes/password/reset/"' in page
    assert 'id="div_id_email"' in page and "fr-input-group--error" in page
    assert User.objects.count() == 1


def test_a_weak_password_is_refused_in_french(client):
    response = client.post(URL, youth_data(password1="court", password2="court"))
    assert "trop court" in " ".join(errors(response, "password1"))
    response = client.post(URL, youth_data(password2="autre-mot-de-passe"))
    assert errors(response, "password2") == ["Les deux mots de passe ne sont pas les mêmes."]


def test_a_namesake_in_the_same_association_is_never_told_to_the_visitor(client):
    """Anyone can type a name and a birth date: whether such a youth is registered is not
    answered on a public page. The sign-up goes through, flagged for the staff."""
    programme = ProgrammeFactory()
    first = YouthProfileFactory(
        user__first_name="LÉA",
        user__last_name="moreau",
        birth_date=years_ago(20),
        programme=programme,
    )
    elsewhere = YouthProfileFactory(
        user__first_name="Léa",
        user__last_name="Moreau",
        birth_date=years_ago(20),
        programme=ProgrammeFactory(departement_codes=["13"]),
    )

    response = client.post(URL, youth_data(first_name="Lea ", last_name="Moréau"), follow=True)

    page = response.content.decode()
    assert "déjà inscrit" not in page and "même date de naissance" not in page
    youth = YouthProfile.objects.get(user__email="lea.moreau@exemple.fr")
    assert youth.programme == programme
    # The namesake of the same association first: the likeliest second sign-up.
    assert youth.possible_duplicate_of == first != elsewhere


def test_the_same_youth_in_another_association_is_flagged_for_staff(client):
    first = YouthProfileFactory(
        user__first_name="Léa",
        user__last_name="Moreau",
        birth_date=years_ago(20),
        programme=ProgrammeFactory(departement_codes=["13"]),
    )
    other = ProgrammeFactory(association=AssociationFactory(), departement_codes=["93"])

    client.post(URL, youth_data())

    youth = YouthProfile.objects.get(user__email="lea.moreau@exemple.fr")
    assert youth.programme == other
    assert youth.possible_duplicate_of == first


def test_both_texts_must_be_accepted(client):
    response = client.post(URL, youth_data(accept_privacy="", accept_charter=""))
    assert errors(response, "accept_privacy") == ["Cochez cette case pour continuer."]
    assert errors(response, "accept_charter") == ["Cochez cette case pour continuer."]


def test_sign_ups_are_rate_limited_per_address(client):
    for n in range(10):
        client.post(URL, youth_data(email=f"robot{n}@exemple.fr", postal_code="00000"))

    response = client.post(URL, youth_data())

    assert response.status_code == 429
    assert "Trop d’inscriptions" in response.content.decode()
    assert not User.objects.exists()
    # Another address is served.
    assert client.post(URL, youth_data(), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_a_signed_in_youth_is_sent_to_their_space(client):
    client.force_login(UserFactory(youth=True))
    assert client.get(URL).url == reverse("programmes:my_space")


def test_signed_in_staff_go_to_their_dashboard(client):
    client.force_login(UserFactory(association_staff=True))
    assert client.get(URL).url == reverse("core:dashboard")


def test_an_address_taken_meanwhile_is_an_email_error_not_a_crash():
    UserFactory(email="lea.moreau@exemple.fr")
    with pytest.raises(ValidationError) as raised:
        signup.youth_signup(
            email="lea.moreau@exemple.fr",
            password=PASSWORD,
            first_name="Léa",
            last_name="Moreau",
            profile=YouthProfileFactory.build(),
            chosen_programme=None,
            guardian_name="",
            guardian_email="",
            base_url="http://testserver",
        )
    assert "email" in raised.value.message_dict
    assert not Message.objects.exists()
    assert not ParentalConsent.objects.exists()


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("programmes:privacy", "Tes informations et leur protection"),
        ("programmes:charter", "La charte du mentorat"),
    ],
)
def test_the_texts_to_accept_are_public(client, url_name, heading):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert heading in response.content.decode()


def test_the_parent_fields_say_when_they_are_required_not_optional(client):
    """Refused as required below 15: their labels never say "(facultatif)"."""
    page = client.get(URL).content.decode()
    for label in (
        "Nom et prénom de ton parent ou tuteur",
        "Adresse électronique de ton parent ou tuteur",
    ):
        label_html = re.search(rf"{label}(.*?)</label>", page, re.S).group(1)
        assert "(obligatoire si tu as moins de 15 ans)" in label_html
        assert "facultatif" not in label_html
