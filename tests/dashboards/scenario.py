"""A small programme with a history, for the dashboards' tests: two associations in two
départements, pairs started over the last 14 months, running (up to date or late), completed,
ended early by the youth or the mentor, with meetings and questionnaires; youths waiting."""

import datetime
import itertools
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from evaluations.enums import QuestionnaireKind
from matching.enums import ClosureReason, PairStatus
from matching.models import Pair
from programmes.enums import ParticipantStatus
from tests.evaluations.factories import fill
from tests.matching.factories import MeetingFactory, ObjectiveFactory, PairFactory
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
    departement,
)


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@dataclass
class Scenario:
    association: object
    programme: object
    other_association: object
    other_programme: object
    coordinator: object
    referent: object
    other_coordinator: object
    pairs: list = field(default_factory=list)


_names = itertools.count(1)


def running(programme, *, started_days_ago: int, referent=None, meetings=(), **youth) -> Pair:
    mentor = MentorProfileFactory(programme=programme, ready=True, referent=referent)
    # A surname no page could hold by chance: the ministry's pages must never show it.
    youth.setdefault("user__last_name", f"Nomdejeune{next(_names)}x")
    pair = PairFactory(
        youth__programme=programme,
        mentor=mentor,
        active=True,
        started_on=days_ago(started_days_ago),
        **{f"youth__{key}": value for key, value in youth.items()},
    )
    pair.proposed_at = at(days_ago(started_days_ago + 10))
    pair.save(update_fields=["proposed_at"])
    for held_days_ago in meetings:
        MeetingFactory(
            pair=pair,
            held_on=days_ago(held_days_ago),
            logged_at=at(days_ago(held_days_ago)),
            confirmed=True,
        )
    return pair


def ended_early(pair, *, by, days_ago_: int, reason=ClosureReason.NO_CONTACT) -> Pair:
    pair.end_early(by=by, reason=reason, details="Plus de nouvelles.", now=at(days_ago(days_ago_)))
    return pair


def completed(pair) -> Pair:
    minimum = pair.started_on + relativedelta(months=pair.programme.min_duration_months)
    ObjectiveFactory(pair=pair, reached=True)
    fill(pair, QuestionnaireKind.START, scale=2)
    pair.request_completion(by=pair.mentor.user, now=at(minimum))
    fill(pair, QuestionnaireKind.END, scale=4)
    pair.complete(by=None, now=at(minimum + datetime.timedelta(days=1)))
    return pair


def build(extra_running: int = 0) -> Scenario:
    association = AssociationFactory()
    programme = ProgrammeFactory(association=association)
    programme.departements.add(departement("75"))
    coordinator = StaffMembershipFactory(association=association).user
    referent = StaffMembershipFactory(association=association, referent=True).user
    other_association = AssociationFactory()
    other_programme = ProgrammeFactory(association=other_association)
    other_coordinator = StaffMembershipFactory(association=other_association).user
    scenario = Scenario(
        association=association,
        programme=programme,
        other_association=other_association,
        other_programme=other_programme,
        coordinator=coordinator,
        referent=referent,
        other_coordinator=other_coordinator,
    )
    pairs = scenario.pairs
    # Running, up to date (a meeting 10 days ago), followed by the referent.
    pairs.append(running(programme, started_days_ago=60, referent=referent, meetings=(40, 10)))
    pairs.append(running(programme, started_days_ago=20, referent=referent, lives_in_qpv=True))
    # Running and late: no meeting for 100 days.
    pairs.append(running(programme, started_days_ago=100, meetings=(90,)))
    # Started 8 months ago and still running: reached 6 months.
    pairs.append(running(programme, started_days_ago=245, meetings=(200, 160, 120, 80, 40, 5)))
    # Completed after 6 months, with both questionnaires.
    pairs.append(completed(running(programme, started_days_ago=230, meetings=(200,))))
    # Ended early by the youth, then by the mentor.
    first = running(programme, started_days_ago=210, meetings=(200,))
    pairs.append(ended_early(first, by=first.youth.user, days_ago_=190))
    second = running(programme, started_days_ago=50)
    pairs.append(
        ended_early(second, by=second.mentor.user, days_ago_=30, reason=ClosureReason.MOVED_AWAY)
    )
    # The other association, in another département.
    for days in (30, 200, 300):
        pairs.append(
            running(
                other_programme,
                started_days_ago=days,
                meetings=(days - 5,),
                departement=departement("13"),
                postal_code="13001",
            )
        )
    for days in range(extra_running):
        pairs.append(
            running(programme if days % 2 else other_programme, started_days_ago=15 + days)
        )
    # Youths who wait: one to vet, one ready without a pair, one on the waiting list.
    YouthProfileFactory(programme=programme)
    YouthProfileFactory(programme=programme, ready=True)
    YouthProfileFactory(waiting_list=True, status=ParticipantStatus.WAITING_LIST)
    # A proposal to review.
    PairFactory(youth__programme=programme, mentor__referent=referent, status=PairStatus.PROPOSED)
    return scenario
