from django.core.management.base import BaseCommand, CommandError

from programmes.enums import LabelStatus
from programmes.models import Programme

from ...engine import MatchingError
from ...explanations import unmatched_reason_text
from ...services import RunRefused, batch_compute, outcome_of, run_execute, run_start


class Command(BaseCommand):
    help = (
        "Batch matching: prints what it would propose (counts, total score, unmatched youths "
        "by reason); writes the proposals only with --wet-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--programme", metavar="SLUG", help="one programme (default: all)")
        parser.add_argument("--wet-run", action="store_true", help="write the proposals")

    def handle(self, *args, programme=None, wet_run=False, **options):
        programmes = Programme.objects.filter(association__label_status=LabelStatus.LABELLED)
        if programme:
            programmes = programmes.filter(slug=programme)
            if not programmes.exists():
                raise CommandError(f"Aucun programme labellisé « {programme} ».")
        if wet_run:
            self.write_proposals(programmes.first() if programme else None)
        else:
            for each in programmes.select_related("association"):
                self.describe(each)

    def describe(self, programme):
        try:
            outcome = outcome_of(batch_compute(programme))
        except MatchingError as error:
            self.stderr.write(f"{programme.slug}: {error}")
            return
        unmatched = ", ".join(
            f"{count} × {unmatched_reason_text(reason)}"
            for reason, count in outcome.unmatched.items()
        )
        self.stdout.write(
            f"{programme.slug}: {outcome.proposals} propositions, score total "
            f"{outcome.total_score}, sans proposition : {unmatched or 'aucun'}"
        )

    def write_proposals(self, programme):
        try:
            run = run_start(programme=programme, by=None)
        except RunRefused as refusal:
            raise CommandError(refusal.message) from None
        run = run_execute(run)
        if run.error:
            raise CommandError(run.error)
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.summary['proposals']} propositions écrites "
                f"(score total {run.summary['total_score']})."
            )
        )
