"""Meetings, objectives, closure and rematch as model methods (the views call these)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from matching.enums import ClosureReason, ObjectiveChangeKind, ObjectiveStatus, PairStatus
from matching.models import Meeting, Objective, Pair, PlannedMeeting
from matching.population import matchable_youths
from programmes.models import InvalidTransition
from tests.accounts.factories import UserFactory
from tests.matching.factories import MeetingFactory, ObjectiveFactory, PairFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 2)


@pytest.fixture
def pair():
    return PairFactory(active=True, started_on=datetime.date(2025, 3, 3))


def refusals(pair, held_on=TODAY, minutes=90, **kwargs):
    return Meeting.refusals(
        pair=pair, held_on=held_on, duration_minutes=minutes, today=TODAY, **kwargs
    )


def test_a_meeting_within_the_pair_and_of_a_plausible_length_is_accepted(pair):
    assert refusals(pair) == {}
    assert refusals(pair, held_on=pair.started_on, minutes=5) == {}
    assert refusals(pair, minutes=480) == {}


@pytest.mark.parametrize(
    ("held_on", "minutes", "field"),
    [
        (TODAY + datetime.timedelta(days=1), 90, "held_on"),  # in the future
        (datetime.date(2025, 3, 2), 90, "held_on"),  # before the pair started
        (TODAY, 4, "duration_minutes"),  # shorter than 5 minutes
        (TODAY, 481, "duration_minutes"),  # longer than 8 hours
    ],
)
def test_implausible_meetings_are_refused_next_to_the_field(pair, held_on, minutes, field):
    assert set(refusals(pair, held_on=held_on, minutes=minutes)) == {field}


def test_a_meeting_after_the_pair_ended_is_refused(pair):
    pair.end_early(
        by=None,
        reason=ClosureReason.NO_CONTACT,
        details="Plus de nouvelles.",
        now=timezone.make_aware(datetime.datetime(2025, 5, 1, 12)),
    )
    assert set(refusals(pair, held_on=datetime.date(2025, 5, 2))) == {"held_on"}
    assert refusals(pair, held_on=datetime.date(2025, 5, 1)) == {}


def test_a_second_meeting_on_the_same_date_is_a_warning_the_mentor_may_confirm(pair):
    MeetingFactory(pair=pair, held_on=TODAY)
    assert "déjà" in refusals(pair)["held_on"]
    assert refusals(pair, same_date_confirmed=True) == {}


def test_the_database_refuses_a_meeting_of_more_than_8_hours(pair):
    with pytest.raises(IntegrityError):
        MeetingFactory(pair=pair, duration_minutes=481)


def test_only_the_mentor_logs_and_only_the_youth_confirms(pair):
    with pytest.raises(InvalidTransition):
        Meeting.log(
            pair=pair,
            by=pair.youth.user,
            held_on=TODAY,
            duration_minutes=90,
            format="phone",
            today=TODAY,
        )
    meeting = Meeting.log(
        pair=pair,
        by=pair.mentor.user,
        held_on=TODAY,
        duration_minutes=90,
        format="phone",
        today=TODAY,
    )
    with pytest.raises(ValidationError):
        Meeting.log(
            pair=pair,
            by=pair.mentor.user,
            held_on=TODAY,
            duration_minutes=90,
            format="phone",
            today=TODAY,
        )
    with pytest.raises(InvalidTransition):
        meeting.answer(by=pair.mentor.user, happened=True)
    with pytest.raises(ValidationError):
        meeting.answer(by=pair.youth.user, happened=False, note=" ")
    meeting.answer(by=pair.youth.user, happened=False, note="Il n’est pas venu.")
    assert Meeting.objects.disputed().get() == meeting


def test_objectives_are_five_at_most_and_keep_a_dated_history(pair):
    for number in range(5):
        Objective.propose(pair=pair, by=pair.youth.user, text=f"Objectif {number}")
    with pytest.raises(ValidationError):
        Objective.propose(pair=pair, by=pair.mentor.user, text="Un sixième")
    first = pair.objectives.first()
    first.edit(by=pair.mentor.user, text="Mieux écrit", target_date=TODAY)
    first.set_status(by=pair.youth.user, status=ObjectiveStatus.ABANDONED)
    Objective.propose(pair=pair, by=pair.mentor.user, text="À la place de l’abandonné")
    assert [change.kind for change in first.changes.all()] == [
        ObjectiveChangeKind.PROPOSED,
        ObjectiveChangeKind.EDITED,
        ObjectiveChangeKind.STATUS,
    ]
    with pytest.raises(InvalidTransition):
        Objective.propose(pair=pair, by=UserFactory(), text="Pas mon binôme")


def test_objectives_suggested_from_the_youths_needs():
    from matching.models import suggested_objectives
    from programmes.enums import Need
    from programmes.flags import mask_of

    pair = PairFactory(active=True)
    pair.youth.needs = mask_of(Need, [Need.INTERNSHIP, Need.ORIENTATION])
    assert suggested_objectives(pair.youth) == [
        "Choisir une orientation qui me correspond",
        "Décrocher un stage",
    ]


def test_objectives_reached_only_after_the_minimum_and_with_an_objective_reached(pair):
    before = timezone.make_aware(datetime.datetime(2025, 9, 2, 12))
    on_the_day = timezone.make_aware(datetime.datetime(2025, 9, 3, 12))
    ObjectiveFactory(pair=pair)
    with pytest.raises(InvalidTransition, match="au moins 6 mois"):
        pair.request_completion(by=pair.mentor.user, now=before)
    with pytest.raises(InvalidTransition, match="objectif"):
        pair.request_completion(by=pair.mentor.user, now=on_the_day)
    ObjectiveFactory(pair=pair, reached=True)
    with pytest.raises(InvalidTransition):
        pair.complete(by=UserFactory(), now=on_the_day)  # nobody asked yet
    pair.request_completion(by=pair.youth.user, now=on_the_day)
    mentor = pair.mentor
    places = mentor.open_pairs
    pair.complete(by=UserFactory(), now=on_the_day)
    mentor.refresh_from_db()
    assert pair.status == PairStatus.COMPLETED and mentor.open_pairs == places - 1
    assert pair.closure_requested_by == pair.youth.user


def test_the_database_refuses_a_closed_pair_without_a_reason(pair):
    with pytest.raises(IntegrityError):
        Pair.objects.filter(pk=pair.pk).update(status=PairStatus.COMPLETED, ended_at=timezone.now())


def test_an_ended_early_youth_is_out_of_the_pool_until_a_new_mentor_is_asked(pair):
    youth = pair.youth
    pair.end_early(by=pair.mentor.user, reason=ClosureReason.NO_FIT, details="Pas d’accroche.")
    assert youth not in matchable_youths([pair.programme])
    pair.request_rematch(by=youth.user)
    assert youth in matchable_youths([pair.programme])
    with pytest.raises(InvalidTransition):
        pair.request_rematch(by=youth.user)


def test_only_a_pair_ended_early_asks_for_a_new_mentor():
    pair = PairFactory(active=True)
    with pytest.raises(InvalidTransition):
        pair.request_rematch(by=pair.youth.user)


def test_either_person_plans_the_next_meeting_with_a_place_or_a_link(pair):
    soon = timezone.now() + datetime.timedelta(days=3)
    with pytest.raises(ValidationError):
        PlannedMeeting.plan(pair=pair, by=pair.youth.user, starts_at=soon)
    with pytest.raises(ValidationError):
        PlannedMeeting.plan(pair=pair, by=pair.youth.user, starts_at=timezone.now(), place="Ici")
    with pytest.raises(InvalidTransition):
        PlannedMeeting.plan(pair=pair, by=UserFactory(), starts_at=soon, place="Ici")
    planned = PlannedMeeting.plan(pair=pair, by=pair.youth.user, starts_at=soon, place="Café")
    assert planned.planned_by == pair.youth.user


def test_each_person_sees_the_pairs_their_role_allows():
    from programmes.enums import StaffRole
    from programmes.models import StaffMembership

    pair, other = PairFactory(active=True), PairFactory(active=True)
    association = pair.programme.association
    referent, coordinator = UserFactory(), UserFactory()
    StaffMembership.objects.create(association=association, user=referent, role=StaffRole.REFERENT)
    StaffMembership.objects.create(
        association=association, user=coordinator, role=StaffRole.COORDINATOR
    )
    pair.mentor.referent = referent
    pair.mentor.save()
    same_association = PairFactory(
        active=True, youth__programme=pair.programme
    )  # a mentor the referent does not follow

    def visible(user):
        return set(Pair.objects.visible_to(user))

    assert visible(pair.youth.user) == {pair}
    assert visible(pair.mentor.user) == {pair}
    assert visible(referent) == {pair}
    assert visible(coordinator) == {pair, same_association}
    assert other not in visible(coordinator)
