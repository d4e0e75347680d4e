"""Why a pair scores what it scores, as structured items for the Django layer to phrase."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from .codes import Criterion, HardRule, Language, MeetingMode, Need, Proximity, Slot
from .departements import DEPARTEMENT_CODES
from .population import NO_SECTOR, Mentee, MenteeArrays, Mentor, MentorArrays
from .scoring import PairView, criteria_applying, ordered_sum
from .weights import Weights


class ExplanationItem(NamedTuple):
    """One criterion's part in a score.

    ``fraction`` is how well the criterion is met (0 to 1), ``points`` its contribution to the
    0-100 score, ``params`` the codes to phrase it (see :func:`explain`).
    """

    criterion: Criterion
    points: float
    fraction: float
    applicable: bool
    params: Mapping[str, object]


class Explanation(NamedTuple):
    score: float
    broken_rules: tuple[HardRule, ...]  # empty when the pair may be proposed
    items: tuple[ExplanationItem, ...]  # in Criterion order

    @property
    def feasible(self) -> bool:
        return not self.broken_rules

    def stored(self) -> list[dict]:
        """The explanation as a pair stores it (JSON: codes and points)."""
        return [
            stored_item(
                item.criterion,
                float(np.round(item.points, POINTS_DECIMALS)),
                item.applicable,
                item.params,
            )
            for item in self.items
        ]


POINTS_DECIMALS = 2


def stored_item(criterion: Criterion, points: float, applicable: bool, params) -> dict:
    """One criterion of a stored explanation (StrEnum codes are strings, tuples JSON lists)."""
    return {
        "criterion": criterion.value,
        "points": points,
        "applicable": applicable,
        "params": params,
    }


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
    return PairExplanations(mentees, np.array([youth]), mentors, np.array([mentor]), weights)[0]


class PairExplanations:
    """The explanations of many pairs (rows of both populations, as index arrays), computed
    at once as columns: one pair's :class:`Explanation` on demand, or every pair's in the form
    a pair stores, which is how a batch records each proposal's reasons as it writes it."""

    def __init__(
        self,
        mentees: MenteeArrays,
        youth: np.ndarray,
        mentors: MentorArrays,
        mentor: np.ndarray,
        weights: Weights,
    ) -> None:
        view = PairView(mentees, mentors, youth, mentor)
        fractions = view.fractions()
        points = view.contributions(weights)
        applying = criteria_applying(mentees, view.youth)
        self.columns = [
            (
                criterion,
                points[criterion],
                fractions[criterion].tolist(),
                applying[criterion].tolist(),
                _params_column(criterion, view),
            )
            for criterion in fractions
        ]
        self.broken_rules = [
            (rule, pairs.tolist()) for rule, pairs in view.broken_rules().items() if pairs.any()
        ]
        self.scores = ordered_sum(points.values()).tolist()

    def __len__(self) -> int:
        return len(self.scores)

    def __getitem__(self, at: int) -> Explanation:
        return Explanation(
            score=float(self.scores[at]),
            broken_rules=tuple(rule for rule, pairs in self.broken_rules if pairs[at]),
            items=tuple(
                ExplanationItem(
                    criterion=criterion,
                    points=float(points[at]),
                    fraction=float(fractions[at]),
                    applicable=bool(applying[at]),
                    params=params[at],
                )
                for criterion, points, fractions, applying, params in self.columns
            ),
        )

    def stored(self) -> list[list[dict]]:
        """Every pair's explanation as :meth:`Explanation.stored` gives one."""
        columns = [
            (criterion, points.round(POINTS_DECIMALS).tolist(), applying, params)
            for criterion, points, _fractions, applying, params in self.columns
        ]
        return [
            [
                stored_item(criterion, points[at], applying[at], params[at])
                for criterion, points, applying, params in columns
            ]
            for at in range(len(self))
        ]


def _params_column(criterion: Criterion, view: PairView) -> list[Mapping[str, object]]:
    """The codes phrasing ``criterion`` for every pair of ``view`` (see :func:`explain`)."""

    def youth(column: str) -> list[int]:
        return view.youth_column(column).tolist()

    def mentor(column: str) -> list[int]:
        return view.mentor_column(column).tolist()

    def shared(column: str) -> list[int]:
        return (view.youth_column(column) & view.mentor_column(column)).tolist()

    if criterion is Criterion.GEOGRAPHY:
        proximity = np.where(
            view.same_departement,
            _PROXIMITIES.index(Proximity.SAME_DEPARTEMENT),
            np.where(
                view.near,
                _PROXIMITIES.index(Proximity.NEIGHBOUR_DEPARTEMENT),
                _PROXIMITIES.index(Proximity.DISTANT),
            ),
        ).tolist()
        return [
            _geography(near, youth_at, mentor_at)
            for near, youth_at, mentor_at in zip(
                proximity, youth("departement"), mentor("departement"), strict=True
            )
        ]
    if criterion is Criterion.NEEDS:
        return [
            _needs(youth_needs, mentor_needs)
            for youth_needs, mentor_needs in zip(youth("needs"), mentor("needs"), strict=True)
        ]
    if criterion is Criterion.SECTOR:
        return [
            _sectors(youth_at, mentor_at)
            for youth_at, mentor_at in zip(youth("sector"), mentor("sector"), strict=True)
        ]
    if criterion is Criterion.FORMAT:
        return [
            _modes(in_person, remote)
            for in_person, remote in zip(view.in_person.tolist(), view.remote.tolist(), strict=True)
        ]
    if criterion is Criterion.AVAILABILITY:
        return [_slots(bits) for bits in shared("availability")]
    return [_languages(bits) for bits in shared("languages")]


_PROXIMITIES = list(Proximity)

# The parameters take few distinct values: each is built once and shared (never mutated).


@functools.cache
def _geography(proximity: int, youth_departement: int, mentor_departement: int) -> dict:
    return {
        "proximity": _PROXIMITIES[proximity],
        "mentee_departement": DEPARTEMENT_CODES[youth_departement],
        "mentor_departement": DEPARTEMENT_CODES[mentor_departement],
    }


@functools.cache
def _needs(youth_needs: int, mentor_needs: int) -> dict:
    return {
        "covered": Need.members_of(youth_needs & mentor_needs),
        "uncovered": Need.members_of(youth_needs & ~mentor_needs),
    }


@functools.cache
def _sectors(youth_sector: int, mentor_sector: int) -> dict:
    return {"mentee_sector": _sector(youth_sector), "mentor_sector": _sector(mentor_sector)}


@functools.cache
def _modes(in_person: bool, remote: bool) -> dict:
    return {
        "modes": tuple(
            mode
            for mode, possible in ((MeetingMode.IN_PERSON, in_person), (MeetingMode.REMOTE, remote))
            if possible
        )
    }


@functools.cache
def _slots(common: int) -> dict:
    return {"common_slots": Slot.members_of(common)}


@functools.cache
def _languages(common: int) -> dict:
    return {"common": Language.members_of(common)}


def _sector(code: int) -> int | None:
    return None if code == NO_SECTOR else int(code)
