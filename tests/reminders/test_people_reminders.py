"""The other rules at their edges: questionnaires, meetings to confirm and to rate, the
referent's signals, the planned meeting tomorrow, the mentor's attestation, the parent's
consent reminders. Each once only."""

import datetime

import pytest
from django.utils import timezone

from evaluations.enums import Fit, Progress
from evaluations.models import MeetingEvaluation
from matching.models import PlannedMeeting
from mentorat.notifications.models import EmailState, Message, Notification
from mentorat.reminders import kinds
from programmes import rules
from programmes.enums import ConsentDecision
from programmes.models import ParentalConsent
from tests.evaluations.factories import followed_pair
from tests.matching.factories import MeetingFactory
from tests.programmes.factories import ParentalConsentFactory, YouthProfileFactory, years_ago

from .helpers import keys_of, outbox_to, paris
from .helpers import run as run_all

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 1, 5)


def day(offset: int) -> datetime.date:
    return START + datetime.timedelta(days=offset)


def run(now, *only):
    counts = run_all(now)
    return {kind: n for kind, n in counts.items() if kind in only}


@pytest.fixture
def pair():
    return followed_pair(started_on=START)


def test_the_start_questionnaire_7_days_after_the_start_to_the_youth_only(pair):
    assert run(paris(day(6)), kinds.START_QUESTIONNAIRE) == {}
    assert run(paris(day(7)), kinds.START_QUESTIONNAIRE) == {kinds.START_QUESTIONNAIRE: 1}
    assert run(paris(day(8)), kinds.START_QUESTIONNAIRE) == {}
    [email] = outbox_to(pair.youth.user.email)
    assert "/questionnaire/depart/" in email.body
    assert "Ton questionnaire" in email.subject


def test_a_meeting_to_confirm_3_days_after_it_was_logged_until_silence_counts(pair):
    logged = paris(day(10), 18)
    MeetingFactory(pair=pair, held_on=day(10), logged_at=logged)
    assert run(paris(day(13), 17), kinds.MEETING_TO_CONFIRM) == {}
    assert run(paris(day(13), 18), kinds.MEETING_TO_CONFIRM) == {kinds.MEETING_TO_CONFIRM: 1}
    assert keys_of(pair.youth.user).count(kinds.MEETING_TO_CONFIRM) == 1


def test_a_confirmed_meeting_needs_no_reminder(pair):
    MeetingFactory(pair=pair, held_on=day(10), logged_at=paris(day(10), 18), confirmed=True)
    assert run(paris(day(14), 9), kinds.MEETING_TO_CONFIRM) == {}


def test_the_mentor_rates_the_last_meeting_a_day_after_logging_it(pair):
    meeting = MeetingFactory(pair=pair, held_on=day(10), logged_at=paris(day(10), 18))
    assert run(paris(day(11), 17), kinds.MEETING_TO_RATE) == {}
    counts = run(paris(day(11), 18), kinds.MEETING_TO_RATE)
    assert counts == {kinds.MEETING_TO_RATE: 1}
    [email] = [m for m in outbox_to(pair.mentor.user.email) if "Évaluez" in m.subject]
    assert f"/rencontres/{meeting.pk}/evaluation/" in email.body


def test_a_rated_meeting_needs_no_reminder(pair):
    meeting = MeetingFactory(pair=pair, held_on=day(10), logged_at=paris(day(10), 18))
    MeetingEvaluation.record(
        meeting=meeting, by=pair.mentor.user, usefulness=4, progress=Progress.YES, fit=Fit.YES
    )
    assert run(paris(day(12), 9), kinds.MEETING_TO_RATE) == {}


def test_an_alert_and_a_dispute_reach_the_referent_whatever_their_preferences(pair):
    from mentorat.notifications.models import NotificationPreference

    referent = pair.mentor.referent
    NotificationPreference.choose(user=referent, kind=kinds.REFERENT_ALERT, by_email=False)
    MeetingFactory(pair=pair, held_on=day(10), logged_at=paris(day(10), 18), alert_referent=True)
    MeetingFactory(
        pair=pair,
        held_on=day(11),
        logged_at=paris(day(11), 18),
        disputed=True,
        youth_answered_at=paris(day(12), 10),
    )
    counts = run(paris(day(12), 11), kinds.REFERENT_ALERT, kinds.REFERENT_DISPUTED)
    assert counts == {kinds.REFERENT_ALERT: 1, kinds.REFERENT_DISPUTED: 1}
    assert len(outbox_to(referent.email)) >= 2  # essential: emailed all the same


def test_a_no_to_the_fit_question_is_listed_for_the_referent_without_a_second_email(pair):
    meeting = MeetingFactory(pair=pair, held_on=day(10), logged_at=paris(day(10), 18))
    with_time = paris(day(11), 10)
    import time_machine

    with time_machine.travel(with_time, tick=False):
        MeetingEvaluation.record(
            meeting=meeting, by=pair.youth.user, usefulness=2, progress=Progress.NO, fit=Fit.NO
        )
    assert run(paris(day(11), 12), kinds.REFERENT_FIT_NO) == {kinds.REFERENT_FIT_NO: 1}
    row = Notification.objects.get(kind=kinds.REFERENT_FIT_NO)
    assert row.recipient == pair.mentor.referent and row.email_state == EmailState.NONE


def test_a_planned_meeting_tomorrow_reminds_both(pair):
    with_time = paris(day(3), 10)
    import time_machine

    with time_machine.travel(with_time, tick=False):
        PlannedMeeting.plan(
            pair=pair, by=pair.mentor.user, starts_at=paris(day(5), 18, 30), place="Médiathèque"
        )
    assert run(paris(day(3), 12), kinds.PLANNED_TOMORROW) == {}
    assert run(paris(day(4), 9), kinds.PLANNED_TOMORROW) == {kinds.PLANNED_TOMORROW: 2}
    youth_email = outbox_to(pair.youth.user.email)[0]
    assert "18:30" in youth_email.subject  # French TIME_FORMAT
    mentor_name = pair.mentor.user.first_name
    assert f"Si tu ne peux pas venir, préviens {mentor_name} au plus tôt." in youth_email.body


def test_the_hour_of_a_planned_meeting_is_written_in_the_language_of_the_email(pair, settings):
    import time_machine

    settings.LANGUAGE_CODE = "en"
    with time_machine.travel(paris(day(3), 10), tick=False):
        PlannedMeeting.plan(
            pair=pair, by=pair.mentor.user, starts_at=paris(day(5), 18, 30), place="Médiathèque"
        )
    run(paris(day(4), 9), kinds.PLANNED_TOMORROW)
    titles = list(Notification.objects.filter(kind=kinds.PLANNED_TOMORROW).values_list("title"))
    assert all("6:30 p.m." in title and "18" not in title for (title,) in titles)


def test_the_attestation_30_days_before_it_expires_then_when_it_has_expired(pair):
    mentor = pair.mentor
    minor = YouthProfileFactory(birth_date=years_ago(16), ready=True, programme=pair.programme)
    pair.youth = minor
    pair.save(update_fields=["youth"])
    mentor.attestation_date = datetime.date(2025, 9, 1)
    mentor.attestation_checked_at = timezone.now()
    mentor.save(update_fields=["attestation_date", "attestation_checked_at"])
    until = rules.attestation_valid_until(mentor.attestation_date)  # 1 March 2026
    before = until - datetime.timedelta(days=29)  # invalid from until + 1: in 30 days
    assert run(paris(before - datetime.timedelta(days=1)), kinds.ATTESTATION_EXPIRING) == {}
    assert run(paris(before), kinds.ATTESTATION_EXPIRING) == {kinds.ATTESTATION_EXPIRING: 1}
    [email] = [m for m in outbox_to(mentor.user.email) if "attestation" in m.subject]
    assert minor.user.first_name in email.body
    assert run(paris(until), kinds.ATTESTATION_EXPIRED) == {}
    after = until + datetime.timedelta(days=1)
    assert run(paris(after), kinds.ATTESTATION_EXPIRED, kinds.REFERENT_ATTESTATION_EXPIRED) == {
        kinds.ATTESTATION_EXPIRED: 1,
        kinds.REFERENT_ATTESTATION_EXPIRED: 1,
    }
    assert kinds.REFERENT_ATTESTATION_EXPIRED in keys_of(mentor.referent)


def test_the_parent_is_reminded_at_3_and_7_days_with_a_new_link_never_stored(client):
    requested = paris(datetime.date(2026, 2, 2), 10)
    consent = ParentalConsentFactory(
        requested_at=requested, expires_at=requested + datetime.timedelta(days=30)
    )
    first_digest = str(ParentalConsent.objects.get(pk=consent.pk).token)
    assert run(paris(datetime.date(2026, 2, 5), 9), kinds.CONSENT_REMINDER) == {}
    assert run(paris(datetime.date(2026, 2, 5), 10), kinds.CONSENT_REMINDER) == {
        kinds.CONSENT_REMINDER: 1
    }
    [email] = outbox_to(consent.guardian_email)
    assert str(ParentalConsent.objects.get(pk=consent.pk).token) != first_digest
    link = next(line for line in email.body.splitlines() if "/accord-parental/" in line)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    message = Message.objects.get(to_email=consent.guardian_email)
    assert token not in message.body_text and token not in message.body_html
    assert message.secrets == []
    assert run(paris(datetime.date(2026, 2, 8), 9), kinds.CONSENT_REMINDER) == {}
    assert run(paris(datetime.date(2026, 2, 9), 10), kinds.CONSENT_REMINDER) == {
        kinds.CONSENT_REMINDER: 1
    }
    assert len(outbox_to(consent.guardian_email)) == 2
    ParentalConsent.objects.filter(pk=consent.pk).update(
        decision=ConsentDecision.GIVEN, decided_at=timezone.now()
    )
    assert run(paris(datetime.date(2026, 2, 20), 10), kinds.CONSENT_REMINDER) == {}
