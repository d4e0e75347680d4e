"""From the database to the engine's arrays, in a fixed number of queries whatever the size."""

from datetime import date

import numpy as np
from django.db.models import F
from django.utils import timezone

from programmes import rules
from programmes.enums import Format, Gender, Sector
from programmes.models import MentorProfile, YouthProfile
from programmes.models.participants import ATTESTATION_VALIDITY_MONTHS, add_months

from .engine import DEPARTEMENT_CODES, NO_SECTOR, UNKNOWN_GENDER, MenteeArrays, MentorArrays
from .enums import OPEN_PAIR_STATUSES
from .models import Pair

DEPARTEMENT_POSITIONS = {code: position for position, code in enumerate(DEPARTEMENT_CODES)}
SECTOR_POSITIONS = {code: position for position, code in enumerate(Sector.values)}
FORMAT_POSITIONS = {code: position for position, code in enumerate(Format.values)}
GENDER_POSITIONS = {code: position for position, code in enumerate(Gender.values)}


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def matchable_youths(programmes):
    """Approved youths of these programmes who have no pair or proposal in progress."""
    return (
        YouthProfile.objects.ready()
        .filter(programme__in=programmes)
        .exclude(pairs__status__in=OPEN_PAIR_STATUSES)
    )


def available_mentors(programmes):
    """Approved mentors of these programmes with at least one place left."""
    return (
        MentorProfile.objects.ready()
        .filter(programme__in=programmes)
        .filter(open_pairs__lt=F("capacity"))
    )


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


def read_columns(people, sector_field: str, *extra_fields: str) -> dict[str, tuple]:
    """One values_list query, as columns: the shared ones in engine form, the extra raw."""
    fields = [*COMMON_FIELDS.values(), sector_field, *extra_fields]
    rows = list(people.values_list(*fields))
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
    return columns | {field: raw[field] for field in extra_fields}


def load_mentees(youths, today: date | None = None) -> MenteeArrays:
    today = today or timezone.localdate()
    adult_born_before = years_before(today, 18)
    consent_needed_born_after = years_before(today, rules.JOINT_CONSENT_AGE)
    columns = read_columns(
        youths,
        "sector_of_interest",
        "prefers_same_gender",
        "birth_date",
        "parental_consent_given_at",
    )
    same_gender = columns.pop("prefers_same_gender")
    birth_dates = columns.pop("birth_date")
    consents_given_at = columns.pop("parental_consent_given_at")
    return MenteeArrays(
        **columns,
        same_gender_only=np.array(same_gender, dtype=bool),
        is_minor=np.array([born > adult_born_before for born in birth_dates], dtype=bool),
        matchable=np.array(
            [
                born <= consent_needed_born_after or given_at is not None
                for born, given_at in zip(birth_dates, consents_given_at, strict=True)
            ],
            dtype=bool,
        ),
    )


def load_mentors(mentors, today: date | None = None) -> MentorArrays:
    today = today or timezone.localdate()
    columns = read_columns(
        mentors, "sector", "capacity", "open_pairs", "attestation_date", "attestation_checked_at"
    )
    capacities = np.array(columns.pop("capacity"), dtype=np.int64)
    open_pairs = np.array(columns.pop("open_pairs"), dtype=np.int64)
    attestation_dates = columns.pop("attestation_date")
    checked_at = columns.pop("attestation_checked_at")
    return MentorArrays(
        **columns,
        capacity=capacities - open_pairs,
        has_attestation=np.array(
            # As MentorProfile.has_valid_attestation: seen by staff, less than 6 months old.
            [
                seen is not None
                and dated is not None
                and today <= add_months(dated, ATTESTATION_VALIDITY_MONTHS)
                for dated, seen in zip(attestation_dates, checked_at, strict=True)
            ],
            dtype=bool,
        ),
    )


def positions(codes, table: dict[str, int], missing: int | None = None) -> np.ndarray:
    """Codes to their positions in a vocabulary; unknown or empty codes to `missing`."""
    return np.array([table.get(code, missing) for code in codes], dtype=np.int64)


def excluded_pairs(programmes) -> np.ndarray:
    """Every youth and mentor already paired or proposed together, whatever came of it."""
    pairs = Pair.objects.filter(programme__in=programmes).values_list("youth_id", "mentor_id")
    return np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
