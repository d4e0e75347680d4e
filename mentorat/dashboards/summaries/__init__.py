"""Rebuild the dashboards' summaries from the live tables: ``refresh()``.

Each rule is read where it is written: the cadence from ``Pair.objects.with_cadence``
(matching), the referent's next contact from ``evaluations.contact_due``, the risk signals
from ``evaluations.risk``. A handful of grouped queries read everything (their number does not
grow with the data); the facts are then written in chunks, in one transaction, so that a page
reads either the previous summaries or the new ones, never half of each.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from ..models import (
    PairFact,
    ReachCell,
    Refresh,
    SignupCell,
    SupplyCell,
    UnmatchedCell,
    YouthFact,
    YouthYear,
)
from .common import CHUNK
from .pairs import pair_facts, youth_years
from .reach import reach_cells
from .signups import signup_cells
from .supply import supply_cells, unmatched_cells
from .youths import youth_facts

logger = logging.getLogger(__name__)


def _chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write(model, rows: Iterable) -> int:
    written = 0
    for chunk in _chunks(rows):
        model.objects.bulk_create(chunk)
        written += len(chunk)
    return written


def refresh(today: date | None = None) -> Refresh:
    """Rebuild every summary; returns the Refresh row the pages will show."""
    started = timezone.now()
    today = today or timezone.localdate()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # one rebuild at a time
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext('dashboards.refresh'))")
        for model in (
            PairFact,
            YouthYear,
            ReachCell,
            YouthFact,
            SignupCell,
            SupplyCell,
            UnmatchedCell,
        ):
            model.objects.all().delete()
        minimum_on_by_youth: dict[int, date] = {}
        years: dict[tuple[int, int], PairFact] = {}
        pairs = _write(PairFact, pair_facts(today, minimum_on_by_youth, years))
        _write(YouthYear, youth_years(years))
        years.clear()
        _write(ReachCell, reach_cells())
        waiting = defaultdict(int)

        def youth_rows():
            for fact in youth_facts(today, minimum_on_by_youth):
                if fact.waiting:
                    waiting[(fact.association_id, fact.programme_id, fact.departement)] += 1
                yield fact

        youths = _write(YouthFact, youth_rows())
        _write(SignupCell, signup_cells())
        _write(SupplyCell, supply_cells(waiting))
        _write(UnmatchedCell, unmatched_cells())
        done = Refresh.objects.create(
            started_at=started, finished_at=timezone.now(), today=today, pairs=pairs, youths=youths
        )
        Refresh.objects.filter(finished_at__lt=done.finished_at).exclude(pk=done.pk).delete()
    _tidy()
    logger.info("Dashboards refreshed: %s pairs, %s youths", pairs, youths)
    return done


SUMMARY_TABLES = (PairFact, YouthYear, ReachCell, YouthFact, SignupCell, SupplyCell, UnmatchedCell)


def _tidy() -> None:
    """On PostgreSQL, fresh statistics for the planner and a visibility map for index-only
    scans (VACUUM cannot run in a transaction: inside one, only ANALYZE)."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for model in SUMMARY_TABLES:
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")


def last_refresh() -> Refresh | None:
    return Refresh.objects.filter(finished_at__isnull=False).order_by("-finished_at").first()
