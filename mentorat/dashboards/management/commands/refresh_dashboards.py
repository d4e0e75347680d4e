"""Rebuild the dashboards' summaries now (the beat task does it every 30 minutes).

It writes only derived data (the summaries are rebuilt whole from the programme's tables and
change nothing of it), so it runs at once, without the --wet-run of the batch commands.
"""

from django.core.management.base import BaseCommand

from mentorat.dashboards.summaries import refresh


class Command(BaseCommand):
    help = "Recalcule les chiffres des tableaux de bord."

    def handle(self, *args, **options):
        done = refresh()
        self.stdout.write(
            f"Tableaux de bord recalculés : {done.pairs} binômes, {done.youths} jeunes "
            f"({(done.finished_at - done.started_at).total_seconds():.1f} s)."
        )
