"""The two populations as column arrays, and plain records to build them from.

The Django layer builds :class:`MenteeArrays` and :class:`MentorArrays` once per batch from
database rows (``values_list`` straight into arrays); :class:`Mentee` and :class:`Mentor`
records are the convenient form for one person, for explanations and for tests.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self, TypeVar

import numpy as np

from .codes import Format, Gender, Language, Need, Slot
from .departements import DEPARTEMENT_CODES, DEPARTEMENTS, departement_index
from .weights import MatchingError

NO_SECTOR = -1
UNKNOWN_GENDER = -1
MAX_CAPACITY = 3


class InvalidPopulationError(MatchingError):
    code = "invalid_population"


@dataclass(frozen=True)
class Mentee:
    """One youth, as codes (see :mod:`.codes`)."""

    id: int
    departement: str
    needs: Collection[str] = ()
    sector: int | None = None
    format: str = Format.BOTH
    availability: Collection[str] = ()
    languages: Collection[str] = (Language.FRENCH,)
    gender: str | None = None
    same_gender_only: bool = False
    is_minor: bool = False
    matchable: bool = True


@dataclass(frozen=True)
class Mentor:
    """One mentor, as codes; ``remaining_capacity`` is capacity minus running pairs."""

    id: int
    departement: str
    needs: Collection[str] = ()
    sector: int | None = None
    format: str = Format.BOTH
    availability: Collection[str] = ()
    languages: Collection[str] = (Language.FRENCH,)
    gender: str | None = None
    remaining_capacity: int = 1
    has_valid_attestation: bool = False


_Record = TypeVar("_Record", Mentee, Mentor)

# Value bounds of integer columns, checked before narrowing so nothing wraps around silently.
_BOUNDS: dict[str, tuple[int, int]] = {
    "departement": (0, len(DEPARTEMENTS) - 1),
    "needs": (0, (1 << len(Need)) - 1),
    "sector": (NO_SECTOR, np.iinfo(np.int16).max),
    "format": (0, len(Format) - 1),
    "availability": (0, (1 << len(Slot)) - 1),
    "languages": (0, (1 << len(Language)) - 1),
    "gender": (UNKNOWN_GENDER, len(Gender) - 1),
    "capacity": (0, MAX_CAPACITY),
}


class _Columns:
    """Shared behaviour: typed, validated, equally long, read-only 1-D columns."""

    dtypes: ClassVar[dict[str, type]]

    def __post_init__(self) -> None:
        length = None
        for name, dtype in self.dtypes.items():
            column = np.asarray(getattr(self, name))
            if column.ndim != 1:
                raise InvalidPopulationError(f"{name} must be one-dimensional")
            if length is not None and len(column) != length:
                raise InvalidPopulationError(f"{name} has {len(column)} rows, expected {length}")
            length = len(column)
            if name in _BOUNDS and len(column):
                low, high = _BOUNDS[name]
                if column.min() < low or column.max() > high:
                    raise InvalidPopulationError(f"{name} values must lie in [{low}, {high}]")
            column = np.ascontiguousarray(column, dtype=dtype).view()  # the caller's stays as is
            column.flags.writeable = False
            object.__setattr__(self, name, column)
        if len(np.unique(self.ids)) != len(self.ids):
            raise InvalidPopulationError("ids must be unique")

    def __len__(self) -> int:
        return len(self.ids)

    def take(self, index: np.ndarray) -> Self:
        """The rows at ``index`` (positions or a boolean mask), in that order."""
        return type(self)(**{name: getattr(self, name)[index] for name in self.dtypes})

    def sorted_by_id(self) -> Self:
        order = np.argsort(self.ids, kind="stable")
        return self if np.array_equal(order, np.arange(len(self))) else self.take(order)


@dataclass(frozen=True, eq=False)
class MenteeArrays(_Columns):
    ids: np.ndarray
    departement: np.ndarray  # position in DEPARTEMENTS
    needs: np.ndarray  # Need bits
    sector: np.ndarray  # programme sector code, NO_SECTOR for no preference
    format: np.ndarray  # Format position
    availability: np.ndarray  # Slot bits
    languages: np.ndarray  # Language bits
    gender: np.ndarray  # Gender position, UNKNOWN_GENDER
    same_gender_only: np.ndarray  # hard filter on the mentor's gender
    is_minor: np.ndarray  # under 18: the mentor needs a valid honorability attestation
    matchable: np.ndarray  # False e.g. under 15 without parental consent

    dtypes: ClassVar[dict[str, type]] = {
        "ids": np.int64,
        "departement": np.int16,
        "needs": np.uint8,
        "sector": np.int16,
        "format": np.int8,
        "availability": np.uint32,
        "languages": np.uint16,
        "gender": np.int8,
        "same_gender_only": np.bool_,
        "is_minor": np.bool_,
        "matchable": np.bool_,
    }

    @classmethod
    def from_records(cls, records: Iterable[Mentee | Mapping[str, Any]]) -> MenteeArrays:
        rows = [_as_record(Mentee, record) for record in records]
        return cls(
            **_common_columns(rows),
            same_gender_only=[row.same_gender_only for row in rows],
            is_minor=[row.is_minor for row in rows],
            matchable=[row.matchable for row in rows],
        )

    def record(self, row: int) -> Mentee:
        """Row ``row`` as a record, the inverse of :meth:`from_records`."""
        sector, gender = int(self.sector[row]), int(self.gender[row])
        return Mentee(
            id=int(self.ids[row]),
            departement=DEPARTEMENT_CODES[self.departement[row]],
            needs=Need.members_of(int(self.needs[row])),
            sector=None if sector == NO_SECTOR else sector,
            format=list(Format)[self.format[row]],
            availability=Slot.members_of(int(self.availability[row])),
            languages=Language.members_of(int(self.languages[row])),
            gender=None if gender == UNKNOWN_GENDER else list(Gender)[gender],
            same_gender_only=bool(self.same_gender_only[row]),
            is_minor=bool(self.is_minor[row]),
            matchable=bool(self.matchable[row]),
        )


@dataclass(frozen=True, eq=False)
class MentorArrays(_Columns):
    ids: np.ndarray
    departement: np.ndarray
    needs: np.ndarray  # Need bits the mentor can help with
    sector: np.ndarray
    format: np.ndarray
    availability: np.ndarray
    languages: np.ndarray
    gender: np.ndarray
    capacity: np.ndarray  # remaining places: capacity minus running pairs
    has_attestation: np.ndarray  # valid honorability attestation, required for minors

    dtypes: ClassVar[dict[str, type]] = {
        "ids": np.int64,
        "departement": np.int16,
        "needs": np.uint8,
        "sector": np.int16,
        "format": np.int8,
        "availability": np.uint32,
        "languages": np.uint16,
        "gender": np.int8,
        "capacity": np.int8,
        "has_attestation": np.bool_,
    }

    @classmethod
    def from_records(cls, records: Iterable[Mentor | Mapping[str, Any]]) -> MentorArrays:
        rows = [_as_record(Mentor, record) for record in records]
        return cls(
            **_common_columns(rows),
            capacity=[row.remaining_capacity for row in rows],
            has_attestation=[row.has_valid_attestation for row in rows],
        )


def _as_record(kind: type[_Record], record: _Record | Mapping[str, Any]) -> _Record:
    return record if isinstance(record, kind) else kind(**record)


def _common_columns(rows: list[Mentee] | list[Mentor]) -> dict[str, list[int]]:
    return {
        "ids": [row.id for row in rows],
        "departement": [departement_index(row.departement) for row in rows],
        "needs": [Need.mask_of(row.needs) for row in rows],
        "sector": [NO_SECTOR if row.sector is None else row.sector for row in rows],
        "format": [Format(row.format).position for row in rows],
        "availability": [Slot.mask_of(row.availability) for row in rows],
        "languages": [Language.mask_of(row.languages) for row in rows],
        "gender": [
            UNKNOWN_GENDER if row.gender is None else Gender(row.gender).position for row in rows
        ],
    }
