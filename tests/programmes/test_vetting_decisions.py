import pytest
from django.core import mail
from django.utils import translation

from mentorat.notifications.models import Message
from mentorat.states import InvalidTransition
from programmes.enums import ParticipantStatus
from programmes.vetting import participant_approve, participant_reject
from tests.accounts.factories import UserFactory
from tests.programmes.factories import MentorProfileFactory, YouthProfileFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "https://mentorat.example/mon-espace/"


@pytest.fixture
def reviewer():
    return UserFactory(association_staff=True)


def test_an_approved_youth_is_emailed_what_comes_next(reviewer, django_capture_on_commit_callbacks):
    youth = YouthProfileFactory(user__first_name="Inès", programme__association__name="Article 1")

    with django_capture_on_commit_callbacks(execute=True):
        participant_approve(participant=youth, by=reviewer, dashboard_url=DASHBOARD)

    youth.refresh_from_db()
    assert youth.status == ParticipantStatus.READY
    [email] = mail.outbox
    assert email.to == [youth.user.email]
    assert email.subject == "Ton inscription est validée"  # "tu" to a youth
    assert "Bonjour Inès," in email.body
    assert "l’association Article 1 a validé ton inscription" in email.body
    assert "cherche le mentor qui te correspond" in email.body
    assert " vous " not in email.body and " vous " not in email.alternatives[0][0]
    assert DASHBOARD in email.alternatives[0][0]


def test_a_mentor_without_valid_attestation_is_told_they_will_mentor_adults(reviewer):
    message = _approved(MentorProfileFactory(), reviewer)
    assert "que des jeunes majeurs" in message.body_text


def test_a_mentor_with_a_valid_attestation_is_not(reviewer):
    message = _approved(MentorProfileFactory(with_attestation=True), reviewer)
    assert "vous proposera un ou une jeune" in message.body_text
    assert "majeurs" not in message.body_text


def test_a_rejected_person_reads_the_reason_kindly_and_unescaped(reviewer):
    youth = YouthProfileFactory(user__first_name="Yanis")
    reason = "Notre programme s’adresse aux 18-25 ans : l’Afev accueille les lycéens."

    participant_reject(participant=youth, by=reviewer, reason=reason, dashboard_url=DASHBOARD)

    message = Message.objects.get(recipient=youth.user)
    assert message.subject == "Ton inscription n’a pas pu être retenue"
    assert "Merci de l’intérêt que tu portes au mentorat" in message.body_text
    assert "Si tu as une question" in message.body_html and "vous" not in message.body_html
    assert reason in message.body_text
    assert "18-25 ans" in message.body_html


def test_each_decision_is_its_own_message(reviewer):
    mentor = MentorProfileFactory()
    participant_approve(participant=mentor, by=reviewer, dashboard_url=DASHBOARD)
    participant_reject(participant=mentor, by=reviewer, reason="Départ.", dashboard_url=DASHBOARD)

    keys = list(Message.objects.order_by("pk").values_list("key", flat=True))
    assert len(keys) == len(set(keys)) == 2
    assert keys[0].startswith(f"review_approved:mentorprofile-{mentor.pk}:")


def test_a_refused_transition_sends_nothing(reviewer):
    youth = YouthProfileFactory(rejected=True)
    with pytest.raises(InvalidTransition):
        participant_approve(participant=youth, by=reviewer, dashboard_url=DASHBOARD)
    with pytest.raises(InvalidTransition):
        participant_reject(participant=youth, by=reviewer, reason="", dashboard_url=DASHBOARD)
    assert not Message.objects.exists()


def test_the_email_is_in_french_whatever_the_staffs_language(reviewer):
    with translation.override("en"):
        message = _approved(YouthProfileFactory(), reviewer)
    assert message.subject == "Ton inscription est validée"


def _approved(person, reviewer) -> Message:
    participant_approve(participant=person, by=reviewer, dashboard_url=DASHBOARD)
    return Message.objects.get(recipient=person.user)


def test_a_person_with_a_pair_under_way_is_not_refused():
    from matching.enums import PairStatus
    from tests.matching.factories import PairFactory

    pair = PairFactory(status=PairStatus.PROPOSED)
    with pytest.raises(InvalidTransition, match="binôme ou une proposition en cours"):
        participant_reject(
            participant=pair.mentor, by=None, reason="Plus disponible.", dashboard_url="/"
        )
    pair.mentor.refresh_from_db()
    assert pair.mentor.status == "ready"
