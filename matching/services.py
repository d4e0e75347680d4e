"""Writes that span the matching and programmes apps: proposing pairs, running a batch."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.enums import LabelStatus
from programmes.models import InvalidTransition, MentorProfile, Programme, YouthProfile

from .engine import Explanation, MatchingError, run_matching
from .enums import ACTIVE_RUN_STATUSES, RunStatus
from .models import MatchingRun, MatchingWeights, Pair, UnmatchedYouth
from .population import (
    available_mentors,
    excluded_pairs,
    load_mentees,
    load_mentors,
    matchable_youths,
)


class ProposalRefused(InvalidTransition):
    """A pair the rules do not allow; the message says why, in French."""


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


def batch_compute(programme: Programme, report=lambda fraction: None):
    """The engine's answer for one programme, without writing anything."""
    programmes = [programme]
    mentees = load_mentees(matchable_youths(programmes))
    mentors = load_mentors(available_mentors(programmes))
    report(0.2)
    result = run_matching(
        mentees, mentors, weights=weights_of(programme), excluded_pairs=excluded_pairs(programmes)
    )
    report(0.8)
    return result


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
def batch_write(*, programme: Programme, result, run: MatchingRun | None) -> int:
    """Write a batch's proposals in bulk: one query for the pairs, one per mentor load."""
    proposals = list(result.proposals())
    pairs = [
        Pair(
            programme=programme,
            youth_id=proposal.mentee_id,
            mentor_id=proposal.mentor_id,
            score=round(proposal.score, 2),
            run=run,
        )
        for proposal in proposals
    ]
    Pair.objects.bulk_create(pairs, batch_size=2000)
    if run is not None:
        UnmatchedYouth.objects.bulk_create(
            [
                UnmatchedYouth(
                    run=run,
                    youth_id=youth.mentee_id,
                    reason=youth.reason.value,
                    need=youth.params.get("need") or "",
                )
                for youth in result.unmatched()
            ],
            batch_size=2000,
        )
    places_taken: dict[int, int] = {}
    for proposal in proposals:
        places_taken[proposal.mentor_id] = places_taken.get(proposal.mentor_id, 0) + 1
    for taken in sorted(set(places_taken.values())):
        mentor_ids = [mentor for mentor, count in places_taken.items() if count == taken]
        MentorProfile.objects.filter(pk__in=mentor_ids).update(open_pairs=F("open_pairs") + taken)
    return len(pairs)


NATIONAL_SCOPE = "national"


def run_scope(programme: Programme | None) -> str:
    """What a run locks: one programme, or every programme at once."""
    return f"programme:{programme.pk}" if programme else NATIONAL_SCOPE


def run_start(*, programme: Programme | None, by) -> MatchingRun:
    """Record a batch about to run; a second one for the same scope is refused, and so is a
    programme whose association is not labelled."""
    if programme is not None and not programme.association.is_labelled:
        raise ProposalRefused(
            _("L’association n’est pas labellisée : elle ne peut pas former de binômes.")
        )
    active = MatchingRun.objects.filter(status__in=ACTIVE_RUN_STATUSES)
    # A national run and a programme's own run would propose the same people twice.
    if (active.filter(scope=NATIONAL_SCOPE) if programme else active).exists():
        raise ProposalRefused(
            _("Une mise en relation est déjà en cours : attendez qu’elle se termine.")
        )
    try:
        with transaction.atomic():
            return MatchingRun.objects.create(
                scope=run_scope(programme), programme=programme, started_by=by
            )
    except IntegrityError:
        raise ProposalRefused(
            _(
                "Une mise en relation est déjà en cours pour ce programme : "
                "attendez qu’elle se termine."
            )
        ) from None


def run_execute(run: MatchingRun) -> MatchingRun:
    """Run a recorded batch to the end, programme by programme, reporting progress."""
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
    try:
        for done, programme in enumerate(programmes):

            def report(fraction, done=done):
                progress = int(100 * (done + fraction) / len(programmes))
                MatchingRun.objects.filter(pk=run.pk).update(progress=progress)

            result = batch_compute(programme, report)
            batch_write(programme=programme, result=result, run=run)
            merge(summary, outcome_of(result))
            report(1.0)
    except Exception as error:
        # A failed run must not block the next one: it is closed, then the error goes on.
        message = str(error) if isinstance(error, MatchingError) else type(error).__name__
        MatchingRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=message, finished_at=timezone.now()
        )
        if not isinstance(error, MatchingError):
            raise
    else:
        MatchingRun.objects.filter(pk=run.pk).update(
            status=RunStatus.DONE, progress=100, summary=summary, finished_at=timezone.now()
        )
    run.refresh_from_db()
    return run


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
