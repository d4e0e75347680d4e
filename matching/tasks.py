from datetime import timedelta

from celery import shared_task
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import RunStatus
from .models import MatchingRun, Pair

# A run still queued after this long lost its message (broker down when it was started);
# one still running after this long lost its worker (a batch takes well under a minute).
QUEUED_RUN_GRACE = timedelta(minutes=5)
RUNNING_RUN_LIMIT = timedelta(hours=1)


@shared_task
def run_matching_batch(run_id: int) -> None:
    from .services import run_execute

    run_execute(MatchingRun.objects.get(pk=run_id))


@shared_task
def expire_overdue_proposals() -> int:
    """Proposals nobody answered in time: the youth goes back to the pool."""
    from .workflow import pair_expire

    return sum(1 for pair in Pair.objects.overdue() if pair_expire(pair=pair))


@shared_task
def check_mentor_places() -> int:
    """Report mentors whose place counter disagrees with their open pairs (logged as errors)."""
    from .places import report_place_drift

    return report_place_drift()


@shared_task
def requeue_stranded_runs() -> int:
    """Queue again the runs whose message never reached a worker (running one twice is
    harmless: run_execute claims it once), and close those whose worker died, so that they
    no longer block the next batch."""
    MatchingRun.objects.filter(
        status=RunStatus.RUNNING, created_at__lte=timezone.now() - RUNNING_RUN_LIMIT
    ).fail_all(error=_("Interrompue : le calcul s’est arrêté avant la fin. Relancez-la."))
    stranded = MatchingRun.objects.filter(
        status=RunStatus.QUEUED, created_at__lte=timezone.now() - QUEUED_RUN_GRACE
    ).values_list("pk", flat=True)
    for run_id in stranded:
        run_matching_batch.delay(run_id)
    return len(stranded)
