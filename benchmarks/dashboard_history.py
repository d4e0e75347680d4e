"""A year and a bit of the programme in bulk, for the dashboards' benchmark: after the people
of :mod:`benchmarks.national_population`, pairs (running, completed, ended early with who and
why, proposals that failed) planned with numpy and written by COPY, their meetings, an objective
each, start and end questionnaires with their answers (``INSERT ... SELECT`` over
``generate_series`` in the database), the last batch's youths left without a proposal, and a
coordinator for the association with the most pairs. PostgreSQL only."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta
from typing import Any

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentorat.settings.local")
    django.setup()

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from benchmarks.national_population import fill
from evaluations.defaults import load_version_1
from evaluations.models import Item, Questionnaire
from matching.bulk import insert_rows
from matching.engine.codes import UnmatchedReason
from matching.enums import Answer, ClosureReason, PairStatus, RunStatus
from matching.models import MatchingRun, Pair, UnmatchedYouth
from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from programmes.enums import ParticipantStatus, StaffRole
from programmes.models import Association, MentorProfile, StaffMembership, YouthProfile

PARIS = "Europe/Paris"
OLDEST_START, NEWEST_START = 430, 10  # days before today
EARLY_SHARE, FAILED_SHARE = 0.30, 0.05
# (reason, weight, whose side): mostly the mentor's.
EARLY_REASONS = [
    (ClosureReason.MENTOR_UNAVAILABLE, 25, "mentor"),
    (ClosureReason.MOVED_AWAY, 8, "mentor"),
    (ClosureReason.NO_CONTACT, 20, "mentor"),
    (ClosureReason.YOUTH_FOUND, 12, "youth"),
    (ClosureReason.YOUTH_WITHDREW, 15, "youth"),
    (ClosureReason.NO_FIT, 12, "youth"),
    (ClosureReason.OTHER, 8, "youth"),
]


def _ids(queryset, *fields) -> np.ndarray:
    return np.array(list(queryset.order_by("pk").values_list(*fields)), dtype=np.int64)


def plan_pairs(rng: np.random.Generator, n_pairs: int, today: date) -> dict[str, Any]:
    """Who is paired with whom, started when, and how it ended: numpy arrays, one per field."""
    youths = _ids(
        YouthProfile.objects.filter(status=ParticipantStatus.READY).exclude(
            pk__in=Pair.objects.values("youth_id")
        ),
        "pk",
        "user_id",
        "programme_id",
    )
    mentors = _ids(
        MentorProfile.objects.filter(status=ParticipantStatus.READY),
        "pk",
        "user_id",
        "programme_id",
        "capacity",
        "open_pairs",
    )
    n = min(n_pairs, len(youths))
    chosen = youths[rng.choice(len(youths), size=n, replace=False)]
    youth, youth_user, programme = chosen.T
    # More pairs start in recent months: the programme grows.
    started_days = (NEWEST_START + (OLDEST_START - NEWEST_START) * rng.random(n) ** 1.4).astype(int)
    start = np.datetime64(today) - started_days.astype("timedelta64[D]")
    fate = rng.random(n)
    failed = fate < FAILED_SHARE
    early = (fate >= FAILED_SHARE) & (fate < FAILED_SHARE + EARLY_SHARE)
    early_days = rng.triangular(12, 60, 178, size=n).astype(int)
    full_days = 183 + rng.triangular(3, 40, 200, size=n).astype(int)
    length = np.where(early, early_days, full_days)
    end = start + length.astype("timedelta64[D]")
    closed = ~failed & (end < np.datetime64(today))
    status = np.where(
        failed,
        PairStatus.DECLINED.value,
        np.where(
            closed,
            np.where(early, PairStatus.ENDED_EARLY.value, PairStatus.COMPLETED.value),
            PairStatus.ACTIVE.value,
        ),
    ).astype(object)
    status[failed & (rng.random(n) < 0.4)] = PairStatus.EXPIRED.value

    # Running pairs take the free places of their programme's mentors; the others any mentor
    # of the programme (their place was given back when they ended).
    mentor = np.zeros(n, dtype=np.int64)
    mentor_user = np.zeros(n, dtype=np.int64)
    by_programme = {}
    for row in range(len(mentors)):
        by_programme.setdefault(int(mentors[row, 2]), []).append(row)
    active = status == PairStatus.ACTIVE.value
    for prog in np.unique(programme):
        rows = np.array(by_programme.get(int(prog), []), dtype=np.int64)
        mine = np.flatnonzero(programme == prog)
        if not len(rows):
            status[mine] = PairStatus.EXPIRED.value  # nobody to pair with: it expired
            rows = np.arange(len(mentors))
        places = np.repeat(rows, np.maximum(mentors[rows, 3] - mentors[rows, 4], 0))
        rng.shuffle(places)
        running = mine[active[mine]]
        taken = places[: len(running)]
        if len(taken) < len(running):  # no place left: those proposals expired
            status[running[len(taken) :]] = PairStatus.EXPIRED.value
            running = running[: len(taken)]
        picked = mentors[taken]
        mentor[running], mentor_user[running] = picked[:, 0], picked[:, 1]
        others = mine[status[mine] != PairStatus.ACTIVE.value]
        picked = mentors[rows[rng.integers(0, len(rows), size=len(others))]]
        mentor[others], mentor_user[others] = picked[:, 0], picked[:, 1]

    reasons = rng.choice(
        len(EARLY_REASONS), size=n, p=np.array([w for _, w, _ in EARLY_REASONS]) / 100
    )
    return {
        "youth": youth, "youth_user": youth_user, "programme": programme, "mentor": mentor,
        "mentor_user": mentor_user, "start": start, "end": end, "status": status,
        "reasons": reasons,
    }  # fmt: skip


def _at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def insert_pairs(rng: np.random.Generator, plan: dict[str, Any]) -> int:
    status = plan["status"]
    n = len(status)
    started = np.isin(
        status.astype(str),
        [PairStatus.ACTIVE.value, PairStatus.COMPLETED.value, PairStatus.ENDED_EARLY.value],
    )
    scores = np.round(55 + 40 * rng.random(n), 1)

    def rows():
        for i in range(n):
            start = plan["start"][i].astype(date)
            state = status[i]
            proposed = _at(start - timedelta(days=6), 10)
            deadline = proposed + timedelta(days=8)
            answer = Answer.ACCEPTED if started[i] else ""
            ended_at = reason = by = details = None
            if state == PairStatus.DECLINED:
                answer = Answer.DECLINED
            if state in (PairStatus.COMPLETED, PairStatus.ENDED_EARLY):
                ended_at = _at(plan["end"][i].astype(date), 11)
                if state == PairStatus.COMPLETED:
                    reason, by = ClosureReason.OBJECTIVES_REACHED, plan["youth_user"][i]
                    details = "Objectifs atteints."
                else:
                    reason, _, side = EARLY_REASONS[plan["reasons"][i]]
                    by = plan["mentor_user"][i] if side == "mentor" else plan["youth_user"][i]
                    details = "Arrêt avant terme."
            yield (
                int(plan["programme"][i]), int(plan["youth"][i]), int(plan["mentor"][i]),
                state, float(scores[i]), proposed,
                deadline,
                answer, answer if state != PairStatus.EXPIRED else "",
                start if started[i] else None, ended_at, reason or "", details or "",
                None if by is None else int(by), ended_at,
            )  # fmt: skip

    insert_rows(
        Pair,
        [
            "programme_id", "youth_id", "mentor_id", "status", "score", "proposed_at",
            "answer_deadline", "youth_answer", "mentor_answer", "started_on", "ended_at",
            "closure_reason", "closure_details", "closure_requested_by_id",
            "closure_requested_at",
        ],
        rows(),
    )  # fmt: skip
    # The running pairs hold their mentor's places.
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE programmes_mentorprofile m SET open_pairs = counted.open
            FROM (SELECT mentor_id, count(*) AS open FROM matching_pair
                  WHERE status IN ('proposed', 'approved', 'active') GROUP BY mentor_id) counted
            WHERE counted.mentor_id = m.id
            """
        )
    return n


def insert_meetings(n_meetings: int, today: date) -> int:
    """``n_meetings`` spread over the started pairs, one every few weeks of each pair's life
    from its fourth day (the interval chosen so that the total comes to ``n_meetings``)."""
    life = "greatest(coalesce((p.ended_at AT TIME ZONE %s)::date, %s) - p.started_on - 3, 0)"
    last = today - timedelta(days=1)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT coalesce(sum({life}), 0), count(*) FROM matching_pair p "
            "WHERE started_on IS NOT NULL",
            [PARIS, last],
        )
        days, started = cursor.fetchone()
        if not started or not n_meetings:
            return 0
        # Each pair gets floor(life / interval) + 1 meetings: about days / interval + started / 2;
        # a slightly shorter interval makes a few more, and the LIMIT keeps exactly n_meetings.
        interval = max(0.95 * days / max(n_meetings - started / 2, 1), 0.5)
        cursor.execute(
            f"""
            INSERT INTO matching_meeting (pair_id, held_on, duration_minutes, format, topics,
                topics_other, shared_note, private_note, alert_referent, youth_confirmation,
                youth_answered_at, youth_note, logged_by_id, logged_at)
            SELECT id, held_on,
                   (ARRAY[45, 60, 75, 90, 90, 90, 100, 120, 150])[1 + ((k * 7 + id) %% 9)::int],
                   (ARRAY['in_person', 'in_person', 'remote', 'phone'])[1 + ((k + id) %% 4)::int],
                   1 << ((k + id) %% 10)::int, '', '', '', false,
                   CASE WHEN (k + id) %% 8 = 0 THEN '' ELSE 'confirmed' END,
                   CASE WHEN (k + id) %% 8 = 0 THEN NULL
                        ELSE ((held_on + 1) + time '12:00') AT TIME ZONE %s END,
                   '', user_id, (held_on + time '20:00') AT TIME ZONE %s
            FROM (
                SELECT p.id, m.user_id, k, p.started_on + 3 + floor(k * %s)::int AS held_on
                FROM matching_pair p
                JOIN programmes_mentorprofile m ON m.id = p.mentor_id
                CROSS JOIN LATERAL generate_series(0, floor({life} / %s)::int) AS k
                WHERE p.started_on IS NOT NULL
            ) planned
            WHERE held_on < %s
            LIMIT %s
            """,
            [PARIS, PARIS, interval, PARIS, last, interval, today, n_meetings],
        )  # fmt: skip
        return cursor.rowcount


def insert_objectives_and_answers(today: date) -> None:
    """An objective per pair that started (reached for those completed, a third of the
    running ones); a start questionnaire for two pairs in three, an end one for most of those
    that closed; their answers, one row per item, a little higher at the end."""
    start = Questionnaire.objects.get(kind="start", association=None, version=1)
    end = Questionnaire.objects.get(kind="end", association=None, version=1)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO matching_objective (pair_id, text, target_date, status, created_by_id,
                                            created_at)
            SELECT p.id, 'Trouver un emploi', p.started_on + 180,
                   CASE WHEN p.status = 'completed' OR (p.status = 'active' AND p.id %% 3 = 0)
                        THEN 'reached'
                        WHEN p.status = 'ended_early' AND p.id %% 2 = 0 THEN 'abandoned'
                        ELSE 'in_progress' END,
                   y.user_id, (p.started_on + 10 + time '19:00') AT TIME ZONE %s
            FROM matching_pair p JOIN programmes_youthprofile y ON y.id = p.youth_id
            WHERE p.started_on IS NOT NULL AND p.started_on + 10 < %s
            """,
            [PARIS, today],
        )
        cursor.execute(
            """
            INSERT INTO evaluations_response (pair_id, questionnaire_id, kind, respondent_id,
                                              submitted_at)
            SELECT p.id, %s, 'start', y.user_id, (p.started_on + 5 + time '19:00') AT TIME ZONE %s
            FROM matching_pair p JOIN programmes_youthprofile y ON y.id = p.youth_id
            WHERE p.started_on IS NOT NULL AND p.started_on + 5 < %s AND p.id %% 3 <> 0
            UNION ALL
            SELECT p.id, %s, 'end', y.user_id, p.ended_at + interval '2 days'
            FROM matching_pair p JOIN programmes_youthprofile y ON y.id = p.youth_id
            WHERE p.status IN ('completed', 'ended_early') AND p.id %% 5 <> 0
              AND p.ended_at + interval '2 days' < now()
            """,
            [start.pk, PARIS, today, end.pk],
        )
        cursor.execute(
            """
            INSERT INTO evaluations_answer (response_id, item_id, number, text)
            SELECT r.id, i.id,
                   CASE WHEN i.kind = 'text' THEN NULL
                        WHEN i.kind = 'yes_no' THEN (r.id + i.id) % 2
                        WHEN r.kind = 'start' THEN 1 + (r.id + i.id) % 3
                        ELSE 2 + (r.id + i.id) % 4 END,
                   CASE WHEN i.kind = 'text' THEN 'Trouver ma voie' ELSE '' END
            FROM evaluations_response r
            JOIN evaluations_item i ON i.questionnaire_id = r.questionnaire_id
            """
        )  # fmt: skip


def insert_last_batch(rng: np.random.Generator, by: User) -> int:
    """The last national batch, done, with the youths it left without a proposal and why."""
    run = MatchingRun.objects.create(
        scope="national", programme=None, started_by=by, status=RunStatus.DONE, progress=100,
        finished_at=timezone.now(), summary={"proposals": 0},
    )  # fmt: skip
    waiting = _ids(
        YouthProfile.objects.filter(status=ParticipantStatus.READY).exclude(
            pk__in=Pair.objects.filter(status__in=["proposed", "approved", "active"]).values(
                "youth_id"
            )
        ),
        "pk",
    ).ravel()
    codes = [reason.value for reason in UnmatchedReason]
    # Mostly no mentor nearby or no place left: supply is short (a few lack consent).
    weights = np.array([1.0 if code == UnmatchedReason.CONSENT_MISSING else 3.0 for code in codes])
    reasons = rng.choice(codes, size=len(waiting), p=weights / weights.sum())
    insert_rows(
        UnmatchedYouth,
        ["run_id", "youth_id", "reason", "need"],
        ((run.pk, int(youth), str(reason), "") for youth, reason in zip(waiting, reasons)),
    )
    return len(waiting)


def coordinator_of_largest_association() -> tuple[User, Association]:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT g.association_id FROM matching_pair p
            JOIN programmes_programme g ON g.id = p.programme_id
            GROUP BY g.association_id ORDER BY count(*) DESC, g.association_id LIMIT 1
            """
        )
        (association_id,) = cursor.fetchone()
    association = Association.objects.get(pk=association_id)
    user = User.objects.create_user(
        email="coordination@bench.invalid", password=None, role=Role.STAFF
    )
    StaffMembership.objects.create(user=user, association=association, role=StaffRole.COORDINATOR)
    return user, association


def fill_all(*, youths: int, mentors: int, pairs: int, meetings: int, seed: int) -> dict:
    rng = np.random.default_rng(seed + 7)
    today = timezone.localdate()
    timings = {}
    start = time.perf_counter()
    people = fill(youths, mentors, seed)
    timings["people_s"] = time.perf_counter() - start
    load_version_1(Questionnaire, Item)  # emptied with the associations: the platform's own
    with transaction.atomic():
        step = time.perf_counter()
        before = Pair.objects.count()
        plan = plan_pairs(rng, max(pairs - before, 0), today)
        insert_pairs(rng, plan)
        timings["pairs_s"] = time.perf_counter() - step
        step = time.perf_counter()
        written = insert_meetings(meetings, today)
        timings["meetings_s"] = time.perf_counter() - step
        step = time.perf_counter()
        insert_objectives_and_answers(today)
        unmatched = insert_last_batch(rng, people["ministry"])
        timings["answers_s"] = time.perf_counter() - step
        coordinator, association = coordinator_of_largest_association()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "ministry": people["ministry"],
        "coordinator": coordinator,
        "association": association,
        "pairs": Pair.objects.count(),
        "meetings": written,
        "unmatched": unmatched,
        "timings": {key: round(value, 1) for key, value in timings.items()},
    }
