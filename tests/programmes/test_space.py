import pytest
from django.urls import reverse
from django.utils import timezone

from programmes.enums import ParticipantStatus
from programmes.models import MentorProfile, YouthProfile
from tests.accounts.factories import UserFactory
from tests.programmes.factories import (
    MentorProfileFactory,
    ParentalConsentFactory,
    ProgrammeFactory,
    YouthProfileFactory,
    years_ago,
)

pytestmark = pytest.mark.django_db

SPACE = reverse("programmes:my_space")
EDIT = reverse("programmes:profile_edit")
COMPLETE = reverse("programmes:complete_registration")


def page_of(client, user, url=SPACE):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("url", [SPACE, EDIT, COMPLETE])
@pytest.mark.parametrize("role", ["association_staff", "ministry"])
def test_only_youths_and_mentors_have_a_space(client, url, role):
    client.force_login(UserFactory(**{role: True}))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", [SPACE, EDIT, COMPLETE])
def test_anonymous_visitors_are_sent_to_login(client, url):
    assert client.get(url).url == f"{reverse('account_login')}?next={url}"


def test_a_youth_awaiting_consent_sees_the_parents_address_and_can_resend(
    client, django_assert_num_queries
):
    consent = ParentalConsentFactory(guardian_email="sophie@exemple.fr")
    client.force_login(consent.youth.user)

    # session, user, profile with all it shows, its latest consent request, proposals
    # awaiting an answer; savepoint
    with django_assert_num_queries(8):
        page = client.get(SPACE).content.decode()

    assert "L’accord de ton parent" in page and "Étape 1 sur 3" in page
    assert "sophie@exemple.fr" in page
    assert reverse("programmes:consent_renew") in page


def test_an_expired_request_invites_to_send_it_again(client):
    consent = ParentalConsentFactory(decision="expired")
    assert "La demande a expiré" in page_of(client, consent.youth.user)


def test_a_youth_under_review_sees_the_association(client):
    youth = YouthProfileFactory(programme__association__name="Article 1")
    page = page_of(client, youth.user)
    assert "Article 1 étudie ton inscription" in page and "Étape 2 sur 3" in page
    assert "M’orienter" in page and "mercredi après-midi" in page  # the profile summary
    assert EDIT in page


def test_a_ready_youth_waits_for_a_mentor(client):
    youth = YouthProfileFactory(ready=True)
    assert "On te cherche un mentor" in page_of(client, youth.user)


def test_a_refused_youth_sees_the_reason(client):
    youth = YouthProfileFactory(rejected=True)
    page = page_of(client, youth.user)
    assert "Ton inscription n’a pas été retenue" in page
    assert "Hors du territoire couvert." in page


def test_a_youth_on_the_waiting_list_is_told_plainly(client):
    youth = YouthProfileFactory(waiting_list=True)
    assert "aucun programme ne peut t’accueillir" in page_of(client, youth.user)


def test_a_mentor_under_review_sees_the_association_and_their_attestation(
    client, django_assert_num_queries
):
    mentor = MentorProfileFactory(
        programme__association__name="Duo for a job", attestation_date=timezone.localdate()
    )
    client.force_login(mentor.user)
    with django_assert_num_queries(7):
        page = client.get(SPACE).content.decode()
    assert "Duo for a job étudie votre candidature" in page
    assert "à vérifier par l’association" in page


def test_a_mentor_without_attestation_is_reminded(client):
    mentor = MentorProfileFactory(ready=True)
    page = page_of(client, mentor.user)
    assert "On vous cherche un jeune" in page
    assert "que des jeunes majeurs" in page


def test_an_account_without_profile_is_invited_to_complete_it(client):
    page = page_of(client, UserFactory(youth=True))
    assert "Il te reste une étape" in page and COMPLETE in page


def test_a_youth_completes_their_registration_with_the_same_fields(client):
    ProgrammeFactory()
    user = UserFactory(youth=True, first_name="Inès", last_name="Diallo")
    page = page_of(client, user, COMPLETE)
    assert "En quelques mots, qu’attends-tu d’un mentor ?" in page
    assert 'name="email"' not in page  # the account exists already

    response = client.post(
        COMPLETE,
        {
            "birth_date": years_ago(17).isoformat(),
            "postal_code": "75011",
            "situation": "high_school",
            "needs": ["orientation"],
            "format": "in_person",
            "availability": ["sat_morning"],
            "languages": ["fr"],
            "gender": "female",
            "expectations": "Choisir mes études.",
            "accept_privacy": "on",
            "accept_charter": "on",
        },
    )

    assert response.url == SPACE
    assert user.youth_profile.status == ParticipantStatus.PENDING_REVIEW
    assert client.get(COMPLETE).url == SPACE  # once only


def test_a_mentor_completes_their_registration(client):
    ProgrammeFactory(departement_codes=["69"])
    user = UserFactory(mentor=True)
    client.force_login(user)
    response = client.post(
        COMPLETE,
        {
            "postal_code": "69003",
            "profession": "Comptable",
            "sector": "finance",
            "years_of_experience": "20",
            "needs": ["employment"],
            "capacity": "1",
            "format": "both",
            "availability": ["mon_evening"],
            "languages": ["fr"],
            "gender": "male",
            "accept_charter": "on",
        },
    )
    assert response.url == SPACE
    assert MentorProfile.objects.get(user=user).departement_id == "69"


class TestProfileEdit:
    def youth_data(self, youth, **overrides):
        return {
            "postal_code": youth.postal_code,
            "situation": youth.situation,
            "needs": ["orientation", "apprenticeship"],
            "format": youth.format,
            "availability": ["wed_afternoon", "sat_morning"],
            "languages": ["fr"],
            "gender": youth.gender,
            "expectations": youth.expectations,
            **overrides,
        }

    def test_a_youth_edits_their_own_profile(self, client):
        youth = YouthProfileFactory()
        other = YouthProfileFactory()
        client.force_login(youth.user)

        response = client.post(EDIT, self.youth_data(youth, expectations="Trouver un stage."))

        assert response.url == SPACE
        youth.refresh_from_db()
        other.refresh_from_db()
        assert youth.expectations == "Trouver un stage."
        assert other.expectations != "Trouver un stage."
        assert youth.criteria_changed_at is None  # not approved yet: nothing to flag

    def test_changing_matching_criteria_after_approval_is_flagged_to_staff(self, client):
        youth = YouthProfileFactory(ready=True)
        client.force_login(youth.user)
        client.post(EDIT, self.youth_data(youth, expectations="Autre chose."))
        youth.refresh_from_db()
        assert youth.criteria_changed_at is None  # the free text is not a criterion

        client.post(EDIT, self.youth_data(youth, postal_code="13001"))
        youth.refresh_from_db()
        assert youth.departement_id == "13"
        assert youth.criteria_changed_at is not None

    def test_bad_input_is_refused_next_to_the_field(self, client):
        youth = YouthProfileFactory()
        client.force_login(youth.user)
        response = client.post(EDIT, self.youth_data(youth, postal_code="99999", needs=[]))
        assert response.context["form"].errors["postal_code"]
        assert response.context["form"].errors["needs"] == ["Coche au moins une case."]
        youth.refresh_from_db()
        assert youth.postal_code == "75011"

    def test_a_mentor_cannot_change_an_attestation_staff_have_seen(self, client):
        mentor = MentorProfileFactory(with_attestation=True)
        seen = mentor.attestation_date
        client.force_login(mentor.user)
        response = client.get(EDIT)
        assert response.context["form"].fields["attestation_date"].disabled
        data = {
            "postal_code": "75011",
            "profession": "Développeuse",
            "sector": "it",
            "years_of_experience": "9",
            "needs": ["orientation"],
            "capacity": "3",
            "format": "both",
            "availability": ["mon_evening"],
            "languages": ["fr"],
            "gender": "female",
            "attestation_date": "2020-01-01",
        }
        assert client.post(EDIT, data).url == SPACE
        mentor.refresh_from_db()
        assert (mentor.capacity, mentor.attestation_date) == (3, seen)

    def test_a_mentor_cannot_lower_capacity_below_the_youths_already_followed(self, client):
        mentor = MentorProfileFactory(capacity=2, open_pairs=2)
        client.force_login(mentor.user)
        data = {
            "postal_code": "75011",
            "profession": "Développeuse",
            "sector": "it",
            "years_of_experience": "9",
            "needs": ["orientation"],
            "capacity": "1",
            "format": "both",
            "availability": ["mon_evening"],
            "languages": ["fr"],
            "gender": "female",
        }
        response = client.post(EDIT, data)
        assert "déjà 2 jeune(s)" in response.context["form"].errors["capacity"][0]
        mentor.refresh_from_db()
        assert mentor.capacity == 2

    def test_without_a_profile_editing_leads_to_completing(self, client):
        client.force_login(UserFactory(mentor=True))
        assert client.get(EDIT).url == COMPLETE


def test_a_profile_is_only_ever_the_signed_in_persons(client):
    youth = YouthProfileFactory(user__first_name="Inès")
    YouthProfileFactory(user__first_name="Zoé")
    page = page_of(client, youth.user)
    assert "Inès" in page and "Zoé" not in page
    assert YouthProfile.objects.count() == 2
