import pytest
from django.core import mail
from django.utils import timezone

from matching.enums import PairStatus
from matching.services import ProposalRefused, pair_propose
from matching.tasks import expire_overdue_proposals
from matching.workflow import pair_answer, pair_approve
from tests.matching.factories import PairFactory
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ProgrammeFactory,
    YouthProfileFactory,
)

pytestmark = pytest.mark.django_db


def propose(youth, mentor):
    return pair_propose(youth=youth, mentor=mentor, score=50.0, explanation=[])


def test_a_hand_proposal_takes_a_place_and_the_database_stops_at_capacity():
    programme = ProgrammeFactory()
    mentor = MentorProfileFactory(programme=programme, ready=True, capacity=1)
    first, second = YouthProfileFactory.create_batch(2, programme=programme, ready=True)

    propose(first, mentor)
    with pytest.raises(ProposalRefused, match="autant de jeunes que possible"):
        propose(second, mentor)

    mentor.refresh_from_db()
    assert mentor.open_pairs == 1


def test_a_youth_cannot_have_two_open_proposals():
    pair = PairFactory()
    other = MentorProfileFactory(programme=pair.programme, ready=True)
    with pytest.raises(ProposalRefused, match="déjà un binôme"):
        propose(pair.youth, other)
    other.refresh_from_db()
    assert other.open_pairs == 0  # the place taken in the failed attempt was given back


def test_no_new_pair_in_a_suspended_association():
    programme = ProgrammeFactory(association=AssociationFactory(suspended=True))
    with pytest.raises(ProposalRefused, match="plus labellisée"):
        propose(
            YouthProfileFactory(programme=programme, ready=True),
            MentorProfileFactory(programme=programme, ready=True),
        )


def test_approval_tells_both_people_and_their_answers_start_the_pair(
    django_capture_on_commit_callbacks,
):
    pair = PairFactory(youth__user__first_name="Inès", mentor__user__first_name="Karim")

    with django_capture_on_commit_callbacks(execute=True):
        pair_approve(pair=pair, by=None)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [pair.youth.user.email, pair.mentor.user.email]
    )
    assert any("vous propose Karim comme mentor" in m.body for m in mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        pair_answer(pair=pair, by=pair.youth.user, accepted=True)
        pair_answer(pair=pair, by=pair.mentor.user, accepted=True)
    assert pair.status == PairStatus.ACTIVE
    assert mail.outbox[-1].subject == "Votre binôme commence"


def test_overdue_proposals_expire_once_and_people_are_told(django_capture_on_commit_callbacks):
    overdue = PairFactory(overdue=True)
    PairFactory(approved=True)  # still within its deadline

    with django_capture_on_commit_callbacks(execute=True):
        assert expire_overdue_proposals() == 1
    assert expire_overdue_proposals() == 0

    overdue.refresh_from_db()
    assert overdue.status == PairStatus.EXPIRED
    assert {message.subject for message in mail.outbox} == {"La proposition de binôme a expiré"}
    assert overdue.answer_deadline < timezone.now()
