"""Small builders for engine tests: one youth or mentor with sensible defaults."""

from __future__ import annotations

from typing import Any

from matching.engine import Mentee, MenteeArrays, Mentor, MentorArrays


def mentee(id: int, departement: str = "75", **fields: Any) -> Mentee:
    fields.setdefault("needs", ("orientation",))
    fields.setdefault("availability", ("wed_afternoon", "sat_morning"))
    fields.setdefault("gender", "female")
    return Mentee(id=id, departement=departement, **fields)


def mentor(id: int, departement: str = "75", **fields: Any) -> Mentor:
    fields.setdefault("needs", ("orientation", "internship", "apprenticeship"))
    fields.setdefault("availability", ("wed_afternoon", "sat_morning", "mon_evening"))
    fields.setdefault("gender", "female")
    fields.setdefault("remaining_capacity", 1)
    fields.setdefault("has_valid_attestation", True)
    return Mentor(id=id, departement=departement, **fields)


def mentees(*records: Mentee) -> MenteeArrays:
    return MenteeArrays.from_records(records)


def mentors(*records: Mentor) -> MentorArrays:
    return MentorArrays.from_records(records)
