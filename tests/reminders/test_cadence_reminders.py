"""The cadence reminders at their edges, on matching's one cadence rule: 7 days before the
window closes, the first late day, 2 weeks later, 4 weeks after the referent was told, 90
days without a meeting that counts. Each once only."""

import datetime

import pytest

from mentorat.notifications.models import EmailState, Notification
from mentorat.reminders import kinds
from programmes.enums import StaffRole
from tests.evaluations.factories import coordinator_of, followed_pair
from tests.matching.factories import MeetingFactory

from .helpers import keys_of, outbox_to, paris
from .helpers import run as run_all

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 1, 5)


def day(offset: int) -> datetime.date:
    return START + datetime.timedelta(days=offset)


def run(now):
    """The new notifications but the staff's daily digest (tested on its own)."""
    counts = run_all(now)
    counts.pop(kinds.STAFF_DIGEST, None)
    return counts


def coordinators(pair) -> int:
    return pair.programme.association.memberships.filter(role=StaffRole.COORDINATOR).count()


@pytest.fixture
def pair():
    pair = followed_pair(started_on=START)
    pair.coordinator = coordinator_of(pair)
    return pair


def test_nothing_before_the_last_7_days_of_the_window(pair):
    assert not run(paris(day(34)))


def test_due_soon_7_days_before_the_window_closes_to_both_once(pair):
    assert run(paris(day(35))) == {kinds.CADENCE_DUE_SOON: 2}
    assert run(paris(day(36))) == {}  # same window: never twice
    assert keys_of(pair.youth.user) == [kinds.CADENCE_DUE_SOON]
    youth_email = outbox_to(pair.youth.user.email)[0]
    assert "ton mentor" in youth_email.subject
    assert "Prends contact" in youth_email.body
    mentor_email = outbox_to(pair.mentor.user.email)[0]
    assert "votre binôme" in mentor_email.subject
    assert mentor_email.alternatives[0][1] == "text/html"


def test_late_on_the_first_day_after_the_window_and_the_referent_told(pair):
    assert run(paris(day(42))) == {kinds.CADENCE_DUE_SOON: 2}  # the last day: still on time
    assert run(paris(day(43))) == {kinds.CADENCE_LATE: 2, kinds.REFERENT_PAIR_LATE: 1}
    assert kinds.REFERENT_PAIR_LATE in keys_of(pair.mentor.referent)


def test_late_again_two_weeks_later_then_the_coordinator_four_weeks_after_the_referent(pair):
    run(paris(day(43)))
    assert run(paris(day(56))) == {}
    assert run(paris(day(57))) == {kinds.CADENCE_LATE_AGAIN: 2}
    assert run(paris(day(70))) == {}
    assert run(paris(day(71))) == {kinds.COORDINATOR_STILL_LATE: coordinators(pair)}
    assert kinds.COORDINATOR_STILL_LATE in keys_of(pair.coordinator)


def test_ninety_days_without_a_meeting_suggests_closing_to_the_coordinator(pair):
    run(paris(day(89)))
    assert kinds.COORDINATOR_NO_MEETING not in run(paris(day(89)))
    assert run(paris(day(90))) == {kinds.COORDINATOR_NO_MEETING: coordinators(pair)}
    notification = Notification.objects.filter(kind=kinds.COORDINATOR_NO_MEETING).first()
    assert "mettre fin" in notification.body


def test_a_meeting_that_counts_opens_a_new_window_and_its_own_reminders(pair):
    run(paris(day(43)))
    MeetingFactory(pair=pair, held_on=day(44), confirmed=True)
    assert run(paris(day(45))) == {}
    # The new window closes on day 44 + 42: due soon 7 days before, for that window.
    assert run(paris(day(79))) == {kinds.CADENCE_DUE_SOON: 2}


def test_a_pair_without_referent_tells_the_coordinators(pair):
    pair.mentor.referent = None
    pair.mentor.save(update_fields=["referent"])
    run(paris(day(43)))
    assert kinds.REFERENT_PAIR_LATE in keys_of(pair.coordinator)


def test_a_closed_pair_gets_no_cadence_reminder(pair):
    pair.end_early(by=pair.coordinator, reason="no_contact", details="Plus de nouvelles.")
    assert not {
        kind: count for kind, count in run(paris(day(43))).items() if kind.startswith("cadence")
    }


def test_a_person_who_keeps_a_kind_to_the_site_gets_no_email_but_the_list(pair):
    from mentorat.notifications.models import NotificationPreference

    NotificationPreference.choose(user=pair.youth.user, kind=kinds.CADENCE_DUE_SOON, by_email=False)
    run(paris(day(35)))
    youth_row = Notification.objects.get(recipient=pair.youth.user, kind=kinds.CADENCE_DUE_SOON)
    assert youth_row.email_state == EmailState.NONE
    assert outbox_to(pair.youth.user.email) == []
    assert len(outbox_to(pair.mentor.user.email)) == 1
