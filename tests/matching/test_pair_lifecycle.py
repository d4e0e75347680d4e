import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from matching.enums import PairStatus
from matching.models import ANSWER_DELAY, Pair
from mentorat.states import InvalidTransition
from tests.accounts.factories import UserFactory
from tests.matching.factories import PairFactory

pytestmark = pytest.mark.django_db


def statuses(pair):
    return [(event.from_status, event.to_status) for event in pair.events.all()]


def test_approved_then_accepted_by_both_the_pair_is_active_with_a_start_date():
    pair = PairFactory()
    staff = UserFactory(association_staff=True)

    pair.approve(by=staff)
    assert pair.answer_deadline > timezone.now() + ANSWER_DELAY - datetime.timedelta(minutes=1)
    pair.answer(by=pair.youth.user, accepted=True)
    assert pair.status == PairStatus.APPROVED  # still waiting for the mentor
    pair.answer(by=pair.mentor.user, accepted=True)

    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE
    assert pair.started_on == timezone.localdate()
    assert statuses(pair) == [
        ("proposed", "approved"),
        ("approved", "approved"),
        ("approved", "active"),
    ]
    assert pair.events.first().by == staff


def test_a_decline_needs_a_reason_and_gives_the_mentor_place_back():
    pair = PairFactory(approved=True)
    assert pair.mentor.open_pairs == 1

    with pytest.raises(InvalidTransition):
        pair.answer(by=pair.mentor.user, accepted=False, reason=" ")
    pair.answer(by=pair.mentor.user, accepted=False, reason="Je déménage le mois prochain.")

    pair.mentor.refresh_from_db()
    assert pair.status == PairStatus.DECLINED
    assert pair.mentor.open_pairs == 0
    assert pair.events.last().reason == "Je déménage le mois prochain."


def test_an_answer_after_the_deadline_is_refused_with_a_clear_message():
    pair = PairFactory(overdue=True)
    with pytest.raises(InvalidTransition, match="délai de réponse est dépassé"):
        pair.answer(by=pair.youth.user, accepted=True)


def test_an_expired_proposal_frees_the_youth_and_the_mentor():
    pair = PairFactory(overdue=True)
    pair.expire()
    pair.mentor.refresh_from_db()
    assert pair.status == PairStatus.EXPIRED and pair.mentor.open_pairs == 0
    PairFactory(youth=pair.youth, mentor=pair.mentor)  # the youth may be proposed again


def test_staff_reject_a_proposal_only_with_a_reason():
    pair = PairFactory()
    with pytest.raises(InvalidTransition):
        pair.reject(by=None, reason="")
    pair.reject(by=None, reason="Trop loin l’un de l’autre.")
    assert pair.status == PairStatus.REJECTED


@pytest.mark.parametrize("action", ["approve", "expire"])
def test_impossible_transitions_are_refused(action):
    pair = PairFactory(active=True)
    with pytest.raises(InvalidTransition):
        getattr(pair, action)(**({"by": None} if action == "approve" else {}))


def test_an_active_pair_ends_early_with_a_reason_from_the_list_and_a_few_words():
    stopped = PairFactory(active=True)
    with pytest.raises(InvalidTransition):
        stopped.end_early(by=None, reason="moved_away", details="")
    with pytest.raises(InvalidTransition):
        stopped.end_early(by=None, reason="objectives_reached", details="Fini.")
    stopped.end_early(by=None, reason="moved_away", details="Une alternance loin d’ici.")
    assert stopped.status == PairStatus.ENDED_EARLY and stopped.ended_at


def test_the_database_refuses_a_second_open_pair_for_a_youth():
    pair = PairFactory(active=True)
    with pytest.raises(IntegrityError):
        Pair.objects.create(programme=pair.programme, youth=pair.youth, mentor=PairFactory().mentor)


def test_the_database_refuses_a_mentor_above_capacity():
    pair = PairFactory(mentor__capacity=1)
    pair.mentor.open_pairs = 2
    with pytest.raises(IntegrityError):
        pair.mentor.save(update_fields=["open_pairs"])


def test_each_member_of_a_pair_sees_the_other_and_a_stranger_is_neither():
    pair = PairFactory()
    assert pair.other_person(pair.youth.user) == pair.mentor
    assert pair.other_person(pair.mentor.user) == pair.youth
    with pytest.raises(ValueError):
        pair.other_person(UserFactory())


def test_only_the_youth_and_the_mentor_may_answer_a_proposal():
    pair = PairFactory(approved=True)
    with pytest.raises(InvalidTransition, match="Seuls le jeune et le mentor"):
        pair.answer(by=UserFactory(), accepted=True)
    pair.refresh_from_db()
    assert (pair.youth_answer, pair.mentor_answer) == ("", "")
    assert not pair.events.exists()
