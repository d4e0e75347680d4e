"""Quiet hours: nothing the reminders send goes out between 20:00 and 08:00 in Paris; what
falls due at night goes out in the morning, on daylight-saving days too."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from mentorat.notifications.emails import notifications_email
from mentorat.notifications.models import EmailState, Message, MessageStatus, Notification
from mentorat.notifications.quiet import is_quiet, next_allowed
from mentorat.notifications.services import message_send
from mentorat.notifications.tasks import deliver_message, deliver_pending_messages
from mentorat.reminders import kinds
from tests.accounts.factories import UserFactory
from tests.evaluations.factories import followed_pair

from .helpers import paris, run

UTC = datetime.UTC
PARIS = ZoneInfo("Europe/Paris")
HALF_MINUTE = datetime.timedelta(seconds=30)


@pytest.mark.parametrize(
    ("local", "quiet"),
    [((7, 59), True), ((8, 0), False), ((19, 59), False), ((20, 0), True), ((23, 30), True)],
)
def test_the_edges_of_quiet_hours(local, quiet):
    assert is_quiet(paris(datetime.date(2026, 6, 1), *local)) is quiet


def test_at_night_the_next_morning_at_8_and_in_the_early_hours_the_same_morning():
    assert next_allowed(paris(datetime.date(2026, 6, 1), 21)) == paris(datetime.date(2026, 6, 2), 8)
    assert next_allowed(paris(datetime.date(2026, 6, 2), 3)) == paris(datetime.date(2026, 6, 2), 8)
    noon = paris(datetime.date(2026, 6, 2), 12)
    assert next_allowed(noon) == noon


def test_spring_forward_night_08_00_is_06_00_utc_after_the_change():
    # 29 March 2026: 02:00 CET becomes 03:00 CEST. 20:30 CET the evening before is 19:30 UTC.
    evening = datetime.datetime(2026, 3, 28, 19, 30, tzinfo=UTC)
    assert is_quiet(evening)
    morning = next_allowed(evening)
    assert morning.astimezone(UTC) == datetime.datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
    # 07:30 UTC is 08:30 in winter but 09:30 in summer: 06:30 UTC on the day is 08:30 CEST.
    assert not is_quiet(datetime.datetime(2026, 3, 29, 6, 30, tzinfo=UTC))
    assert is_quiet(datetime.datetime(2026, 3, 28, 6, 30, tzinfo=UTC))  # 07:30 CET


def test_fall_back_night_08_00_is_07_00_utc_after_the_change():
    # 25 October 2026: 03:00 CEST becomes 02:00 CET; 20:00 CEST the evening before is 18:00 UTC.
    assert is_quiet(datetime.datetime(2026, 10, 24, 18, 0, tzinfo=UTC))
    assert not is_quiet(datetime.datetime(2026, 10, 24, 17, 59, tzinfo=UTC))
    morning = next_allowed(datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC))  # 02:30 CET/CEST
    assert morning.astimezone(UTC) == datetime.datetime(2026, 10, 25, 7, 0, tzinfo=UTC)
    assert is_quiet(datetime.datetime(2026, 10, 25, 6, 59, tzinfo=UTC))


@pytest.mark.django_db
def test_what_falls_due_in_the_evening_is_listed_at_once_and_emailed_in_the_morning():
    start = datetime.date(2026, 3, 1)
    pair = followed_pair(started_on=start)
    evening = paris(start + datetime.timedelta(days=35), 21)
    counts = run(evening)
    assert counts[kinds.CADENCE_DUE_SOON] == 2
    assert mail.outbox == []
    youth_row = Notification.objects.get(recipient=pair.youth.user, kind=kinds.CADENCE_DUE_SOON)
    assert youth_row.email_state == EmailState.WAITING
    assert youth_row.send_after == paris(start + datetime.timedelta(days=36), 8)
    assert notifications_email(now=paris(start + datetime.timedelta(days=36), 7, 59)) == 0
    run(paris(start + datetime.timedelta(days=36), 8))
    assert sorted(len(m.to) for m in mail.outbox if m.subject.startswith("Une rencontre")) == [1, 1]


SMTP_REFUSES = mock.patch(
    "django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("421 try later")
)


@pytest.mark.django_db
def test_a_reminder_whose_send_failed_at_19_58_is_retried_in_the_morning_not_at_night(settings):
    settings.NOTIFICATIONS_RETRY_BASE_SECONDS = 60  # the first retry 2 minutes later: 20:00
    start = datetime.date(2026, 3, 1)
    pair = followed_pair(started_on=start)
    evening = paris(start + datetime.timedelta(days=35), 19, 58)
    morning = paris(start + datetime.timedelta(days=36), 8)
    with SMTP_REFUSES:
        assert run(evening)[kinds.CADENCE_DUE_SOON] == 2
    reminders = Message.objects.filter(key__startswith="reminder:")  # and the staff's digest
    assert reminders.count() >= 2
    assert {(m.attempts, m.next_attempt_at) for m in reminders} == {(1, morning)}
    for night in (paris(start + datetime.timedelta(days=35), 20), morning - HALF_MINUTE):
        with time_machine.travel(night, tick=False):
            assert deliver_pending_messages() == 0
    assert mail.outbox == []
    with time_machine.travel(morning, tick=False):
        assert deliver_pending_messages() == reminders.count()
    sent = {m.to[0] for m in mail.outbox}
    assert {pair.youth.user.email, pair.mentor.user.email} <= sent


@pytest.mark.django_db
def test_a_reminder_whose_delivery_comes_after_20_00_waits_without_losing_an_attempt():
    start = datetime.date(2026, 3, 1)
    followed_pair(started_on=start)
    made_at = paris(start + datetime.timedelta(days=35), 19, 59)
    queued = mock.patch("mentorat.notifications.tasks.deliver_message.apply_async")
    with queued:  # the emails are made before 20:00; their delivery waits in the queue
        assert run(made_at)[kinds.CADENCE_DUE_SOON] == 2
    late = made_at + datetime.timedelta(minutes=2)
    message = Message.objects.filter(key__startswith="reminder:cadence_due_soon:").first()
    with time_machine.travel(late, tick=False):
        assert deliver_message(message.pk) is False  # a queue a little slow that evening
        assert deliver_pending_messages() == 0
    message.refresh_from_db()
    assert message.attempts == 0 and message.status == MessageStatus.PENDING
    assert message.next_attempt_at == paris(start + datetime.timedelta(days=36), 8)
    assert mail.outbox == []


@pytest.mark.django_db
def test_what_a_person_asked_for_is_retried_at_night_as_ever(settings):
    settings.NOTIFICATIONS_RETRY_BASE_SECONDS = 60
    night = paris(datetime.date(2026, 3, 1), 23)
    user = UserFactory()
    with time_machine.travel(night, tick=False):
        message = message_send(
            key="welcome:night",
            to_email=user.email,
            template="welcome",
            context={"user": user, "dashboard_url": "https://mentorat.example/"},
            recipient=user,
        )
        with SMTP_REFUSES:
            deliver_message(message.pk)
    message.refresh_from_db()
    assert not message.quiet_hours
    assert message.next_attempt_at == night + datetime.timedelta(minutes=2)
    with time_machine.travel(night + datetime.timedelta(minutes=2), tick=False):
        assert deliver_pending_messages() == 1
