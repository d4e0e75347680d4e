"""Running the reminders at a given Paris moment, with the clock there too."""

import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail
from django.test import TestCase

from mentorat.notifications.emails import notifications_email
from mentorat.notifications.models import Notification
from mentorat.reminders.compute import reminders_send

PARIS = ZoneInfo("Europe/Paris")


def paris(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PARIS)


def run(now: datetime.datetime, *, emails: bool = True):
    """What `send_reminders --wet-run` does at ``now``: the new notifications per kind."""
    with time_machine.travel(now, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        counts = reminders_send(now)
        if emails:
            while notifications_email(now=now):
                pass
    return counts


def keys_of(user) -> list[str]:
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def outbox_to(email: str):
    return [message for message in mail.outbox if email in message.to]
