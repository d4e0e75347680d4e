"""Benchmark of the reminders at national scale: computing and recording everything due.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mentorat_bench \\
        python -m benchmarks.reminders --pairs 200000

Fills the database in bulk (COPY, as benchmarks.matching_db) with associations and their
staff, N active pairs started over the last 8 months with their meetings (some counted, some
awaiting the youth's answer, a few too short, a few with an alert or disputed), some planned
for tomorrow, mentors whose attestation expires soon; then runs, as the periodic task does,
``reminders_send(now)``: every rule and the bulk insert of what is due. Then runs it again at
the same moment, which must record nothing. The last line is one JSON object: ``pairs``,
``due`` (notifications recorded), ``compute_s`` (the whole first run), ``queries`` (every
statement it sent), ``due_second_run``, ``second_s``, the count per kind and ``rules_s``, the
time of each rule of the first run (its query and its Python) and of the recording.
``--explain`` prints EXPLAIN (ANALYZE, BUFFERS) of each SELECT of the first run (stderr).

It refuses a database that already holds pairs unless given ``--reset`` (which empties the
people, programmes, matching and notification tables first), and empties them again at the
end unless given ``--keep``. It never runs with production settings.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from contextlib import contextmanager
from datetime import datetime, timedelta

import django
import numpy as np
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentorat.settings.local")
    django.setup()

from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from benchmarks.national_population import next_id
from matching.bulk import insert_rows
from matching.enums import Answer, MeetingFormat, PairStatus, YouthConfirmation
from matching.models import Meeting, Pair, PlannedMeeting
from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from mentorat.reminders.compute import reminders_send
from programmes.enums import Format, LabelStatus, ParticipantStatus, Sector, Situation, StaffRole
from programmes.models import (
    Association,
    Departement,
    MentorProfile,
    Programme,
    StaffMembership,
    YouthProfile,
)

PAIRS_PER_ASSOCIATION = 5_000
REFERENTS_PER_ASSOCIATION = 10
SHOW_SLOWEST = 6  # statements printed with their time (stderr)
# What compute.reminders_due and reminders_send call, timed one by one.
TIMED = (
    "Staff",
    "pairs_behind",
    "cadence_reminders",
    "planned_tomorrow",
    "questionnaires",
    "minimum_reached",
    "meetings_to_answer",
    "referent_signals",
    "attestation_reminders",
    "consent_reminders",
    "staff_digests",
    "notifications_record",
)
APPS = ("accounts", "programmes", "matching", "evaluations", "notifications")


def empty_tables() -> None:
    tables = [
        model._meta.db_table
        for label in APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model is not Departement
    ]
    flush = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    connection.ops.execute_sql_flush(flush)


def fill(n_pairs: int, now: datetime, seed: int) -> None:
    rng = np.random.default_rng(seed)
    today = timezone.localdate(now)
    n_assoc = max(1, n_pairs // PAIRS_PER_ASSOCIATION)
    departement = Departement.objects.order_by("code").values_list("code", flat=True).first()
    with transaction.atomic():
        programmes, staff = [], []
        for number in range(n_assoc):
            association = Association.objects.create(
                name=f"Bench {number}", slug=f"bench-{number}", label_status=LabelStatus.LABELLED
            )
            programmes.append(
                Programme.objects.create(
                    association=association,
                    name=f"Bench {number}",
                    slug=f"bench-{number}",
                    capacity=1_000_000,
                ).pk
            )
            members = []
            for rank in range(1 + REFERENTS_PER_ASSOCIATION):
                user = User.objects.create_user(
                    email=f"staff-{number}-{rank}@bench.invalid",
                    password=None,
                    role=Role.STAFF,
                    first_name="Équipe",
                )
                StaffMembership.objects.create(
                    user=user,
                    association=association,
                    role=StaffRole.COORDINATOR if rank == 0 else StaffRole.REFERENT,
                )
                members.append(user.pk)
            staff.append(members[1:])
        first_user = next_id(User)
        user_ids = np.arange(first_user, first_user + 2 * n_pairs)
        insert_rows(
            User,
            ["id", "password", "first_name", "last_name", "email", "role", "date_joined"],
            (
                (
                    pk,
                    "!",
                    "Prénom",
                    f"Nom {pk}",
                    f"p-{pk}@bench.invalid",
                    Role.YOUTH if pk < first_user + n_pairs else Role.MENTOR,
                    now,
                )
                for pk in user_ids.tolist()
            ),
        )
        programme_of = np.array(programmes)[np.arange(n_pairs) % n_assoc]
        referent_of = np.array(
            [staff[i % n_assoc][(i // n_assoc) % REFERENTS_PER_ASSOCIATION] for i in range(n_pairs)]
        )
        ages = rng.integers(14, 26, size=n_pairs)
        insert_rows(
            YouthProfile,
            [
                "id",
                "user_id",
                "programme_id",
                "departement_id",
                "postal_code",
                "format",
                "status",
                "charter_accepted_at",
                "privacy_accepted_at",
                "birth_date",
                "situation",
                "expectations",
            ],
            (
                (
                    i + 1,
                    int(user_ids[i]),
                    int(programme_of[i]),
                    departement,
                    "75011",
                    Format.BOTH,
                    ParticipantStatus.READY,
                    now,
                    now,
                    today - timedelta(days=int(ages[i] * 365.25 + 100)),
                    Situation.JOB_SEEKING,
                    "Trouver ma voie.",
                )
                for i in range(n_pairs)
            ),
        )
        # Attestations: most valid for months, some expiring within 30 days, a few expired.
        attestation_age = rng.choice([30, 160, 175, 200], p=[0.9, 0.05, 0.03, 0.02], size=n_pairs)
        insert_rows(
            MentorProfile,
            [
                "id",
                "user_id",
                "programme_id",
                "departement_id",
                "postal_code",
                "format",
                "status",
                "charter_accepted_at",
                "profession",
                "sector",
                "years_of_experience",
                "capacity",
                "open_pairs",
                "referent_id",
                "attestation_date",
                "attestation_recorded_on",
                "attestation_checked_at",
            ],
            (
                (
                    i + 1,
                    int(user_ids[n_pairs + i]),
                    int(programme_of[i]),
                    departement,
                    "75011",
                    Format.BOTH,
                    ParticipantStatus.READY,
                    now,
                    "Ingénieure",
                    Sector.IT,
                    10,
                    1,
                    1,
                    int(referent_of[i]),
                    today - timedelta(days=int(attestation_age[i])),
                    today,
                    now,
                )
                for i in range(n_pairs)
            ),
        )
        started = rng.integers(0, 240, size=n_pairs)
        insert_rows(
            Pair,
            [
                "id",
                "programme_id",
                "youth_id",
                "mentor_id",
                "status",
                "score",
                "proposed_at",
                "answer_deadline",
                "youth_answer",
                "mentor_answer",
                "started_on",
            ],
            (
                (
                    i + 1,
                    int(programme_of[i]),
                    i + 1,
                    i + 1,
                    PairStatus.ACTIVE,
                    70.0,
                    now - timedelta(days=int(started[i]) + 10),
                    now,
                    Answer.ACCEPTED,
                    Answer.ACCEPTED,
                    today - timedelta(days=int(started[i])),
                )
                for i in range(n_pairs)
            ),
        )
        insert_rows(Meeting, *meetings(rng, started, now, today))
        tomorrow = timezone.make_aware(
            datetime.combine(today + timedelta(days=1), datetime.min.time())
        ) + timedelta(hours=18)
        planned = np.flatnonzero(rng.random(n_pairs) < 0.02)
        insert_rows(
            PlannedMeeting,
            ["pair_id", "starts_at", "duration_minutes", "place", "planned_at"],
            ((int(i) + 1, tomorrow, 90, "Médiathèque", now) for i in planned.tolist()),
        )
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(
                no_style(), [User, YouthProfile, MentorProfile, Pair, Meeting, PlannedMeeting]
            ):
                cursor.execute(sql)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def meetings(rng, started, now, today):
    """Meetings every 3 to 9 weeks from each start: some pairs keep up, others fall behind;
    the latest ones awaiting the youth's answer, a few too short, alerting or disputed."""
    fields = [
        "pair_id",
        "held_on",
        "duration_minutes",
        "format",
        "youth_confirmation",
        "youth_answered_at",
        "alert_referent",
        "logged_at",
    ]

    def rows():
        for i, days in enumerate(started.tolist()):
            day = 0
            gap = int(rng.integers(21, 64))
            while True:
                day += gap + int(rng.integers(-5, 6))
                if day >= days:
                    break
                held_on = today - timedelta(days=days - day)
                logged_at = timezone.make_aware(datetime.combine(held_on, datetime.min.time()))
                logged_at += timedelta(hours=20)
                recent = days - day < 10
                draw = rng.random()
                confirmation = "" if recent or draw < 0.3 else YouthConfirmation.CONFIRMED
                if draw > 0.995:
                    confirmation = YouthConfirmation.DISPUTED
                yield (
                    i + 1,
                    held_on,
                    60 if draw < 0.03 else 90,
                    MeetingFormat.IN_PERSON,
                    confirmation,
                    logged_at if confirmation else None,
                    0.03 < draw < 0.035,
                    logged_at,
                )

    return fields, rows()


@contextmanager
def timed_rules(timings: dict):
    """Each rule of compute (a generator) drained and timed where it is called."""
    from mentorat.reminders import compute

    originals = {name: getattr(compute, name) for name in TIMED}

    def timed(name, function):
        def run(*args, **kwargs):
            started, cpu = time.perf_counter(), time.process_time()
            result = function(*args, **kwargs)
            if hasattr(result, "__next__"):
                result = list(result)
            wall = timings.get(name, (0, 0))[0] + time.perf_counter() - started
            python = timings.get(name, (0, 0))[1] + time.process_time() - cpu
            timings[name] = (round(wall, 2), round(python, 2))
            return result

        return run

    for name, function in originals.items():
        setattr(compute, name, timed(name, function))
    try:
        yield timings
    finally:
        for name, function in originals.items():
            setattr(compute, name, function)


def explain(statements) -> None:
    with connection.cursor() as cursor:
        for query in statements:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT") or "incoming_notification" in sql:
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            print(f"\n--- {float(query['time']):.2f} s  {sql[:200]}", file=sys.stderr)
            for (line,) in cursor.fetchall():
                print(line, file=sys.stderr)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args(argv)
    if settings.ENVIRONMENT == "production":
        sys.exit("benchmarks never run with production settings")
    if Pair.objects.exists():
        if not args.reset:
            sys.exit("the database holds pairs: pass --reset to empty it first")
        empty_tables()
    # A weekday at 10:00 in Paris: outside quiet hours, after the digest's hour.
    now = timezone.make_aware(datetime.combine(timezone.localdate(), datetime.min.time()))
    now += timedelta(hours=10)
    started = time.perf_counter()
    fill(args.pairs, now, args.seed)
    fill_s = time.perf_counter() - started
    rules_s = {}
    reverse("programmes:staff_home")  # URLs loaded, as in a worker that has run before
    try:
        with CaptureQueriesContext(connection) as queries, timed_rules(rules_s):
            started = time.perf_counter()
            counts = reminders_send(now)
            compute_s = time.perf_counter() - started
        started = time.perf_counter()
        again = reminders_send(now)
        second_s = time.perf_counter() - started
        if args.explain:
            explain(queries.captured_queries)
    finally:
        if not args.keep:
            empty_tables()
    for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:SHOW_SLOWEST]:
        print(f"{float(query['time']):7.2f} s  {query['sql'][:160]}", file=sys.stderr)
    print(
        json.dumps(
            {
                "pairs": args.pairs,
                "due": sum(counts.values()),
                "compute_s": round(compute_s, 2),
                "queries": len(queries),
                "due_second_run": sum(again.values()),
                "second_s": round(second_s, 2),
                "fill_s": round(fill_s, 1),
                "rules_s": rules_s,
                "per_kind": dict(sorted(counts.items())),
            }
        )
    )


if __name__ == "__main__":
    main()
