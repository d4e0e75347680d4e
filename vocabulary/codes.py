"""Stable codes of what people say about themselves, and their bits in stored bitmasks.

Each vocabulary is a ``StrEnum``: its value is the code stored in the database and sent in
explanations, and its position fixes its bit in bitmasks (needs, slots, languages are stored
as integers). Append new members at the end only, so stored bitmasks keep their meaning.
The apps add translated labels (``programmes.enums``); the engine uses the bits.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from enum import StrEnum
from typing import Self


class Vocabulary(StrEnum):
    """A closed list of codes whose members map to bit positions."""

    @property
    def position(self) -> int:
        return _positions(type(self))[self]

    @property
    def bit(self) -> int:
        return 1 << self.position

    @classmethod
    def mask_of(cls, codes: Iterable[str]) -> int:
        """The bitmask of some codes (members or their string values)."""
        mask = 0
        for code in codes:
            mask |= cls(code).bit
        return mask

    @classmethod
    def members_of(cls, mask: int) -> tuple[Self, ...]:
        """The members whose bit is set in ``mask``, in vocabulary order."""
        return tuple(member for member in cls if mask & member.bit)

    @classmethod
    def full_mask(cls) -> int:
        """Every member's bit."""
        return (1 << len(cls)) - 1


@functools.cache
def _positions(vocabulary: type[Vocabulary]) -> dict[Vocabulary, int]:
    return {member: position for position, member in enumerate(vocabulary)}


class Need(Vocabulary):
    """What a youth asks for help with, and what a mentor can help with.

    The order is also the priority used to name a youth's *main* need in explanations.
    """

    ORIENTATION = "orientation"
    SELF_CONFIDENCE = "self_confidence"
    INTERNSHIP = "internship"  # trouver un stage
    APPRENTICESHIP = "apprenticeship"  # alternance
    EMPLOYMENT = "employment"
    DISCOVER_WORK = "discover_work"  # découvrir le monde professionnel
    BACK_TO_SCHOOL = "back_to_school"  # raccrochage scolaire


class Slot(Vocabulary):
    """A weekly availability slot: a day and a part of the day (21 bits)."""

    MON_MORNING = "mon_morning"
    MON_AFTERNOON = "mon_afternoon"
    MON_EVENING = "mon_evening"
    TUE_MORNING = "tue_morning"
    TUE_AFTERNOON = "tue_afternoon"
    TUE_EVENING = "tue_evening"
    WED_MORNING = "wed_morning"
    WED_AFTERNOON = "wed_afternoon"
    WED_EVENING = "wed_evening"
    THU_MORNING = "thu_morning"
    THU_AFTERNOON = "thu_afternoon"
    THU_EVENING = "thu_evening"
    FRI_MORNING = "fri_morning"
    FRI_AFTERNOON = "fri_afternoon"
    FRI_EVENING = "fri_evening"
    SAT_MORNING = "sat_morning"
    SAT_AFTERNOON = "sat_afternoon"
    SAT_EVENING = "sat_evening"
    SUN_MORNING = "sun_morning"
    SUN_AFTERNOON = "sun_afternoon"
    SUN_EVENING = "sun_evening"


class Language(Vocabulary):
    FRENCH = "fr"
    ENGLISH = "en"
    ARABIC = "ar"
    SPANISH = "es"
    PORTUGUESE = "pt"
    GERMAN = "de"
    ITALIAN = "it"
    TURKISH = "tr"
    ROMANIAN = "ro"
    CHINESE = "zh"
    CREOLE = "crp"
    FRENCH_SIGN_LANGUAGE = "fsl"


class Format(Vocabulary):
    """How a person accepts to meet. Stored in the engine's arrays as its position."""

    IN_PERSON = "in_person"
    REMOTE = "remote"
    BOTH = "both"

    @property
    def accepts_in_person(self) -> bool:
        return self is not Format.REMOTE

    @property
    def accepts_remote(self) -> bool:
        return self is not Format.IN_PERSON


class Gender(Vocabulary):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
