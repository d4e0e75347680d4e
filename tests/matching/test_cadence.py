"""The cadence rule, pinned at its edges (DESIGN: "The cadence, precisely")."""

import datetime

import pytest
from django.utils import timezone

from matching.enums import CadenceStatus
from matching.models import Pair
from tests.matching.factories import MeetingFactory, PairFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2025, 1, 6)
UP, SOON, LATE = CadenceStatus.UP_TO_DATE, CadenceStatus.DUE_SOON, CadenceStatus.LATE


def day(offset: int) -> datetime.date:
    return START + datetime.timedelta(days=offset)


def at(offset: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day(offset), datetime.time(18)))


def status(pair, today):
    """The status read both ways: the queryset annotation and the one-pair method agree."""
    annotated = Pair.objects.with_cadence(today).get(pk=pair.pk)
    one = Pair.objects.get(pk=pair.pk).cadence(today)
    assert annotated.cadence(today).status == one.status
    assert annotated.cadence(today).due_on == one.due_on
    return one.status


@pytest.fixture
def pair():
    return PairFactory(active=True, started_on=START)


def test_a_pair_that_started_yesterday_is_up_to_date_with_its_first_meeting_due_in_42_days():
    pair = PairFactory(active=True, started_on=timezone.localdate() - datetime.timedelta(days=1))
    cadence = pair.cadence()
    assert cadence.status == UP
    assert cadence.last_meeting_on is None
    assert cadence.due_on == pair.started_on + datetime.timedelta(days=42)


def test_exactly_42_days_after_the_start_is_the_last_day_of_the_window(pair):
    assert status(pair, day(34)) == UP
    assert status(pair, day(35)) == SOON  # 7 days left
    assert status(pair, day(42)) == SOON  # the last day: still on time
    assert status(pair, day(43)) == LATE


def test_a_meeting_on_the_42nd_day_opens_a_new_window(pair):
    MeetingFactory(pair=pair, held_on=day(42), confirmed=True, logged_at=at(42))
    assert status(pair, day(43)) == UP
    assert pair.cadence(day(43)).due_on == day(84)
    assert status(pair, day(85)) == LATE


def test_89_minutes_do_not_count_and_90_do(pair):
    MeetingFactory(pair=pair, held_on=day(20), duration_minutes=89, confirmed=True)
    assert status(pair, day(50)) == LATE
    MeetingFactory(pair=pair, held_on=day(21), duration_minutes=90, confirmed=True)
    assert status(pair, day(50)) == UP
    assert pair.cadence(day(50)).last_meeting_on == day(21)


def test_a_programme_asking_for_more_raises_the_minimum_and_shortens_the_window(pair):
    pair.programme.min_meeting_minutes, pair.programme.max_interval_weeks = 120, 4
    pair.programme.save()
    MeetingFactory(pair=pair, held_on=day(10), duration_minutes=110, confirmed=True)
    assert status(pair, day(28)) == SOON
    assert status(pair, day(29)) == LATE


def test_an_unanswered_meeting_counts_seven_days_after_it_was_logged(pair):
    MeetingFactory(pair=pair, held_on=day(30), logged_at=at(30))
    assert status(pair, day(36)) == SOON  # six days: the youth may still answer
    assert status(pair, day(37)) == UP  # seven days of silence: it counts


def test_a_meeting_the_youth_says_did_not_happen_never_counts(pair):
    MeetingFactory(pair=pair, held_on=day(30), logged_at=at(30), disputed=True)
    assert status(pair, day(60)) == LATE


def test_the_last_counted_meeting_sets_the_window_whatever_the_order_of_logging(pair):
    MeetingFactory(pair=pair, held_on=day(40), confirmed=True)
    MeetingFactory(pair=pair, held_on=day(10), confirmed=True)
    assert pair.cadence(day(41)).window_starts_on == day(40)


def test_pairs_not_running_have_no_cadence():
    finished = PairFactory(approved=True)
    assert finished.cadence() is None
    assert Pair.objects.with_cadence().get(pk=finished.pk).cadence_status is None


def test_the_minimum_duration_is_reached_on_the_same_day_six_calendar_months_later():
    pair = PairFactory(active=True, started_on=datetime.date(2024, 8, 31))
    assert pair.minimum_reached_on == datetime.date(2025, 2, 28)
    pair.started_on = datetime.date(2025, 1, 15)
    assert pair.minimum_reached_on == datetime.date(2025, 7, 15)


def test_the_cadence_of_many_pairs_is_one_query(django_assert_num_queries):
    for _index in range(3):
        MeetingFactory(
            pair=PairFactory(active=True, started_on=START), held_on=day(30), confirmed=True
        )
    with django_assert_num_queries(1):
        statuses = [pair.cadence(day(60)).status for pair in Pair.objects.with_cadence(day(60))]
    assert statuses == [UP, UP, UP]
