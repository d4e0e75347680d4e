"""Why a pair scores what it scores, as structured items for the Django layer to phrase."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .codes import Criterion, HardRule, Language, MeetingMode, Need, Proximity, Slot
from .departements import DEPARTEMENT_CODES
from .population import NO_SECTOR, Mentee, MenteeArrays, Mentor, MentorArrays
from .scoring import PairView, criteria_applying, ordered_sum
from .weights import Weights


@dataclass(frozen=True)
class ExplanationItem:
    """One criterion's part in a score.

    ``fraction`` is how well the criterion is met (0 to 1), ``points`` its contribution to the
    0-100 score, ``params`` the codes to phrase it (see :func:`explain`).
    """

    criterion: Criterion
    points: float
    fraction: float
    applicable: bool
    params: Mapping[str, object]


@dataclass(frozen=True)
class Explanation:
    score: float
    broken_rules: tuple[HardRule, ...]  # empty when the pair may be proposed
    items: tuple[ExplanationItem, ...]  # in Criterion order

    @property
    def feasible(self) -> bool:
        return not self.broken_rules


def explain(mentee: Mentee, mentor: Mentor, weights: Weights) -> Explanation:
    """Explain one pair; its score is the one the batch and the suggestions compute.

    Parameters by criterion: geography ``proximity`` (a Proximity), ``mentee_departement``,
    ``mentor_departement``; needs ``covered`` and ``uncovered`` (Need codes); sector
    ``mentee_sector`` and ``mentor_sector`` (programme codes or None); format ``modes``
    (feasible MeetingMode codes); availability ``common_slots`` (Slot codes); languages
    ``common`` (Language codes).
    """
    return explain_pair(
        MenteeArrays.from_records([mentee]), 0, MentorArrays.from_records([mentor]), 0, weights
    )


def explain_pair(
    mentees: MenteeArrays, youth: int, mentors: MentorArrays, mentor: int, weights: Weights
) -> Explanation:
    """Explain the pair of rows ``youth`` and ``mentor`` of two populations."""
    view = PairView(mentees, mentors, np.array([youth]), np.array([mentor]))
    fractions = view.fractions()
    applying = criteria_applying(mentees, np.array([youth]))
    contributions = view.contributions(weights)
    params = _params(mentees, youth, mentors, mentor, view)
    items = tuple(
        ExplanationItem(
            criterion=criterion,
            points=float(contributions[criterion][0]),
            fraction=float(fraction[0]),
            applicable=bool(applying[criterion][0]),
            params=params[criterion],
        )
        for criterion, fraction in fractions.items()
    )
    broken = tuple(rule for rule, pairs in view.broken_rules().items() if pairs[0])
    score = ordered_sum(contributions.values())[0]
    return Explanation(score=float(score), broken_rules=broken, items=items)


def _params(
    mentees: MenteeArrays, youth: int, mentors: MentorArrays, mentor: int, view: PairView
) -> dict[Criterion, Mapping[str, object]]:
    def shared(column: str) -> int:
        return int(getattr(mentees, column)[youth] & getattr(mentors, column)[mentor])

    if view.same_departement[0]:
        proximity = Proximity.SAME_DEPARTEMENT
    elif view.near[0]:
        proximity = Proximity.NEIGHBOUR_DEPARTEMENT
    else:
        proximity = Proximity.DISTANT
    modes = tuple(
        mode
        for mode, possible in (
            (MeetingMode.IN_PERSON, view.in_person[0]),
            (MeetingMode.REMOTE, view.remote[0]),
        )
        if possible
    )
    youth_needs = int(mentees.needs[youth])
    return {
        Criterion.GEOGRAPHY: {
            "proximity": proximity,
            "mentee_departement": DEPARTEMENT_CODES[mentees.departement[youth]],
            "mentor_departement": DEPARTEMENT_CODES[mentors.departement[mentor]],
        },
        Criterion.NEEDS: {
            "covered": Need.members_of(shared("needs")),
            "uncovered": Need.members_of(youth_needs & ~int(mentors.needs[mentor])),
        },
        Criterion.SECTOR: {
            "mentee_sector": _sector(mentees.sector[youth]),
            "mentor_sector": _sector(mentors.sector[mentor]),
        },
        Criterion.FORMAT: {"modes": modes},
        Criterion.AVAILABILITY: {"common_slots": Slot.members_of(shared("availability"))},
        Criterion.LANGUAGES: {"common": Language.members_of(shared("languages"))},
    }


def _sector(code: np.integer) -> int | None:
    return None if code == NO_SECTOR else int(code)
