"""The synthetic national population written into the database in bulk (COPY on PostgreSQL):
labelled associations and their programmes, youths and mentors ready for matching, people still
awaiting review, parental consents and earlier pairs, from the synthetic people of
:mod:`benchmarks.matching`. Benchmarks that need a database full of people start from
:func:`fill` and end with :func:`empty_tables`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

import django
import numpy as np
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentorat.settings.local")
    django.setup()

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from benchmarks.matching import SyntheticPopulation, synthetic_people
from matching.bulk import insert_rows
from matching.engine.departements import DEPARTEMENT_CODES, NEAR, POPULATION
from matching.enums import Answer, PairStatus
from matching.models import Pair
from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from programmes.enums import (
    ConsentDecision,
    Format,
    Gender,
    LabelStatus,
    ParticipantStatus,
    Sector,
    Situation,
)
from programmes.models import (
    Association,
    Departement,
    MentorProfile,
    ParentalConsent,
    Programme,
    YouthProfile,
)

# Programmes of labelled associations, one each: national ones open to every département,
# local ones around a département and its neighbours; fewer for a small population.
NATIONAL_ASSOCIATIONS, YOUTHS_PER_NATIONAL = 6, 20_000
LOCAL_ASSOCIATIONS, YOUTHS_PER_LOCAL = 40, 5_000
LOCAL_WEIGHT = 3.0  # a local programme draws this many times a national one's people
PENDING_SHARE = 0.03  # people still awaiting review, beside those the batch considers
PEOPLE_APPS = ("accounts", "programmes", "matching")


def empty_tables() -> None:
    """Empty the tables of people, programmes and matching (the départements stay)."""
    tables = [
        model._meta.db_table
        for label in PEOPLE_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model is not Departement
    ]
    flush = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        # Inside a transaction (a test), checks deferred to its end would forbid TRUNCATE.
        flush = ["SET CONSTRAINTS ALL IMMEDIATE", *flush, "SET CONSTRAINTS ALL DEFERRED"]
    connection.ops.execute_sql_flush(flush)


def make_programmes(
    rng: np.random.Generator, n_mentees: int
) -> tuple[list[int], list[np.ndarray], int]:
    """Labelled associations and their programmes: ids, the départements each serves, and
    how many of them (the first ones) are national."""
    programme_ids, served = [], []
    national = min(NATIONAL_ASSOCIATIONS, max(1, n_mentees // YOUTHS_PER_NATIONAL))
    local = min(LOCAL_ASSOCIATIONS, max(1, n_mentees // YOUTHS_PER_LOCAL))
    seats = rng.choice(len(POPULATION), size=local, replace=False, p=POPULATION / POPULATION.sum())
    everywhere = np.arange(len(DEPARTEMENT_CODES))
    plan = [(f"Mentorat national {n + 1}", everywhere) for n in range(national)]
    plan += [(f"Mentorat {DEPARTEMENT_CODES[seat]}", np.flatnonzero(NEAR[seat])) for seat in seats]
    for number, (name, departements) in enumerate(plan):
        association = Association.objects.create(
            name=name, slug=f"bench-{number}", label_status=LabelStatus.LABELLED
        )
        programme = Programme.objects.create(
            association=association, name=name, slug=f"bench-{number}", capacity=1_000_000
        )
        programme.departements.set([DEPARTEMENT_CODES[d] for d in departements])
        programme_ids.append(programme.pk)
        served.append(departements)
    return programme_ids, served, national


def place_in_programmes(
    rng: np.random.Generator, departement: np.ndarray, programme_ids, served, national: int
) -> np.ndarray:
    """A programme serving each person's département (local ones weigh more)."""
    choices: list[list[tuple[int, float]]] = [[] for _ in DEPARTEMENT_CODES]
    for number, (programme_id, departements) in enumerate(zip(programme_ids, served, strict=True)):
        weight = 1.0 if number < national else LOCAL_WEIGHT
        for d in departements:
            choices[d].append((programme_id, weight))
    placed = np.empty(len(departement), dtype=np.int64)
    for d, options in enumerate(choices):
        people = np.flatnonzero(departement == d)
        ids, weights = zip(*options, strict=True)
        weights = np.array(weights) / sum(weights)
        placed[people] = rng.choice(ids, size=len(people), p=weights)
    return placed


def birth_dates(rng: np.random.Generator, ages: np.ndarray, today: date) -> list[date]:
    """A birth date for each age (in whole years) on ``today``."""
    days = (ages * 365.25 + rng.integers(1, 360, size=len(ages))).astype(int)
    return [today - timedelta(days=int(n)) for n in days]


def postal_codes(departement: np.ndarray) -> list[str]:
    return [
        "20000" if code.startswith("2") and not code.isdigit() else (code + "000")[:5]
        for code in np.array(DEPARTEMENT_CODES)[departement].tolist()
    ]


def vocabulary(values: Sequence[str], positions: np.ndarray, missing: str = "") -> list[str]:
    codes = np.array([*values, missing])
    return codes[np.where(positions < 0, len(values), positions)].tolist()


def insert_users(first_id: int, count: int, role: str, now: datetime) -> np.ndarray:
    ids = np.arange(first_id, first_id + count)
    insert_rows(
        User,
        ["id", "password", "first_name", "last_name", "email", "role", "date_joined"],
        (
            (pk, "!", "Prénom", f"Nom {pk}", f"{role}-{pk}@bench.invalid", role, now)
            for pk in ids.tolist()
        ),
    )
    return ids


def insert_youths(
    rng, people: SyntheticPopulation, programme_of, mentor_programme, today: date, now: datetime
) -> dict[str, Any]:
    """The youths the batch considers, then others it must leave out: those already in a
    pair (with the running mentors) and those still awaiting review."""
    mentees = people.mentees
    n = len(mentees)
    running = np.flatnonzero(people.mentor_running)
    pending = rng.choice(n, size=int(n * PENDING_SHARE))
    # The others look like youths of the batch (a random one's criteria), with their own ids.
    lookalike = np.concatenate([rng.choice(n, size=len(running)), pending])
    rows = np.concatenate([np.arange(n), lookalike])
    ids = np.concatenate([mentees.ids, mentees.ids.max() + 1 + np.arange(len(lookalike))])
    departement = mentees.departement[rows]
    departement[n : n + len(running)] = people.mentors.departement[running]
    programme = programme_of[rows]
    programme[n : n + len(running)] = mentor_programme[running]
    status = np.full(len(rows), ParticipantStatus.READY.value, dtype=object)
    status[n + len(running) :] = ParticipantStatus.PENDING_REVIEW.value
    minor, matchable = mentees.is_minor[rows], mentees.matchable[rows]
    # Minors 13-17 (those not matchable are under 15, their parent has not answered), adults
    # 18-25; under 15 a parent consented.
    ages = np.where(minor, rng.integers(13, 18, size=len(rows)), rng.integers(18, 26, len(rows)))
    ages = np.where(matchable, ages, rng.integers(13, 15, size=len(rows)))
    user_ids = insert_users(next_id(User), len(rows), Role.YOUTH.value, now)
    adult_situation = rng.choice(
        [Situation.HIGHER_EDUCATION, Situation.JOB_SEEKING, Situation.EMPLOYED, Situation.NEET],
        size=len(rows),
        p=[0.45, 0.30, 0.10, 0.15],
    )
    situation = np.where(
        ages < 15,
        Situation.MIDDLE_SCHOOL.value,
        np.where(ages < 18, Situation.HIGH_SCHOOL.value, adult_situation.astype(str)),
    )
    columns = {
        "id": ids.tolist(),
        "user_id": user_ids.tolist(),
        "programme_id": programme.tolist(),
        "departement_id": np.array(DEPARTEMENT_CODES)[departement].tolist(),
        "postal_code": postal_codes(departement),
        "gender": vocabulary(Gender.values, mentees.gender[rows], Gender.OTHER),
        "format": vocabulary(Format.values, mentees.format[rows]),
        "availability": mentees.availability[rows].tolist(),
        "languages": mentees.languages[rows].tolist(),
        "needs": mentees.needs[rows].tolist(),
        "status": status.tolist(),
        "reviewed_at": [None if s != "ready" else now for s in status.tolist()],
        "charter_accepted_at": [now] * len(rows),
        "privacy_accepted_at": [now] * len(rows),
        "birth_date": birth_dates(rng, ages, today),
        "situation": situation.tolist(),
        "sector_of_interest": vocabulary(Sector.values, mentees.sector[rows]),
        "lives_in_qpv": (rng.random(len(rows)) < 0.55).tolist(),
        "followed_by_mission_locale": (rng.random(len(rows)) < 0.2).tolist(),
        "prefers_same_gender": mentees.same_gender_only[rows].tolist(),
        "parental_consent_given_at": [
            now - timedelta(days=5) if age < 15 and ok else None
            for age, ok in zip(ages.tolist(), matchable.tolist(), strict=True)
        ],
        "expectations": ["M’aider à trouver ma voie."] * len(rows),
    }
    insert_rows(YouthProfile, list(columns), zip(*columns.values(), strict=True))
    under_15 = np.flatnonzero(ages < 15)
    given = matchable[under_15]
    insert_rows(
        ParentalConsent,
        [
            "youth_id",
            "guardian_name",
            "guardian_email",
            "token",
            "requested_at",
            "expires_at",
            "decision",
            "decided_at",
        ],
        (
            (
                youth,
                "Parent",
                f"parent-{youth}@bench.invalid",
                f"bench-{youth}",
                now - timedelta(days=10),
                now + timedelta(days=20),
                ConsentDecision.GIVEN if ok else ConsentDecision.PENDING,
                now - timedelta(days=5) if ok else None,
            )
            for youth, ok in zip(ids[under_15].tolist(), given.tolist(), strict=True)
        ),
    )
    return {"running_youths": ids[n : n + len(running)], "pending": len(pending)}


def insert_mentors(
    rng, people: SyntheticPopulation, mentor_programme, today: date, now: datetime
) -> int:
    mentors = people.mentors
    n = len(mentors)
    pending = rng.choice(n, size=int(n * PENDING_SHARE))
    rows = np.concatenate([np.arange(n), pending])
    ids = np.concatenate([mentors.ids, mentors.ids.max() + 1 + np.arange(len(pending))])
    status = [ParticipantStatus.READY.value] * n + [ParticipantStatus.PENDING_REVIEW.value] * len(
        pending
    )
    user_ids = insert_users(next_id(User), len(rows), Role.MENTOR.value, now)
    # A valid attestation is at most 170 days old; of the others, half have none, half an
    # attestation over 6 months old.
    valid = mentors.has_attestation[rows]
    age_days = np.where(
        valid, rng.integers(0, 170, size=len(rows)), rng.integers(200, 500, size=len(rows))
    )
    none = ~valid & (rng.random(len(rows)) < 0.5)
    attestation = [
        None if missing else today - timedelta(days=days)
        for days, missing in zip(age_days.tolist(), none.tolist(), strict=True)
    ]
    running = np.concatenate([people.mentor_running, np.zeros(len(pending), dtype=int)])
    columns = {
        "id": ids.tolist(),
        "user_id": user_ids.tolist(),
        "programme_id": mentor_programme[rows].tolist(),
        "departement_id": np.array(DEPARTEMENT_CODES)[mentors.departement[rows]].tolist(),
        "postal_code": postal_codes(mentors.departement[rows]),
        "gender": vocabulary(Gender.values, mentors.gender[rows], Gender.OTHER),
        "format": vocabulary(Format.values, mentors.format[rows]),
        "availability": mentors.availability[rows].tolist(),
        "languages": mentors.languages[rows].tolist(),
        "needs": mentors.needs[rows].tolist(),
        "status": status,
        "reviewed_at": [now] * n + [None] * len(pending),
        "charter_accepted_at": [now] * len(rows),
        "profession": ["Ingénieure"] * len(rows),
        "sector": vocabulary(Sector.values, mentors.sector[rows]),
        "years_of_experience": rng.integers(2, 30, size=len(rows)).tolist(),
        "capacity": people.mentor_capacity[rows].tolist(),
        "open_pairs": running.tolist(),
        "attestation_date": attestation,
        "attestation_recorded_on": [None if a is None else today for a in attestation],
        "attestation_checked_at": [None if a is None else now for a in attestation],
    }
    insert_rows(MentorProfile, list(columns), zip(*columns.values(), strict=True))
    return len(pending)


def insert_pairs(
    people: SyntheticPopulation, running_youths, programme_of, mentor_programme, now, today
) -> int:
    """The running pairs (their youths are not in the batch) and the declined proposals
    (never to be proposed again)."""
    running = np.flatnonzero(people.mentor_running)
    started = today - timedelta(days=60)
    active = (
        (
            programme,
            youth,
            mentor,
            PairStatus.ACTIVE,
            70.0,
            now - timedelta(days=70),
            now - timedelta(days=63),
            Answer.ACCEPTED,
            Answer.ACCEPTED,
            started,
        )
        for programme, youth, mentor in zip(
            mentor_programme[running].tolist(),
            running_youths.tolist(),
            people.mentors.ids[running].tolist(),
            strict=True,
        )
    )
    youth_row = {pk: row for row, pk in enumerate(people.mentees.ids.tolist())}
    declined = (
        (
            int(programme_of[youth_row[youth]]),
            youth,
            mentor,
            PairStatus.DECLINED,
            65.0,
            now - timedelta(days=40),
            now - timedelta(days=33),
            Answer.DECLINED,
            "",
            None,
        )
        for youth, mentor in people.excluded.tolist()
    )
    fields = [
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
    ]
    insert_rows(Pair, fields, active)
    insert_rows(Pair, fields, declined)
    return len(running) + len(people.excluded)


def next_id(model) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def fill(n_mentees: int, n_mentors: int, seed: int) -> dict[str, Any]:
    """Write the synthetic national population; returns what the batch will find."""
    rng = np.random.default_rng(seed + 1)
    people = synthetic_people(n_mentees, n_mentors, seed)
    today, now = timezone.localdate(), timezone.now()
    with transaction.atomic():
        ministry = User.objects.create_user(
            email="ministere@bench.invalid", password=None, role=Role.MINISTRY
        )
        programme_ids, served, national = make_programmes(rng, n_mentees)
        programme_of, mentor_programme = (
            place_in_programmes(rng, side.departement, programme_ids, served, national)
            for side in (people.mentees, people.mentors)
        )
        youths = insert_youths(rng, people, programme_of, mentor_programme, today, now)
        pending_mentors = insert_mentors(rng, people, mentor_programme, today, now)
        pairs = insert_pairs(
            people, youths["running_youths"], programme_of, mentor_programme, now, today
        )
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(
                no_style(), [User, YouthProfile, MentorProfile, ParentalConsent, Pair]
            ):
                cursor.execute(sql)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "ministry": ministry,
        "programmes": len(programme_ids),
        "places": int(people.mentors.capacity.sum()),
        "others": youths["pending"] + len(youths["running_youths"]) + pending_mentors,
        "pairs_before": pairs,
    }
