"""Writes that span the matching and programmes apps: proposing pairs, running a batch."""

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mentorat.states import InvalidTransition
from programmes.enums import LabelStatus, ParticipantStatus
from programmes.models import MentorProfile, Programme, YouthProfile

from .bulk import insert_rows
from .engine import Explanation, MatchingError, MatchingResult, explain_pair
from .explanations import broken_rule_text
from .models import MatchingRun, MatchingWeights, Pair, PairEvent, UnmatchedYouth
from .population import BatchPopulation, load_mentees, load_mentors


class ProposalRefused(InvalidTransition):
    """A pair the rules do not allow; the message says why, in French."""


class RunRefused(InvalidTransition):
    """A batch that may not start (one already runs, or the association is not labelled)."""


def weights_of(programme: Programme):
    weights, _created = MatchingWeights.objects.get_or_create(programme=programme)
    return weights.as_engine_weights()


def why_not_matchable(youth: YouthProfile, today: date | None = None) -> str | None:
    """Why this youth cannot be proposed a mentor now, in a sentence; None if they can."""
    today = today or timezone.localdate()
    if youth.status != ParticipantStatus.READY:
        return _("Ce jeune n’est pas prêt pour la mise en relation (inscription : %(status)s).") % {
            "status": youth.get_status_display()
        }
    if not YouthProfile.objects.matchable(today).filter(pk=youth.pk).exists():
        return _(
            "Ce jeune a moins de 15 ans et l’accord d’un parent n’est pas enregistré : "
            "il ne peut pas encore être mis en relation."
        )
    open_pair = youth.pairs.open().select_related("mentor__user").first()
    if open_pair is not None:
        return _("Ce jeune a déjà un binôme avec %(mentor)s (%(status)s).") % {
            "mentor": open_pair.mentor.user,
            "status": open_pair.get_status_display(),
        }
    if youth.pairs.finished_without_rematch().exists():
        return _(
            "Le mentorat de ce jeune est terminé. S’il a été arrêté avant terme, le jeune (ou "
            "l’association) peut demander un nouveau mentor depuis la page du binôme."
        )
    return None


@transaction.atomic
def pair_propose(*, youth: YouthProfile, mentor: MentorProfile, today: date | None = None) -> Pair:
    """Staff propose a pair by hand. The batch's rules apply, through the same loader and
    engine (a pair the batch could not make is refused, with the rule it breaks); the score
    and its explanation are stored; one of the mentor's places is held."""
    today = today or timezone.localdate()
    if youth.programme_id != mentor.programme_id:
        raise ProposalRefused(_("Le jeune et le mentor ne sont pas dans le même programme."))
    if not youth.programme.association.is_labelled:
        raise ProposalRefused(_("L’association n’est plus labellisée : pas de nouveau binôme."))
    refusal = why_not_matchable(youth, today)
    if refusal:
        raise ProposalRefused(refusal)
    if youth.pairs.filter(mentor=mentor).exists():
        raise ProposalRefused(_("Ce jeune et ce mentor ont déjà été proposés l’un à l’autre."))
    mentors = MentorProfile.objects.matchable(today).filter(pk=mentor.pk)
    if not mentors.exists():
        raise ProposalRefused(
            _("Ce mentor n’est pas disponible : son inscription n’est pas validée.")
        )
    if not mentors.with_place_left().exists():
        raise ProposalRefused(
            _(
                "Ce mentor n’est pas disponible : il suit déjà autant de jeunes que possible, "
                "il n’a plus de place libre."
            )
        )
    explanation = pair_explanation(youth=youth, mentor=mentor, today=today)
    if not explanation.feasible:
        raise ProposalRefused(
            _("Cette proposition enfreint les règles : %(rules)s.")
            % {"rules": " ; ".join(broken_rule_text(rule) for rule in explanation.broken_rules)}
        )
    try:
        with transaction.atomic():
            MentorProfile.objects.take_places({mentor.pk: 1})
            pair = Pair.objects.create(
                programme_id=youth.programme_id,
                youth=youth,
                mentor=mentor,
                score=round(explanation.score, 2),
                explanation=explanation.stored(),
            )
    except IntegrityError as error:  # another proposal took the place or the youth meanwhile
        if "mentor_never_above_capacity" in str(error):
            raise ProposalRefused(_("Ce mentor suit déjà autant de jeunes que possible.")) from None
        raise ProposalRefused(_("Ce jeune a déjà un binôme ou une proposition en cours.")) from None
    return pair


def pair_explanation(
    *, youth: YouthProfile, mentor: MentorProfile, today: date | None = None
) -> Explanation:
    """The engine's reasons for one pair, read through the batch's loader (three queries)."""
    youths = load_mentees(YouthProfile.objects.filter(pk=youth.pk), today)
    mentors = load_mentors(MentorProfile.objects.filter(pk=mentor.pk), today)
    return explain_pair(youths, 0, mentors, 0, weights_of(youth.programme))


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


class ProgrammeResult(NamedTuple):
    """A programme's part of a batch: the engine's answer and each proposal's explanation."""

    programme: Programme
    result: MatchingResult
    explanations: list[list[dict]]


@transaction.atomic
def batch_write(*, run: MatchingRun, results: Sequence[ProgrammeResult]) -> int:
    """Write a run's proposals with their explanations, their first event, the places they
    take and the youths left out, in a fixed number of statements whatever their number (COPY
    on PostgreSQL)."""
    now = timezone.now()
    insert_rows(
        Pair,
        ["programme_id", "youth_id", "mentor_id", "score", "explanation", "run_id", "proposed_at"],
        (
            (programme.pk, youth, mentor, round(score, 2), explanation, run.pk, now)
            for programme, result, explanations in results
            for youth, mentor, score, explanation in zip(
                result.mentee_ids.tolist(),
                result.mentor_ids.tolist(),
                result.scores.tolist(),
                explanations,
                strict=True,
            )
        ),
    )
    pair, event = Pair._meta, PairEvent._meta
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # Each proposal's first event, dated when it was made, by whoever started the run.
        cursor.execute(
            f"INSERT INTO {quote(event.db_table)} (pair_id, from_status, to_status, at, by_id,"
            f" reason) SELECT id, '', status, proposed_at, %s, '' FROM {quote(pair.db_table)}"
            " WHERE run_id = %s",
            [run.started_by_id, run.pk],
        )
    # The places taken, one statement per count (a mentor takes 1 to 3): the database still
    # refuses a mentor above capacity, say after a proposal by hand since the population was read.
    MentorProfile.objects.take_places(
        Counter(
            mentor
            for _programme, result, _explanations in results
            for mentor in result.mentor_ids.tolist()
        )
    )
    insert_rows(
        UnmatchedYouth,
        ["run_id", "youth_id", "reason", "need"],
        (
            (run.pk, youth.mentee_id, youth.reason.value, youth.params.get("need") or "")
            for _programme, result, _explanations in results
            for youth in result.unmatched()
        ),
    )
    return sum(result.matched for _programme, result, _explanations in results)


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
    active = MatchingRun.objects.active()
    # A national run and a programme's own run would propose the same people twice.
    if (active.filter(scope=NATIONAL_SCOPE) if programme else active).exists():
        raise RunRefused(_("Une mise en relation est déjà en cours : attendez qu’elle se termine."))
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
    if not run.claim():  # a redelivered task: another worker has it, or it is over
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
        matched = []
        for done, programme in enumerate(programmes, start=1):
            matched.append((programme, population.match(programme)))
            progress.report(LOADED + (COMPUTED - LOADED) * done // len(programmes))
        seconds["solve"], clock = _lap(clock)
        results = [
            ProgrammeResult(programme, result, population.explanations(programme, result))
            for programme, result in matched
        ]
        seconds["explain"], clock = _lap(clock)
        batch_write(run=run, results=results)
        seconds["write"], clock = _lap(clock)
        for result in results:
            merge(summary, outcome_of(result.result))
    except Exception as error:
        # A failed run must not block the next one: it is closed, then the error goes on.
        message = str(error) if isinstance(error, MatchingError) else type(error).__name__
        run.fail(error=message)
        if not isinstance(error, MatchingError):
            raise
    else:
        summary["seconds"] = seconds
        run.finish(summary=summary)
    run.refresh_from_db()
    return run


class Progress:
    """A run's progress bar, written only when it moved by PROGRESS_STEP: a bounded number
    of writes whatever the number of programmes."""

    def __init__(self, run: MatchingRun):
        self.run, self.shown = run, 0

    def report(self, percent: int) -> None:
        if percent - self.shown >= PROGRESS_STEP:
            self.run.report_progress(percent)
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
