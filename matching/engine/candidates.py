"""Candidate pairs: each youth's best K feasible mentors, as a sparse edge list.

The blocks of :mod:`.blocking` are screened on a small thread pool (NumPy and BLAS release
the GIL; see :mod:`.blas`), each youth keeps its K best mentors, each mentor then keeps its
best youths per free place, and the kept pairs are checked and scored exactly.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from .blas import use_one_blas_thread
from .blocking import DEFAULT_POOL_SIZE, plan_blocks
from .population import MenteeArrays, MentorArrays
from .scoring import MAX_POINTS, assess_pairs
from .screening import Block, ExcludedIndex, Features, screen_block
from .weights import Weights

DEFAULT_K = 80
DEFAULT_PER_PLACE = 12
SCORE_CEILING = MAX_POINTS + 1  # above any screening score, tie-break included
SCORE_LEVELS = (1 << 30) - 1  # mentor pruning ranks scores quantised to 1e-7 points


@dataclass(frozen=True, eq=False)
class Candidates:
    """Edges ``youth[i] - mentor[i]`` (rows of both populations), exact ``score[i]`` in points.

    Sorted by youth then mentor, so the same input always gives the same edge list.
    """

    mentees: MenteeArrays  # sorted by id
    mentors: MentorArrays  # sorted by id
    youth: np.ndarray  # int32
    mentor: np.ndarray  # int32
    score: np.ndarray  # float64

    def __len__(self) -> int:
        return len(self.youth)

    def per_youth(self) -> np.ndarray:
        return np.bincount(self.youth, minlength=len(self.mentees))


def generate_candidates(
    mentees: MenteeArrays,
    mentors: MentorArrays,
    weights: Weights,
    *,
    excluded: ExcludedIndex,
    k: int = DEFAULT_K,
    per_place: int | None = DEFAULT_PER_PLACE,
    pool_size: int = DEFAULT_POOL_SIZE,
    workers: int = 1,
) -> Candidates:
    """The best ``k`` feasible, not excluded mentors of each youth, exactly scored.

    With ``per_place``, a mentor then keeps only its best ``per_place * (capacity + 1)``
    youths: one far down a mentor's list almost never gets that mentor in the optimum, and
    the solver's time grows with the edges. Both populations must be sorted by id (the
    canonical order that makes runs repeatable).
    """
    best_mentor, best_score = _screen(mentees, mentors, weights, excluded, k, pool_size, workers)
    kept = best_mentor >= 0
    if per_place is not None:
        kept &= _mentor_top(best_mentor, best_score, mentors.capacity, per_place)
    slot = np.flatnonzero(kept)
    youth, mentor = slot // k, best_mentor.ravel()[slot]
    del best_mentor, best_score
    # The canonical edge order: by youth, then mentor.
    edge = np.sort(youth * len(mentors) + mentor)
    youth, mentor = edge // len(mentors), edge % len(mentors)
    # The screening's penalties already keep out every pair breaking a hard rule; checking
    # again on the exact definition makes the promise independent of float32 arithmetic.
    feasible, score = assess_pairs(mentees, mentors, youth, mentor, weights)
    return Candidates(
        mentees=mentees,
        mentors=mentors,
        youth=youth[feasible].astype(np.int32),
        mentor=mentor[feasible].astype(np.int32),
        score=score[feasible],
    )


def _screen(
    mentees: MenteeArrays,
    mentors: MentorArrays,
    weights: Weights,
    excluded: ExcludedIndex,
    k: int,
    pool_size: int,
    workers: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Each youth's best k screened mentors and scores, as (youths, k) arrays (-1, -inf).

    Nearby blocks fill the slots first; distant pools then compete for them. Each youth is in
    one nearby block and at most one distant pool, so threads never write the same rows.
    """
    blocks = sorted(plan_blocks(mentees, mentors, pool_size), key=lambda b: -b.pairs)
    features = Features.build(mentees, mentors, weights)
    best_mentor = np.full((len(mentees), k), -1, dtype=np.int32)
    best_score = np.full((len(mentees), k), -np.inf, dtype=np.float32)

    def screen_nearby(block: Block) -> None:
        mentor, score = screen_block(block, features, mentees, mentors, excluded, k)
        best_mentor[block.youths], best_score[block.youths] = mentor, score

    def screen_distant(block: Block) -> None:
        mentor, score = screen_block(block, features, mentees, mentors, excluded, k)
        both_mentor = np.hstack([best_mentor[block.youths], mentor])
        both_score = np.hstack([best_score[block.youths], score])
        best = np.argsort(both_score, axis=1)[:, -k:]  # short rows: a SIMD sort is quickest
        best_mentor[block.youths] = np.take_along_axis(both_mentor, best, axis=1)
        best_score[block.youths] = np.take_along_axis(both_score, best, axis=1)

    phases = (
        (screen_nearby, [b for b in blocks if not b.distant]),
        (screen_distant, [b for b in blocks if b.distant]),
    )
    # Even a single worker gets a thread of its own: its BLAS calls then run on one thread,
    # so the float32 sums, hence the candidates, do not depend on the number of workers.
    with ThreadPoolExecutor(max_workers=workers, initializer=use_one_blas_thread) as pool:
        for screen, phase_blocks in phases:
            for _ in pool.map(screen, phase_blocks):
                pass
    return best_mentor, best_score


def _mentor_top(
    mentor: np.ndarray, score: np.ndarray, capacity: np.ndarray, per_place: int
) -> np.ndarray:
    """Which slots hold one of their mentor's best ``per_place * (capacity + 1)`` youths.

    ``mentor`` and ``score`` are the screening's slots (-1 marks an empty one). Ties with a
    mentor's last kept score are all kept.
    """
    # One sort of packed integers ranks the slots by mentor, best score first: the mentor
    # (shifted so that empty slots come first) in the high bits, the score reversed below.
    quantised = np.rint(score.clip(0, SCORE_CEILING) * (SCORE_LEVELS / SCORE_CEILING))
    reversed_score = SCORE_LEVELS - quantised.astype(np.int64)
    del quantised
    shifted = mentor.astype(np.int64) + 1
    packed = (shifted << 32 | reversed_score).ravel()
    packed.sort()
    per_mentor = np.bincount(shifted.ravel(), minlength=len(capacity) + 1)[1:]
    start = (np.cumsum(per_mentor) - per_mentor) + (mentor < 0).sum()
    limit = per_place * (capacity.astype(np.int64) + 1)
    # The worst score kept, by shifted mentor; mentors within their limit keep everything.
    threshold = np.full(len(capacity) + 1, SCORE_LEVELS)
    over = np.flatnonzero(per_mentor > limit)
    threshold[over + 1] = packed[start[over] + limit[over] - 1] & 0xFFFFFFFF
    return reversed_score <= threshold[shifted]
