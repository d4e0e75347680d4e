"""The history's pairs, their steps, meetings and objectives, written in bulk and dated as the
site's methods date them."""

import datetime
from collections import Counter, defaultdict

from matching.engine.codes import UnmatchedReason
from matching.enums import Answer as PairAnswer
from matching.enums import (
    ClosureReason,
    MeetingFormat,
    MeetingTopic,
    ObjectiveChangeKind,
    ObjectiveStatus,
    PairStatus,
    RunStatus,
    YouthConfirmation,
)
from matching.models import (
    MatchingRun,
    Meeting,
    Objective,
    ObjectiveChange,
    Pair,
    PairEvent,
    UnmatchedYouth,
)
from matching.models.objectives import SUGGESTIONS
from matching.services import NATIONAL_SCOPE
from programmes import flags
from programmes.enums import Need, StaffRole

from .plan import BATCH, QUIET_DAYS, PlannedPair, at, days


def _staff_user(pair: PlannedPair, staff: dict):
    team = staff.get(pair.youth.association, {})
    return team.get(StaffRole.REFERENT) or team.get(StaffRole.COORDINATOR)


def create_pairs(rng, pairs, programmes, staff) -> list[tuple[PlannedPair, Pair]]:
    """The pairs and their steps (PairEvent), as the site's transitions date them."""
    rows, events = [], []
    for spec in pairs:
        youth, mentor = spec.youth.profile, spec.mentor.profile
        coordinator = staff.get(spec.youth.association, {}).get(StaffRole.COORDINATOR)
        reviewed = youth.reviewed_at
        if spec.start:
            approved = at(spec.start - days(rng.randint(2, 4)), 10)
        else:  # a proposal that failed, ten days before ``end``
            approved = at(spec.end - days(9), 10)
        proposed = max(approved - days(rng.randint(1, 5)), reviewed + days(1))
        approved = max(approved, proposed + datetime.timedelta(hours=2))
        pair = Pair(
            programme=programmes[spec.youth.association],
            youth=youth,
            mentor=mentor,
            score=round(rng.uniform(55, 95), 1),
            proposed_at=proposed,
            answer_deadline=approved + days(7),
        )
        steps = []  # (from, to, by, at, reason)
        if spec.fate == "rejected":
            pair.status, pair.answer_deadline = PairStatus.REJECTED, None
            steps.append((PairStatus.PROPOSED, PairStatus.REJECTED, coordinator, approved,
                          "Le jeune cherche une alternance, le mentor n’en connaît pas le "
                          "secteur."))  # fmt: skip
        else:
            steps.append((PairStatus.PROPOSED, PairStatus.APPROVED, coordinator, approved, ""))
        if spec.fate in ("declined", "expired"):
            if spec.fate == "declined":
                pair.status = PairStatus.DECLINED
                pair.mentor_answer = PairAnswer.DECLINED
                steps.append(
                    (
                        PairStatus.APPROVED,
                        PairStatus.DECLINED,
                        mentor.user,
                        approved + days(2),
                        "Je ne suis pas disponible ce trimestre.",
                    )
                )
            else:  # fmt: skip
                pair.status = PairStatus.EXPIRED
                steps.append(
                    (PairStatus.APPROVED, PairStatus.EXPIRED, None, pair.answer_deadline, "")
                )
        if spec.start:
            started = at(spec.start, 9)
            pair.started_on = spec.start
            pair.mentor_answer = pair.youth_answer = PairAnswer.ACCEPTED
            pair.status = PairStatus.ACTIVE
            steps.append((PairStatus.APPROVED, PairStatus.APPROVED, mentor.user,
                          started - days(1), ""))  # fmt: skip
            steps.append((PairStatus.APPROVED, PairStatus.ACTIVE, youth.user, started, ""))
        if spec.fate == "completed":
            pair.status = PairStatus.COMPLETED
            pair.ended_at = at(spec.end, 11)
            pair.closure_reason = ClosureReason.OBJECTIVES_REACHED
            pair.closure_details = "Objectifs atteints, bilan fait avec le jeune et le mentor."
            pair.closure_requested_by = rng.choice([youth.user, mentor.user])
            pair.closure_requested_at = at(spec.end - days(rng.randint(2, 3)), 19)
            steps.append(
                (
                    PairStatus.ACTIVE,
                    PairStatus.COMPLETED,
                    _staff_user(spec, staff),
                    pair.ended_at,
                    str(ClosureReason.OBJECTIVES_REACHED.label),
                )
            )
        elif spec.fate == "ended_early":  # fmt: skip
            by = {"youth": youth.user, "mentor": mentor.user}.get(spec.ended_by)
            by = by or _staff_user(spec, staff) or mentor.user  # no staff: the mentor
            pair.status = PairStatus.ENDED_EARLY
            pair.ended_at = at(spec.end, 11)
            pair.closure_reason, pair.closure_details = spec.reason, spec.details
            pair.closure_requested_by, pair.closure_requested_at = by, pair.ended_at
            steps.append(
                (
                    PairStatus.ACTIVE,
                    PairStatus.ENDED_EARLY,
                    by,
                    pair.ended_at,
                    f"{ClosureReason(spec.reason).label} — {spec.details}",
                )
            )
            if spec.rematch:  # fmt: skip
                pair.rematch_requested_by = youth.user
                pair.rematch_requested_at = pair.ended_at + days(2)
        rows.append(pair)
        events.append(steps)
    made = Pair.objects.bulk_create(rows, batch_size=BATCH)
    PairEvent.objects.bulk_create(
        (
            PairEvent(pair=pair, from_status=before, to_status=after, by=by, at=at, reason=why)
            for pair, steps in zip(made, events, strict=True)
            for before, after, by, at, why in steps
        ),
        batch_size=BATCH,
    )
    return [(spec, pair) for spec, pair in zip(pairs, made, strict=True) if spec.start]


def create_meetings(rng, made) -> None:
    topics = list(MeetingTopic)
    meetings = []
    for spec, pair in made:
        for day, minutes in spec.meetings:
            held_on = spec.start + days(day)
            logged_at = at(held_on + days(rng.choice([0, 0, 1, 2])), 21)
            answer = rng.random()
            confirmation = (
                YouthConfirmation.CONFIRMED
                if answer < 0.86
                else ""
                if answer < 0.97
                else YouthConfirmation.DISPUTED
            )
            meetings.append(
                Meeting(
                    pair=pair,
                    held_on=held_on,
                    duration_minutes=minutes,
                    format=rng.choices(list(MeetingFormat), weights=[55, 30, 15])[0],
                    topics=flags.mask_of(MeetingTopic, rng.sample(topics, rng.randint(1, 3))),
                    logged_by=pair.mentor.user,
                    logged_at=logged_at,
                    youth_confirmation=confirmation,
                    youth_answered_at=logged_at + days(1) if confirmation else None,
                    youth_note="On ne s’est pas vus ce jour-là."
                    if confirmation == YouthConfirmation.DISPUTED
                    else "",
                )
            )
    Meeting.objects.bulk_create(meetings, batch_size=BATCH)


def _objective_status(rng, spec: PlannedPair, first: bool) -> str:
    if spec.fate == "completed":
        if first:
            return ObjectiveStatus.REACHED
        return rng.choices(list(ObjectiveStatus), weights=[3, 5, 2])[0]
    if spec.fate == "ended_early":
        if spec.reason == ClosureReason.YOUTH_FOUND and first:
            return ObjectiveStatus.REACHED
        return rng.choices(list(ObjectiveStatus), weights=[6, 1, 3])[0]
    return rng.choices(list(ObjectiveStatus), weights=[8, 2, 0.5])[0]


def create_objectives(rng, made, today) -> dict[int, list[Objective]]:
    """One to three objectives for each pair that met, dated after the first meeting, with
    their steps; those reached or abandoned were so before the pair's end."""
    quiet = today - days(QUIET_DAYS)
    rows, steps = [], []
    for spec, pair in made:
        if not spec.meetings:
            continue
        youth, mentor = pair.youth.user, pair.mentor.user
        written = at(spec.start + days(spec.meetings[0][0] + 1), 19)
        last = at(min(spec.end or quiet, quiet), 18)
        needs = flags.codes_of(Need, pair.youth.needs) or [Need.ORIENTATION]
        for index, need in enumerate(needs[: rng.randint(1, 3)]):
            by, other = (youth, mentor) if rng.random() < 0.6 else (mentor, youth)
            status = _objective_status(rng, spec, index == 0)
            objective = Objective(
                pair=pair,
                text=str(SUGGESTIONS[Need(need)]),
                target_date=spec.start + days(rng.choice([90, 150, 180, 240])),
                status=status,
                created_by=by,
                created_at=written,
            )
            rows.append(objective)
            changed = written + max(last - written, datetime.timedelta(0)) * rng.uniform(0.4, 1)
            steps.append((objective, by, other, changed))
    Objective.objects.bulk_create(rows, batch_size=BATCH)
    changes = []
    for objective, by, other, changed in steps:
        changes.append(ObjectiveChange(
            objective=objective, kind=ObjectiveChangeKind.PROPOSED, text=objective.text,
            target_date=objective.target_date, status=ObjectiveStatus.IN_PROGRESS, by=by,
            at=objective.created_at,
        ))  # fmt: skip
        if objective.status != ObjectiveStatus.IN_PROGRESS:
            changes.append(ObjectiveChange(
                objective=objective, kind=ObjectiveChangeKind.STATUS, text=objective.text,
                target_date=objective.target_date, status=objective.status, by=other, at=changed,
            ))  # fmt: skip
    ObjectiveChange.objects.bulk_create(changes, batch_size=BATCH)
    by_pair = defaultdict(list)
    for objective in rows:
        by_pair[objective.pair_id].append(objective)
    return by_pair


# Why the last batch left a youth without a proposal (an engine code), and how often.
UNMATCHED = [
    (UnmatchedReason.CAPACITY_EXHAUSTED, 4),
    (UnmatchedReason.NO_MENTOR_IN_DEPARTEMENT, 3),
    (UnmatchedReason.NO_COMPATIBLE_MENTOR, 3),
]


def create_last_batch(rng, youths, pairs, ministry, today) -> None:
    """The last national batch, three weeks ago: the youths still waiting are those it left
    without a proposal, each with the engine's reason."""
    paired = {id(pair.youth) for pair in pairs if pair.start}
    waiting = [youth for youth in youths if id(youth) not in paired]
    ran = at(today - days(QUIET_DAYS + 1), 2)
    reasons = [
        rng.choices([code for code, _ in UNMATCHED], weights=[w for _, w in UNMATCHED])[0]
        for _ in waiting
    ]
    proposals = sum(1 for pair in pairs if pair.start and 22 <= (today - pair.start).days <= 30)
    run = MatchingRun.objects.create(
        scope=NATIONAL_SCOPE,
        programme=None,
        started_by=ministry,
        status=RunStatus.DONE,
        progress=100,
        created_at=ran,
        finished_at=ran + datetime.timedelta(minutes=2),
        summary={
            "proposals": proposals,
            "total_score": round(proposals * 71.5, 2),
            "unmatched": dict(Counter(str(reason) for reason in reasons)),
            "unmatched_by_departement": dict(Counter(youth.departement for youth in waiting)),
            "optimal": True,
            "seconds": {"load": 0.4, "solve": 1.3, "explain": 0.1, "write": 0.2},
        },
    )
    UnmatchedYouth.objects.bulk_create(
        UnmatchedYouth(run=run, youth=youth.profile, reason=str(reason))
        for youth, reason in zip(waiting, reasons, strict=True)
    )
