"""From the database to the engine's arrays, in a fixed number of queries whatever the size."""

from dataclasses import dataclass
from datetime import date

import numpy as np
from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from programmes.enums import Format, Gender, Sector
from programmes.models import MentorProfile, YouthProfile
from programmes.models.querysets import attestation_valid, is_minor, may_be_matched

from .engine import (
    DEPARTEMENT_CODES,
    NO_SECTOR,
    UNKNOWN_GENDER,
    MatchingResult,
    MenteeArrays,
    MentorArrays,
    PairExplanations,
    Weights,
    run_matching,
)
from .enums import OPEN_PAIR_STATUSES
from .models import MatchingWeights, Pair

DEPARTEMENT_POSITIONS = {code: position for position, code in enumerate(DEPARTEMENT_CODES)}
SECTOR_POSITIONS = {code: position for position, code in enumerate(Sector.values)}
FORMAT_POSITIONS = {code: position for position, code in enumerate(Format.values)}
GENDER_POSITIONS = {code: position for position, code in enumerate(Gender.values)}


def matchable_youths(programmes):
    """Approved youths of these programmes who have no pair or proposal in progress, and whose
    finished pairs (if any) all ended early with a new mentor asked for (those still missing a
    parent's consent included: the batch reports them as such)."""
    return (
        YouthProfile.objects.ready()
        .filter(programme__in=programmes)
        .exclude(pairs__status__in=OPEN_PAIR_STATUSES)
        .exclude(pk__in=Pair.objects.finished_without_rematch().values("youth_id"))
    )


def available_mentors(programmes):
    """Approved mentors of these programmes with at least one place left."""
    return MentorProfile.objects.matchable().with_place_left().filter(programme__in=programmes)


# What youths and mentors share, in the engine's column names, read in one query each.
COMMON_FIELDS = {
    "ids": "pk",
    "departement": "departement_id",
    "needs": "needs",
    "format": "format",
    "availability": "availability",
    "languages": "languages",
    "gender": "gender",
}


def fetch_rows(rows) -> list[tuple]:
    """A values_list queryset's rows in one fetch: the ORM's iterator fetches them 100 at a
    time and copies each, which costs seconds on a national population. Only for columns
    that need no conversion from the database (numbers, text, booleans)."""
    sql, params = rows.query.sql_with_params()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def read_columns(people, sector_field: str, **extra) -> dict[str, tuple]:
    """One query, as columns: the shared ones in engine form, then ``extra`` as read, each a
    field name or an expression computed by the database."""
    computed = {name: value for name, value in extra.items() if not isinstance(value, str)}
    extra_fields = [value if isinstance(value, str) else name for name, value in extra.items()]
    fields = [*COMMON_FIELDS.values(), sector_field, *extra_fields]
    rows = fetch_rows(people.annotate(**computed).values_list(*fields))
    raw = dict(zip(fields, zip(*rows, strict=True) if rows else [()] * len(fields), strict=True))
    columns = {
        "ids": np.array(raw["pk"], dtype=np.int64),
        "departement": positions(raw["departement_id"], DEPARTEMENT_POSITIONS),
        "needs": np.array(raw["needs"], dtype=np.int64),
        "sector": positions(raw[sector_field], SECTOR_POSITIONS, missing=NO_SECTOR),
        "format": positions(raw["format"], FORMAT_POSITIONS),
        "availability": np.array(raw["availability"], dtype=np.int64),
        "languages": np.array(raw["languages"], dtype=np.int64),
        "gender": positions(raw["gender"], GENDER_POSITIONS, missing=UNKNOWN_GENDER),
    }
    return columns | {name: raw[field] for name, field in zip(extra, extra_fields, strict=True)}


def is_true(condition: Q) -> ExpressionWrapper:
    """A condition as a column the database computes (NULL, from a missing row, is False)."""
    return ExpressionWrapper(Coalesce(condition, False), output_field=BooleanField())


def load_mentees(youths, today: date | None = None) -> MenteeArrays:
    return MenteeArrays(**mentee_columns(youths, today))


def mentee_columns(youths, today: date | None = None, **extra) -> dict:
    """The engine's columns of these youths, then ``extra`` as read (one query)."""
    today = today or timezone.localdate()
    columns = read_columns(
        youths,
        "sector_of_interest",
        same_gender_only="prefers_same_gender",
        # The rules are the QuerySet's (programmes.models.querysets), computed by the database.
        is_minor=is_true(is_minor(today)),
        matchable=is_true(may_be_matched(today)),
        **extra,
    )
    for name in ("same_gender_only", "is_minor", "matchable"):
        columns[name] = np.array(columns[name], dtype=bool)
    return columns


def load_mentors(mentors, today: date | None = None) -> MentorArrays:
    return MentorArrays(**mentor_columns(mentors, today))


def mentor_columns(mentors, today: date | None = None, **extra) -> dict:
    """The engine's columns of these mentors, then ``extra`` as read (one query)."""
    today = today or timezone.localdate()
    columns = read_columns(
        mentors,
        "sector",
        capacity="capacity",
        open_pairs="open_pairs",
        has_attestation=is_true(attestation_valid(today)),
        **extra,
    )
    open_pairs = np.array(columns.pop("open_pairs"), dtype=np.int64)
    columns["capacity"] = np.array(columns["capacity"], dtype=np.int64) - open_pairs
    columns["has_attestation"] = np.array(columns["has_attestation"], dtype=bool)
    return columns


def positions(codes, table: dict[str, int], missing: int | None = None) -> np.ndarray:
    """Codes to their positions in a vocabulary; unknown or empty codes to `missing`."""
    return np.array([table.get(code, missing) for code in codes], dtype=np.int64)


def excluded_pairs(programmes) -> np.ndarray:
    """Every youth and mentor already paired or proposed together, whatever came of it."""
    pairs = Pair.objects.filter(programme__in=programmes).values_list("youth_id", "mentor_id")
    return np.array(list(pairs), dtype=np.int64).reshape(-1, 2)


def engine_weights(programmes) -> dict[int, Weights]:
    """Each programme's weights by id; those that never set any get the default ones, saved
    as weights_of does (one query to read, one more to create the missing)."""
    stored = {
        each.programme_id: each for each in MatchingWeights.objects.filter(programme__in=programmes)
    }
    missing = [MatchingWeights(programme=each) for each in programmes if each.pk not in stored]
    MatchingWeights.objects.bulk_create(missing)
    stored |= {each.programme_id: each for each in missing}
    return {programme_id: each.as_engine_weights() for programme_id, each in stored.items()}


@dataclass(frozen=True, eq=False)
class BatchPopulation:
    """Everyone a batch of several programmes considers, read in a fixed number of queries
    whatever their number, then cut into each programme's part in memory."""

    mentees: MenteeArrays
    mentors: MentorArrays
    mentee_programmes: np.ndarray  # programme id of each youth
    mentor_programmes: np.ndarray
    excluded: np.ndarray  # (youth id, mentor id) rows
    excluded_programmes: np.ndarray
    weights: dict[int, Weights]

    @classmethod
    def load(cls, programmes, today: date | None = None) -> "BatchPopulation":
        programmes = list(programmes)
        today = today or timezone.localdate()
        youths = mentee_columns(matchable_youths(programmes), today, programme="programme_id")
        mentors = mentor_columns(available_mentors(programmes), today, programme="programme_id")
        pairs = Pair.objects.filter(programme__in=programmes).values_list(
            "programme_id", "youth_id", "mentor_id"
        )
        pairs = np.array(list(pairs), dtype=np.int64).reshape(-1, 3)
        return cls(
            mentee_programmes=np.array(youths.pop("programme"), dtype=np.int64),
            mentees=MenteeArrays(**youths),
            mentor_programmes=np.array(mentors.pop("programme"), dtype=np.int64),
            mentors=MentorArrays(**mentors),
            excluded=pairs[:, 1:],
            excluded_programmes=pairs[:, 0],
            weights=engine_weights(programmes),
        )

    def match(self, programme) -> MatchingResult:
        """The engine's answer for one of the programmes."""
        return run_matching(
            self.mentees.take(self.mentee_programmes == programme.pk),
            self.mentors.take(self.mentor_programmes == programme.pk),
            weights=self.weights[programme.pk],
            excluded_pairs=self.excluded[self.excluded_programmes == programme.pk],
        )

    def explanations(self, programme, result: MatchingResult) -> list[list[dict]]:
        """Each proposal's explanation as the pair stores it, in ``result``'s order, computed
        for all of them at once."""
        mentees = self.mentees.take(self.mentee_programmes == programme.pk)
        mentors = self.mentors.take(self.mentor_programmes == programme.pk)
        return PairExplanations(
            mentees,
            rows_of(mentees.ids, result.mentee_ids),
            mentors,
            rows_of(mentors.ids, result.mentor_ids),
            self.weights[programme.pk],
        ).stored()


def rows_of(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The positions in ``ids`` of the ``wanted`` ids (all present)."""
    order = np.argsort(ids, kind="stable")
    return order[np.searchsorted(ids, wanted, sorter=order)]
