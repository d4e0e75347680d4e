"""From the database to the engine's arrays, in a fixed number of queries whatever the size."""

from datetime import date

import numpy as np
from django.db.models import F
from django.utils import timezone

from programmes import rules
from programmes.enums import ConsentDecision, Format, Gender, Sector
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


def load_mentees(youths, today: date | None = None) -> MenteeArrays:
    today = today or timezone.localdate()
    adult_born_before = years_before(today, 18)
    consent_needed_born_after = years_before(today, rules.JOINT_CONSENT_AGE)
    rows = list(
        youths.values_list(
            "pk",
            "departement_id",
            "needs",
            "sector_of_interest",
            "format",
            "availability",
            "languages",
            "gender",
            "prefers_same_gender",
            "birth_date",
            "parental_consent__decision",
        )
    )
    columns = list(zip(*rows, strict=True)) if rows else [()] * 11
    (
        ids,
        departements,
        needs,
        sectors,
        formats,
        availability,
        languages,
        genders,
        same_gender,
        birth_dates,
        consents,
    ) = columns
    needs_consent = [born > consent_needed_born_after for born in birth_dates]
    return MenteeArrays(
        ids=np.array(ids, dtype=np.int64),
        departement=positions(departements, DEPARTEMENT_POSITIONS),
        needs=np.array(needs, dtype=np.int64),
        sector=positions(sectors, SECTOR_POSITIONS, missing=NO_SECTOR),
        format=positions(formats, FORMAT_POSITIONS),
        availability=np.array(availability, dtype=np.int64),
        languages=np.array(languages, dtype=np.int64),
        gender=positions(genders, GENDER_POSITIONS, missing=UNKNOWN_GENDER),
        same_gender_only=np.array(same_gender, dtype=bool),
        is_minor=np.array([born > adult_born_before for born in birth_dates], dtype=bool),
        matchable=np.array(
            [
                not needed or consent == ConsentDecision.GIVEN
                for needed, consent in zip(needs_consent, consents, strict=True)
            ],
            dtype=bool,
        ),
    )


def load_mentors(mentors, today: date | None = None) -> MentorArrays:
    today = today or timezone.localdate()
    rows = list(
        mentors.values_list(
            "pk",
            "departement_id",
            "needs",
            "sector",
            "format",
            "availability",
            "languages",
            "gender",
            "capacity",
            "open_pairs",
            "attestation_date",
            "attestation_checked_at",
        )
    )
    columns = list(zip(*rows, strict=True)) if rows else [()] * 12
    (
        ids,
        departements,
        needs,
        sectors,
        formats,
        availability,
        languages,
        genders,
        capacities,
        open_pairs,
        attestation_dates,
        checked_at,
    ) = columns
    return MentorArrays(
        ids=np.array(ids, dtype=np.int64),
        departement=positions(departements, DEPARTEMENT_POSITIONS),
        needs=np.array(needs, dtype=np.int64),
        sector=positions(sectors, SECTOR_POSITIONS, missing=NO_SECTOR),
        format=positions(formats, FORMAT_POSITIONS),
        availability=np.array(availability, dtype=np.int64),
        languages=np.array(languages, dtype=np.int64),
        gender=positions(genders, GENDER_POSITIONS, missing=UNKNOWN_GENDER),
        capacity=np.array(capacities, dtype=np.int64) - np.array(open_pairs, dtype=np.int64),
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
