"""Writes that span the matching and programmes apps: proposing pairs, running a batch."""

import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from mentorat.states import InvalidTransition
from programmes.enums import LabelStatus
from programmes.models import MentorProfile, Programme, YouthProfile

from .bulk import insert_rows
from .engine import Explanation, MatchingError, MatchingResult
from .enums import ACTIVE_RUN_STATUSES, RunStatus
from .models import MatchingRun, MatchingWeights, Pair, PairEvent, UnmatchedYouth
from .population import BatchPopulation


class ProposalRefused(InvalidTransition):
    """A pair the rules do not allow; the message says why, in French."""


class RunRefused(InvalidTransition):
    """A batch that may not start (one already runs, or the association is not labelled)."""


def weights_of(programme: Programme):
    weights, _created = MatchingWeights.objects.get_or_create(programme=programme)
    return weights.as_engine_weights()


def explanation_as_json(explanation: Explanation) -> list[dict]:
    return [
        {
            "criterion": item.criterion.value,
            "points": round(item.points, 2),
            "applicable": item.applicable,
            "params": {key: _codes(value) for key, value in item.params.items()},
        }
        for item in explanation.items
    ]


def _codes(value):
    if isinstance(value, tuple | list):
        return [str(member) for member in value]
    return value if value is None or isinstance(value, int | float) else str(value)


@transaction.atomic
def pair_propose(
    *,
    youth: YouthProfile,
    mentor: MentorProfile,
    score: float,
    explanation: list[dict],
    run: MatchingRun | None = None,
) -> Pair:
    """Hold one of the mentor's places for this youth. The database refuses a mentor above
    capacity and a second open pair for the youth; both become a ProposalRefused."""
    if youth.programme_id != mentor.programme_id:
        raise ProposalRefused(_("Le jeune et le mentor ne sont pas dans le même programme."))
    if not youth.programme.association.is_labelled:
        raise ProposalRefused(_("L’association n’est plus labellisée : pas de nouveau binôme."))
    try:
        with transaction.atomic():
            MentorProfile.objects.filter(pk=mentor.pk).update(open_pairs=F("open_pairs") + 1)
            pair = Pair.objects.create(
                programme_id=youth.programme_id,
                youth=youth,
                mentor=mentor,
                score=score,
                explanation=explanation,
                run=run,
            )
    except IntegrityError as error:
        if "mentor_never_above_capacity" in str(error):
            raise ProposalRefused(_("Ce mentor suit déjà autant de jeunes que possible.")) from None
        raise ProposalRefused(_("Ce jeune a déjà un binôme ou une proposition en cours.")) from None
    return pair


@dataclass(frozen=True)
class BatchOutcome:
    proposals: int
    total_score: float
    unmatched: dict[str, int]  # reason code -> youths
    unmatched_by_departement: dict[str, int]
    optimal: bool


def batch_compute(programme: Programme) -> MatchingResult:
    """The engine's answer for one programme, without writing anything."""
    return BatchPopulation.load([programme]).match(programme)


def outcome_of(result) -> BatchOutcome:
    unmatched: dict[str, int] = {}
    for youth in result.unmatched():
        unmatched[youth.reason.value] = unmatched.get(youth.reason.value, 0) + 1
    return BatchOutcome(
        proposals=result.matched,
        total_score=round(result.total_score, 2),
        unmatched=unmatched,
        unmatched_by_departement=result.unmatched_by_departement(),
        optimal=result.optimal,
    )


@transaction.atomic
def batch_write(*, run: MatchingRun, results: Sequence[tuple[Programme, MatchingResult]]) -> int:
    """Write a run's proposals, their first event, the places they take and the youths left
    out, in a fixed number of statements whatever their number (COPY on PostgreSQL)."""
    now = timezone.now()
    insert_rows(
        Pair,
        ["programme_id", "youth_id", "mentor_id", "score", "run_id", "proposed_at"],
        (
            (programme.pk, youth, mentor, round(score, 2), run.pk, now)
            for programme, result in results
            for youth, mentor, score in zip(
                result.mentee_ids.tolist(),
                result.mentor_ids.tolist(),
                result.scores.tolist(),
                strict=True,
            )
        ),
    )
    pair, event, mentor = Pair._meta, PairEvent._meta, MentorProfile._meta
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # Each proposal's first event, dated when it was made, by whoever started the run.
        cursor.execute(
            f"INSERT INTO {quote(event.db_table)} (pair_id, from_status, to_status, at, by_id,"
            f" reason) SELECT id, '', status, proposed_at, %s, '' FROM {quote(pair.db_table)}"
            " WHERE run_id = %s",
            [run.started_by_id, run.pk],
        )
        # The places taken, for every mentor at once (the database still refuses a mentor
        # above capacity, say after a proposal by hand since the population was read).
        cursor.execute(
            f"UPDATE {quote(mentor.db_table)} SET open_pairs = open_pairs + taken.places"
            f" FROM (SELECT mentor_id, COUNT(*) AS places FROM {quote(pair.db_table)}"
            " WHERE run_id = %s GROUP BY mentor_id) AS taken"
            f" WHERE {quote(mentor.db_table)}.id = taken.mentor_id",
            [run.pk],
        )
    insert_rows(
        UnmatchedYouth,
        ["run_id", "youth_id", "reason", "need"],
        (
            (run.pk, youth.mentee_id, youth.reason.value, youth.params.get("need") or "")
            for _programme, result in results
            for youth in result.unmatched()
        ),
    )
    return sum(result.matched for _programme, result in results)


NATIONAL_SCOPE = "national"


def run_scope(programme: Programme | None) -> str:
    """What a run locks: one programme, or every programme at once."""
    return f"programme:{programme.pk}" if programme else NATIONAL_SCOPE


def run_start(*, programme: Programme | None, by) -> MatchingRun:
    """Record a batch about to run; a second one for the same scope is refused, and so is a
    programme whose association is not labelled."""
    if programme is not None and not programme.association.is_labelled:
        raise RunRefused(
            _("L’association n’est pas labellisée : elle ne peut pas former de binômes.")
        )
    active = MatchingRun.objects.filter(status__in=ACTIVE_RUN_STATUSES)
    # A national run and a programme's own run would propose the same people twice.
    if (active.filter(scope=NATIONAL_SCOPE) if programme else active).exists():
        raise RunRefused(
            _("Une mise en relation est déjà en cours : attendez qu’elle se termine.")
        )
    try:
        with transaction.atomic():
            return MatchingRun.objects.create(
                scope=run_scope(programme), programme=programme, started_by=by
            )
    except IntegrityError:
        raise RunRefused(
            _(
                "Une mise en relation est déjà en cours pour ce programme : "
                "attendez qu’elle se termine."
            )
        ) from None


# How much of a run's progress bar each stage fills, and the smallest step worth a write.
LOADED, COMPUTED, PROGRESS_STEP = 10, 90, 5


def run_execute(run: MatchingRun) -> MatchingRun:
    """Run a recorded batch to the end: everyone read at once, the engine programme by
    programme, then every proposal written at once; progress reported along the way."""
    claimed = MatchingRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING
    )
    if not claimed:  # a redelivered task: another worker has it, or it is over
        return run
    programmes = (
        [run.programme]
        if run.programme
        else list(Programme.objects.filter(association__label_status=LabelStatus.LABELLED))
    )
    summary = {
        "proposals": 0,
        "total_score": 0.0,
        "unmatched": {},
        "unmatched_by_departement": {},
        "optimal": True,
    }
    seconds = {}
    progress = Progress(run)
    try:
        clock = time.perf_counter()
        population = BatchPopulation.load(programmes)
        seconds["load"], clock = _lap(clock)
        progress.report(LOADED)
        results = []
        for done, programme in enumerate(programmes, start=1):
            results.append((programme, population.match(programme)))
            progress.report(LOADED + (COMPUTED - LOADED) * done // len(programmes))
        seconds["solve"], clock = _lap(clock)
        batch_write(run=run, results=results)
        seconds["write"], clock = _lap(clock)
        for _programme, result in results:
            merge(summary, outcome_of(result))
    except Exception as error:
        # A failed run must not block the next one: it is closed, then the error goes on.
        message = str(error) if isinstance(error, MatchingError) else type(error).__name__
        MatchingRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=message, finished_at=timezone.now()
        )
        if not isinstance(error, MatchingError):
            raise
    else:
        summary["seconds"] = seconds
        MatchingRun.objects.filter(pk=run.pk).update(
            status=RunStatus.DONE, progress=100, summary=summary, finished_at=timezone.now()
        )
    run.refresh_from_db()
    return run


class Progress:
    """A run's progress bar, written only when it moved by PROGRESS_STEP: a bounded number
    of writes whatever the number of programmes."""

    def __init__(self, run: MatchingRun):
        self.run, self.shown = run, 0

    def report(self, percent: int) -> None:
        if percent - self.shown >= PROGRESS_STEP:
            MatchingRun.objects.filter(pk=self.run.pk).update(progress=percent)
            self.shown = percent


def _lap(since: float) -> tuple[float, float]:
    now = time.perf_counter()
    return round(now - since, 3), now


def merge(summary: dict, outcome: BatchOutcome) -> None:
    summary["proposals"] += outcome.proposals
    summary["total_score"] = round(summary["total_score"] + outcome.total_score, 2)
    summary["optimal"] = summary["optimal"] and outcome.optimal
    for key, counts in (
        ("unmatched", outcome.unmatched),
        ("unmatched_by_departement", outcome.unmatched_by_departement),
    ):
        for code, count in counts.items():
            summary[key][code] = summary[key].get(code, 0) + count
