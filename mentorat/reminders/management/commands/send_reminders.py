from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from mentorat.notifications.emails import notifications_email
from mentorat.notifications.kinds import kind_of

from ...compute import reminders_send


def moment(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--now : date illisible « {value} » (ex. 2026-03-01T09:00)") from None
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


class Command(BaseCommand):
    help = (
        "Compute the reminders due at a moment (now by default) and print their number per "
        "kind; with --wet-run, record them and make their emails (sent by the outbox)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", type=moment, help="ISO moment, Paris time if naive")
        parser.add_argument("--wet-run", action="store_true", help="record and send")

    def handle(self, *args, now=None, wet_run=False, **options):
        now = now or timezone.now()
        with transaction.atomic():
            counts = reminders_send(now, wet_run=wet_run)
            emails = 0
            if wet_run:
                while made := notifications_email(now=now):
                    emails += made
        verb = "recorded" if wet_run else "due (dry run: nothing recorded)"
        self.stdout.write(f"Reminders at {timezone.localtime(now):%Y-%m-%d %H:%M %Z}: {verb}")
        for code, count in sorted(counts.items()):
            kind = kind_of(code)
            self.stdout.write(f"  {code:<30} {count:>7}  {kind.label if kind else ''}")
        self.stdout.write(f"  {'total':<30} {sum(counts.values()):>7}")
        if wet_run:
            self.stdout.write(f"  emails made now: {emails} (the others wait for 08:00)")
