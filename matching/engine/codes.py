"""Stable codes the engine speaks in, which the Django layer turns into translated text.

What people say about themselves (needs, slots, languages, formats, genders) is the shared
vocabulary of :mod:`vocabulary.codes`, re-exported here; the codes below are the engine's own
(criteria, proximities, the rules a pair breaks, why a youth is left out). Each is a
:class:`Vocabulary`: its value is a stable code, its position its bit or its stored number.
Append new members at the end only.
"""

from __future__ import annotations

from vocabulary.codes import Format, Gender, Language, Need, Slot, Vocabulary

__all__ = [
    "Criterion",
    "Format",
    "Gender",
    "HardRule",
    "Language",
    "MeetingMode",
    "Need",
    "Proximity",
    "Slot",
    "UnmatchedReason",
    "Vocabulary",
]


class MeetingMode(Vocabulary):
    """A way a pair can actually meet (explanations list the feasible ones)."""

    IN_PERSON = "in_person"
    REMOTE = "remote"


class Criterion(Vocabulary):
    GEOGRAPHY = "geography"
    NEEDS = "needs"
    SECTOR = "sector"
    FORMAT = "format"
    AVAILABILITY = "availability"
    LANGUAGES = "languages"


class Proximity(Vocabulary):
    """How close a pair lives, the parameter of the geography criterion."""

    SAME_DEPARTEMENT = "same_departement"
    NEIGHBOUR_DEPARTEMENT = "neighbour_departement"
    DISTANT = "distant"  # only reachable remotely


class HardRule(Vocabulary):
    """A rule a pair must satisfy to be proposed; explanations name the ones broken."""

    NOT_MATCHABLE = "not_matchable"
    NO_CAPACITY = "no_capacity"
    MINOR_WITHOUT_ATTESTATION = "minor_without_attestation"
    GENDER_PREFERENCE = "gender_preference"
    NO_MEETING_MODE = "no_meeting_mode"  # too far to meet in person, and not both remote
    NO_COMMON_NEED = "no_common_need"


class UnmatchedReason(Vocabulary):
    """Why a youth received no proposal."""

    CONSENT_MISSING = "consent_missing"  # not matchable, e.g. under 15 without parental consent
    NO_MENTOR_IN_DEPARTEMENT = "no_mentor_in_departement"  # nobody reachable helps with the needs
    NO_COMPATIBLE_MENTOR = "no_compatible_mentor"  # such mentors exist, hard rules exclude them all
    CAPACITY_EXHAUSTED = "capacity_exhausted"  # candidates existed, better pairs took them
