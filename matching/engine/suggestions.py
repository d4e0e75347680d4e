"""Suggestions for one youth against every mentor, for the staff's matching page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .explain import Explanation, explain_pair
from .population import Mentee, MenteeArrays, MentorArrays
from .scoring import assess_pairs
from .weights import Weights


@dataclass(frozen=True)
class Suggestion:
    mentor_id: int
    score: float  # points, 0-100: the score the batch gives the same pair
    explanation: Explanation


def suggest_mentors(
    mentee: Mentee,
    mentors: MentorArrays,
    *,
    weights: Weights | None = None,
    excluded_mentor_ids: Iterable[int] = (),
    limit: int = 10,
) -> list[Suggestion]:
    """The ``limit`` best mentors for one youth under the batch's hard rules.

    Every mentor is scored (no blocking), best first, ties by ascending mentor id. A youth who
    is not matchable gets no suggestion.
    """
    weights = weights or Weights()
    youth = MenteeArrays.from_records([mentee])
    feasible, scores = assess_pairs(
        youth, mentors, np.zeros(len(mentors), dtype=np.int64), np.arange(len(mentors)), weights
    )
    excluded = np.isin(mentors.ids, np.fromiter(excluded_mentor_ids, dtype=np.int64))
    allowed = feasible & ~excluded
    candidates = np.flatnonzero(allowed)
    best = candidates[np.lexsort((mentors.ids[candidates], -scores[candidates]))][:limit]
    return [
        Suggestion(
            mentor_id=int(mentors.ids[mentor]),
            score=float(scores[mentor]),
            explanation=explain_pair(youth, 0, mentors, int(mentor), weights),
        )
        for mentor in best
    ]
