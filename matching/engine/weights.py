"""Per-programme weights of the matching criteria, and the engine's errors."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from .codes import Criterion


class MatchingError(ValueError):
    """An input the engine refuses; ``code`` is stable, for a translated message."""

    code = "matching_error"


class InvalidWeightsError(MatchingError):
    """Weights that cannot rank pairs: negative, not finite, or all zero."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Weights:
    """Relative importance of each criterion; only ratios matter.

    Defaults put the youth's needs first (the point of mentoring), then being able to meet
    (geography, common availability), then affinity (sector, format, languages).
    """

    geography: float = 0.20
    needs: float = 0.30
    sector: float = 0.15
    format: float = 0.10
    availability: float = 0.20
    languages: float = 0.05

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            try:
                number = float(value)  # also Decimal (a DecimalField) and NumPy numbers
            except (TypeError, ValueError):
                number = math.nan
            if isinstance(value, bool) or not math.isfinite(number):
                raise InvalidWeightsError(
                    "weight_not_a_number", f"weight {field.name!r} must be a finite number"
                )
            if number < 0:
                raise InvalidWeightsError(
                    "negative_weight", f"weight {field.name!r} must not be negative"
                )
            object.__setattr__(self, field.name, number)
        if not any(getattr(self, field.name) for field in fields(self)):
            raise InvalidWeightsError(
                "all_weights_zero", "at least one matching criterion needs a positive weight"
            )

    def of(self, criterion: Criterion) -> float:
        return getattr(self, criterion.value)
