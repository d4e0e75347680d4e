"""The demo data, advanced with `send_reminders --now` every morning through 8 months, sends
exactly the expected messages: the showcase pair's (no meeting is ever logged in the demo, so
its cadence slips step by step), the mentor's attestation, and the staff's daily digests;
each emailed once (the file mail backend) and listed in each person's notifications."""

import datetime
import email
import re
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Q
from django.test import TestCase

from matching.models import Pair
from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from mentorat.notifications.delivery import message_id_header
from mentorat.notifications.models import EmailState, Notification
from mentorat.reminders import kinds

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
VOUS = re.compile(r"(?<![\w-])(vous|votre|vos)\b", re.IGNORECASE)  # not "rendez-vous"
SEEDED = datetime.datetime(2026, 1, 5, 10, 0, tzinfo=PARIS)  # a Monday
MONTHS_8 = 243  # days, to 5 September 2026


def day(offset: int) -> datetime.date:
    return SEEDED.date() + datetime.timedelta(days=offset)


def morning(offset: int) -> datetime.datetime:
    return datetime.datetime.combine(day(offset), datetime.time(9), tzinfo=PARIS)


def mails_in(folder) -> list[email.message.Message]:
    """Every email the file backend wrote (several per file, separated by a rule)."""
    found = []
    for path in sorted(folder.iterdir()):
        for chunk in path.read_text().split("-" * 79 + "\n"):
            if chunk.strip():
                found.append(email.message_from_string(chunk))
    return found


def received(user) -> list[tuple[datetime.date, str]]:
    """What this person was told about the showcase pair and its mentor (the demo's other
    pairs, made to show each state of pair life, have their own reminders)."""
    showcase = Pair.objects.get(youth__user__email="jeune@demo.mentorat.local")
    about_others = (Q(key__contains=":pair-") & ~Q(key__contains=f":pair-{showcase.pk}:")) | (
        Q(key__contains=":mentor-") & ~Q(key__contains=f":mentor-{showcase.mentor_id}:")
    )
    rows = (
        Notification.objects.filter(recipient=user)
        .exclude(kind=kinds.STAFF_DIGEST)
        .exclude(about_others)
    )
    return [(row.created_at.astimezone(PARIS).date(), row.kind) for row in rows.order_by("pk")]


def test_eight_months_of_the_demo_send_exactly_the_expected_messages(settings, tmp_path):
    with time_machine.travel(SEEDED, tick=False):
        call_command("seed_demo")
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    for offset in range(MONTHS_8 + 1):
        now = morning(offset)
        with time_machine.travel(now, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
            call_command("send_reminders", "--now", now.isoformat(), "--wet-run", stdout=None)

    youth = User.objects.get(email="jeune@demo.mentorat.local")
    mentor = User.objects.get(email="mentor@demo.mentorat.local")
    # The showcase pair started on the day of the seed and logs no meeting.
    assert received(youth) == [
        (day(7), kinds.START_QUESTIONNAIRE),
        (day(35), kinds.CADENCE_DUE_SOON),  # 7 days before the 42nd
        (day(43), kinds.CADENCE_LATE),
        (day(57), kinds.CADENCE_LATE_AGAIN),
        (datetime.date(2026, 7, 5), kinds.MINIMUM_REACHED),  # 6 calendar months
    ]
    assert received(mentor) == [
        (day(35), kinds.CADENCE_DUE_SOON),
        (day(43), kinds.CADENCE_LATE),
        (day(57), kinds.CADENCE_LATE_AGAIN),
        # Attestation dated 20 days before the seed: valid until 16 June.
        (datetime.date(2026, 5, 18), kinds.ATTESTATION_EXPIRING),
        (datetime.date(2026, 6, 17), kinds.ATTESTATION_EXPIRED),  # the youth is an adult
    ]
    referent = mentor.mentor_profile.referent
    assert received(referent) == [(day(43), kinds.REFERENT_PAIR_LATE)]
    coordinators = User.objects.filter(
        memberships__association=mentor.mentor_profile.programme.association,
        memberships__role="coordinator",
    )
    for coordinator in coordinators:
        assert received(coordinator) == [
            (day(71), kinds.COORDINATOR_STILL_LATE),  # 4 weeks after the referent
            (day(90), kinds.COORDINATOR_NO_MEETING),
        ]
    # The parent of the youth under 15 (asked 2 days before the seed): reminded at 3 and 7 days.
    parents = Notification.objects.filter(kind=kinds.CONSENT_REMINDER).order_by("pk")
    assert [row.created_at.astimezone(PARIS).date() for row in parents] == [day(2), day(6)]
    assert len({row.email for row in parents}) == 1 and parents[0].recipient is None
    # Nothing else: the showcase pair never logs a meeting; the demo's other pairs (pair life)
    # bring meetings to confirm, a planned meeting and a referent told of an expired attestation.
    assert set(Notification.objects.values_list("kind", flat=True)) == {
        kinds.MEETING_TO_CONFIRM,
        kinds.PLANNED_TOMORROW,
        kinds.REFERENT_ATTESTATION_EXPIRED,
        kinds.START_QUESTIONNAIRE,
        kinds.CADENCE_DUE_SOON,
        kinds.CADENCE_LATE,
        kinds.CADENCE_LATE_AGAIN,
        kinds.REFERENT_PAIR_LATE,
        kinds.COORDINATOR_STILL_LATE,
        kinds.COORDINATOR_NO_MEETING,
        kinds.MINIMUM_REACHED,
        kinds.ATTESTATION_EXPIRING,
        kinds.ATTESTATION_EXPIRED,
        kinds.CONSENT_REMINDER,
        kinds.STAFF_DIGEST,
    }
    # Staff digests: one per day at most for each person, never two the same day.
    digests = Notification.objects.filter(kind=kinds.STAFF_DIGEST)
    per_day = Counter((row.recipient_id, row.created_at.date()) for row in digests)
    assert digests.exists() and max(per_day.values()) == 1

    # Each emailed notification is in the mailbox exactly once, and nothing else is.
    mails = [mail for mail in mails_in(tmp_path)]
    ids = Counter(mail["Message-ID"] for mail in mails)
    emailed = Notification.objects.exclude(email_state=EmailState.NONE)
    assert all(row.email_state == EmailState.QUEUED for row in emailed)
    expected = Counter(message_id_header(row.key) for row in emailed)
    assert ids == expected
    assert Notification.objects.filter(email_state=EmailState.NONE).count() == 0

    # "tu" to youths, in their notification list and in their emails alike.
    to_youths = Notification.objects.filter(recipient__role=Role.YOUTH)
    assert to_youths.exists() and all(row.familiar for row in to_youths)
    assert [row.key for row in to_youths if VOUS.search(f"{row.title} {row.body}")] == []
    youth_addresses = set(to_youths.values_list("email", flat=True))
    for mail in mails:
        if mail["To"] in youth_addresses:
            for part in mail.walk():
                if part.get_content_maintype() == "text":
                    text = part.get_payload()
                    if part["Content-Transfer-Encoding"] in ("base64", "quoted-printable"):
                        text = part.get_payload(decode=True).decode(part.get_content_charset())
                    assert not VOUS.search(text), (mail["Subject"], VOUS.search(text))
