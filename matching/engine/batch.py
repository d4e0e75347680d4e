"""A national or programme batch: candidates, then proposals and the youths left unmatched."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .blas import default_workers
from .blocking import NO_NEED, main_need
from .candidates import DEFAULT_K, DEFAULT_PER_PLACE, Candidates, generate_candidates
from .codes import Need, UnmatchedReason
from .departements import DEPARTEMENT_CODES
from .population import MenteeArrays, MentorArrays
from .reasons import unmatched_reasons
from .screening import ExcludedIndex
from .solver import Assignment, solve_greedy, solve_optimal
from .weights import MatchingError, Weights

Method = Literal["optimal", "greedy"]


@dataclass(frozen=True)
class Proposal:
    mentee_id: int
    mentor_id: int
    score: float  # points, 0-100


@dataclass(frozen=True)
class Unmatched:
    """A youth without proposal; ``params`` phrase the reason.

    ``NO_MENTOR_IN_DEPARTEMENT`` and ``NO_COMPATIBLE_MENTOR`` carry ``departement`` (code)
    and ``need`` (the youth's main need, the first in :class:`Need` order, or None);
    ``CAPACITY_EXHAUSTED`` carries ``candidates`` (how many mentors were considered).
    """

    mentee_id: int
    reason: UnmatchedReason
    params: Mapping[str, object]


@dataclass(frozen=True, eq=False)
class MatchingResult:
    """Proposals as columns (by ascending mentee id) and the unmatched youths with reasons."""

    mentee_ids: np.ndarray
    mentor_ids: np.ndarray
    scores: np.ndarray
    optimal: bool  # proven optimal on the candidate graph
    unmatched_ids: np.ndarray
    unmatched_reasons: np.ndarray  # UnmatchedReason positions
    unmatched_departements: np.ndarray  # positions in DEPARTEMENTS
    unmatched_needs: np.ndarray  # main Need positions, NO_NEED when none
    unmatched_candidates: np.ndarray  # candidate count of each unmatched youth

    @property
    def matched(self) -> int:
        return len(self.mentee_ids)

    @property
    def total_score(self) -> float:
        return float(self.scores.sum())

    def proposals(self) -> Iterator[Proposal]:
        for mentee_id, mentor_id, score in zip(
            self.mentee_ids.tolist(), self.mentor_ids.tolist(), self.scores.tolist(), strict=True
        ):
            yield Proposal(mentee_id, mentor_id, score)

    def unmatched(self) -> Iterator[Unmatched]:
        reasons = list(UnmatchedReason)
        needs = list(Need)
        for mentee_id, reason, departement, need, candidates in zip(
            self.unmatched_ids.tolist(),
            self.unmatched_reasons.tolist(),
            self.unmatched_departements.tolist(),
            self.unmatched_needs.tolist(),
            self.unmatched_candidates.tolist(),
            strict=True,
        ):
            code = reasons[reason]
            params: dict[str, object] = {}
            if code in (
                UnmatchedReason.NO_MENTOR_IN_DEPARTEMENT,
                UnmatchedReason.NO_COMPATIBLE_MENTOR,
            ):
                params = {
                    "departement": DEPARTEMENT_CODES[departement],
                    "need": None if need == NO_NEED else needs[need],
                }
            elif code is UnmatchedReason.CAPACITY_EXHAUSTED:
                params = {"candidates": candidates}
            yield Unmatched(mentee_id, code, params)

    def unmatched_by_departement(self) -> dict[str, int]:
        """Unmatched youths per département code, for a supply and demand view."""
        counts = Counter(self.unmatched_departements.tolist())
        return {DEPARTEMENT_CODES[index]: count for index, count in sorted(counts.items())}


def find_candidates(
    mentees: MenteeArrays,
    mentors: MentorArrays,
    *,
    weights: Weights | None = None,
    excluded_pairs: Iterable[tuple[int, int]] | np.ndarray = (),
    k: int = DEFAULT_K,
    per_place: int | None = DEFAULT_PER_PLACE,
    workers: int | None = None,
) -> Candidates:
    """The candidate graph: each youth's ``k`` best feasible mentors.

    Each mentor then keeps its best ``per_place * (capacity + 1)`` youths (None keeps all).
    ``excluded_pairs`` are (mentee id, mentor id) never to propose. ``workers`` defaults to
    the cores, or one thread where BLAS cannot be kept to one thread per worker.
    """
    if k < 1 or (per_place is not None and per_place < 1):
        raise MatchingError("k and per_place must be at least 1")
    mentees, mentors = mentees.sorted_by_id(), mentors.sorted_by_id()
    excluded = ExcludedIndex.build(mentees.ids, mentors.ids, _pairs_array(excluded_pairs))
    return generate_candidates(
        mentees,
        mentors,
        weights or Weights(),
        excluded=excluded,
        k=k,
        per_place=per_place,
        workers=workers or default_workers(),
    )


def assign(candidates: Candidates, *, method: Method = "optimal") -> MatchingResult:
    """Choose the proposals among the candidates and explain the youths left out."""
    solvers = {"optimal": solve_optimal, "greedy": solve_greedy}
    if method not in solvers:
        raise MatchingError(f"unknown method {method!r}")
    assignment = solvers[method](candidates)
    return _result(candidates, assignment)


def run_matching(
    mentees: MenteeArrays,
    mentors: MentorArrays,
    *,
    weights: Weights | None = None,
    excluded_pairs: Iterable[tuple[int, int]] | np.ndarray = (),
    k: int = DEFAULT_K,
    per_place: int | None = DEFAULT_PER_PLACE,
    method: Method = "optimal",
    workers: int | None = None,
) -> MatchingResult:
    """The whole batch: candidates, then the best set of proposals under the hard rules."""
    candidates = find_candidates(
        mentees,
        mentors,
        weights=weights,
        excluded_pairs=excluded_pairs,
        k=k,
        per_place=per_place,
        workers=workers,
    )
    return assign(candidates, method=method)


def _pairs_array(pairs: Iterable[tuple[int, int]] | np.ndarray) -> np.ndarray:
    if isinstance(pairs, np.ndarray):
        return pairs
    return np.array(list(pairs), dtype=np.int64).reshape(-1, 2)


def _result(candidates: Candidates, assignment: Assignment) -> MatchingResult:
    mentees, mentors = candidates.mentees, candidates.mentors
    youth = candidates.youth[assignment.edges]
    matched = np.zeros(len(mentees), dtype=bool)
    matched[youth] = True
    unmatched = np.flatnonzero(~matched)
    candidate_count = candidates.per_youth()
    return MatchingResult(
        mentee_ids=mentees.ids[youth],
        mentor_ids=mentors.ids[candidates.mentor[assignment.edges]],
        scores=candidates.score[assignment.edges],
        optimal=assignment.optimal,
        unmatched_ids=mentees.ids[unmatched],
        unmatched_reasons=unmatched_reasons(mentees, mentors, unmatched, candidate_count),
        unmatched_departements=mentees.departement[unmatched],
        unmatched_needs=main_need(mentees.needs[unmatched]),
        unmatched_candidates=candidate_count[unmatched],
    )
