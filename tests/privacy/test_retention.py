import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from matching.enums import ClosureReason
from mentorat import retention
from mentorat.accounts.models import User
from mentorat.notifications.models import Message
from mentorat.privacy.cleanup import apply_retention
from mentorat.privacy.models import ClearedPair, Erasure, ErasureCause
from mentorat.privacy.tasks import apply_retention_rules
from programmes.models import YouthProfile
from tests.accounts.factories import UserFactory
from tests.matching.factories import MeetingFactory, PairFactory
from tests.programmes.factories import YouthProfileFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
DAY = datetime.timedelta(days=1)


def last_seen(user, when):
    User.objects.filter(pk=user.pk).update(last_login=when, date_joined=when)
    user.refresh_from_db()
    return user


def run(wet_run=True, now=NOW):
    lines = []
    count = apply_retention(wet_run=wet_run, now=now, out=lines.append)
    return count, lines


class TestInactiveAccounts:
    def test_warned_30_days_before_then_anonymised(self):
        youth = YouthProfileFactory(user__first_name="Karim").user
        last_seen(
            youth, NOW - retention.INACTIVE_ACCOUNT + retention.INACTIVE_ACCOUNT_WARNING - DAY
        )

        run()
        warning = Message.objects.get(recipient=youth)
        assert "Ton compte Mentorat sera bientôt effacé" in warning.subject
        assert "Tu ne t’es pas connecté(e)" in warning.body_text
        # Run again the same day: one warning, nothing erased yet.
        run()
        assert Message.objects.filter(recipient=youth).count() == 1
        assert not Erasure.objects.exists()

        # 30 days later, still no sign-in: anonymised.
        later = NOW + retention.INACTIVE_ACCOUNT_WARNING + DAY
        Message.objects.filter(pk=warning.pk).update(created_at=NOW)
        run(now=later)
        assert Erasure.objects.get(user=youth).cause == ErasureCause.INACTIVITY
        youth.refresh_from_db()
        assert youth.first_name == ""

    def test_adults_are_written_to_with_vous(self):
        mentor = last_seen(UserFactory(mentor=True), NOW - retention.INACTIVE_ACCOUNT)
        run()
        message = Message.objects.get(recipient=mentor)
        assert "Votre compte Mentorat" in message.subject
        assert "Vous ne vous êtes pas connecté(e)" in message.body_text

    def test_signing_in_after_the_warning_keeps_the_account(self):
        user = last_seen(UserFactory(), NOW - retention.INACTIVE_ACCOUNT - DAY)
        run()
        Message.objects.update(created_at=NOW - 40 * DAY)
        last_seen(user, NOW - DAY)
        run()
        assert not Erasure.objects.exists()

    def test_never_erased_without_a_warning_first(self):
        user = last_seen(UserFactory(), NOW - 3 * retention.INACTIVE_ACCOUNT)
        run()
        assert Message.objects.filter(recipient=user).exists()
        assert not Erasure.objects.exists()

    def test_active_accounts_and_the_technical_admin_are_left_alone(self):
        last_seen(UserFactory(), NOW - DAY)
        last_seen(
            UserFactory(is_superuser=True, is_staff=True), NOW - 3 * retention.INACTIVE_ACCOUNT
        )
        assert run() == (0, [])


class TestClosedPairsNotes:
    def test_notes_go_12_months_after_the_end_and_the_pair_stays(self):
        meeting = MeetingFactory(shared_note="Parlé du CV", private_note="RAS")
        pair = meeting.pair
        pair.end_early(
            by=pair.mentor.user, reason=ClosureReason.MOVED_AWAY, details="Part à Lyon", now=NOW
        )
        assert run(now=NOW + retention.CLOSED_PAIR_NOTES - DAY) == (0, [])
        count, lines = run(now=NOW + retention.CLOSED_PAIR_NOTES + DAY)
        assert count == 1 and f"binôme n° {pair.pk}" in lines[0]
        pair.refresh_from_db()
        meeting.refresh_from_db()
        assert pair.closure_details == "" and meeting.shared_note == meeting.private_note == ""
        assert pair.closure_reason == ClosureReason.MOVED_AWAY
        assert ClearedPair.objects.filter(pair=pair).exists()
        assert run(now=NOW + retention.CLOSED_PAIR_NOTES + DAY) == (0, [])

    def test_open_pairs_keep_their_notes(self):
        meeting = MeetingFactory(shared_note="En cours")
        run(now=NOW + 3 * retention.CLOSED_PAIR_NOTES)
        meeting.refresh_from_db()
        assert meeting.shared_note == "En cours"
        assert not ClearedPair.objects.exists()


class TestRejectedYouthFiles:
    def test_the_file_and_account_go_6_months_after_the_refusal(self):
        youth = YouthProfileFactory(
            rejected=True, reviewed_at=NOW - retention.REJECTED_YOUTH_FILE - DAY
        )
        kept = YouthProfileFactory(
            rejected=True, reviewed_at=NOW - retention.REJECTED_YOUTH_FILE + DAY
        )
        run()
        assert not YouthProfile.objects.filter(pk=youth.pk).exists()
        assert not User.objects.filter(pk=youth.user_id).exists()
        assert YouthProfile.objects.filter(pk=kept.pk).exists()

    def test_a_file_a_past_pair_still_counts_is_anonymised_instead(self):
        pair = PairFactory()
        pair.reject(by=None, reason="Non")
        youth = pair.youth
        youth.reject(by=None, reason="Plus éligible")
        YouthProfile.objects.filter(pk=youth.pk).update(
            reviewed_at=NOW - retention.REJECTED_YOUTH_FILE - DAY
        )
        run()
        assert YouthProfile.objects.filter(pk=youth.pk).exists()
        assert Erasure.objects.get(user=youth.user).cause == ErasureCause.REJECTED


class TestDryRun:
    def test_the_command_says_what_it_would_do_and_does_nothing(self, capsys):
        user = last_seen(UserFactory(), NOW - retention.INACTIVE_ACCOUNT - DAY)
        call_command("apply_retention")
        out = capsys.readouterr().out
        assert f"[essai] Avertir le compte inactif: compte n° {user.pk}" in out
        assert "Relancez avec --wet-run" in out
        assert not Message.objects.exists()
        call_command("apply_retention", "--wet-run")
        assert Message.objects.filter(recipient=user).exists()

    def test_the_task_is_a_dry_run_unless_told_and_the_schedule_tells_it(self, settings):
        last_seen(UserFactory(), NOW - retention.INACTIVE_ACCOUNT - DAY)
        assert apply_retention_rules() == 1
        assert not Message.objects.exists()
        entry = settings.CELERY_BEAT_SCHEDULE["apply-retention-rules"]
        assert entry["task"] == "mentorat.privacy.tasks.apply_retention_rules"
        assert entry["kwargs"] == {"wet_run": True}
