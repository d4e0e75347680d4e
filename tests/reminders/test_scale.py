"""A run of the reminders sends the same number of statements whatever the number of pairs
(each rule one query, the recording a fixed few): the benchmark's premise, kept by a test."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matching.models import PlannedMeeting
from mentorat.notifications.models import Notification
from mentorat.reminders.compute import reminders_send
from tests.evaluations.factories import followed_pair
from tests.matching.factories import MeetingFactory
from tests.programmes.factories import YouthProfileFactory

from .helpers import paris

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 1, 5)
NOW = paris(datetime.date(2026, 2, 20), 9)  # late pairs, meetings to confirm, a digest


def pairs_in_every_state(number: int) -> None:
    for _ in range(number):
        pair = followed_pair(started_on=START)
        MeetingFactory(pair=pair, held_on=NOW.date() - datetime.timedelta(days=4))
        with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False):
            PlannedMeeting.plan(
                pair=pair,
                by=pair.mentor.user,
                starts_at=NOW + datetime.timedelta(days=1),
                place="Médiathèque",
            )
        pair.mentor.attestation_date = NOW.date() - datetime.timedelta(days=170)
        pair.mentor.attestation_checked_at = NOW
        pair.mentor.save(update_fields=["attestation_date", "attestation_checked_at"])
        YouthProfileFactory(programme=pair.programme)  # to vet


def statements_of_a_run() -> tuple[int, int]:
    Notification.objects.all().delete()
    with CaptureQueriesContext(connection) as captured:
        recorded = sum(reminders_send(NOW).values())
    return len(captured), recorded


def test_a_run_sends_as_many_statements_for_2_pairs_as_for_8():
    pairs_in_every_state(2)
    few, recorded_few = statements_of_a_run()
    pairs_in_every_state(6)
    many, recorded_many = statements_of_a_run()
    assert recorded_many > 3 * recorded_few
    assert many == few
