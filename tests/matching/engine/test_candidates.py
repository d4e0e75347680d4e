"""The blocked, float32 screening finds what an exhaustive exact scan would."""

import numpy as np
import pytest

from matching.engine import Weights, find_candidates
from matching.engine.blocking import NO_NEED, main_need
from matching.engine.departements import NEAR
from matching.engine.scoring import assess_pairs
from matching.engine.screening import top_k_per_row

from .random_data import random_population

TIE_BREAK = 0.0101  # the screening's tie-break may swap pairs closer than this


@pytest.fixture(scope="module")
def population():
    youths, helpers = random_population(500, 220, seed=7)
    return youths.sorted_by_id(), helpers.sorted_by_id()


def eligible_pairs(youths, helpers, excluded):
    """Every pair the blocking considers: nearby ones, and distant ones sharing the main need."""
    youth, mentor = (
        grid.ravel()
        for grid in np.meshgrid(np.arange(len(youths)), np.arange(len(helpers)), indexing="ij")
    )
    feasible, score = assess_pairs(youths, helpers, youth, mentor, Weights())
    near = NEAR[youths.departement[youth], helpers.departement[mentor]]
    need = main_need(youths.needs[youth])
    shares_main_need = (need == NO_NEED) | ((helpers.needs[mentor] >> np.minimum(need, 7)) & 1 == 1)
    keys = youth * len(helpers) + mentor
    allowed = feasible & (near | shares_main_need) & ~np.isin(keys, excluded)
    return youth[allowed], mentor[allowed], score[allowed]


def test_with_room_for_all_every_eligible_pair_is_a_candidate(population):
    youths, helpers = population
    rows = [(0, 0), (3, 5), (9, 1)]
    excluded = [(int(youths.ids[y]), int(helpers.ids[m])) for y, m in rows]
    candidates = find_candidates(
        youths, helpers, excluded_pairs=excluded, k=len(helpers), per_place=None
    )
    youth, mentor, score = eligible_pairs(youths, helpers, [y * len(helpers) + m for y, m in rows])
    assert np.array_equal(candidates.youth, youth) and np.array_equal(candidates.mentor, mentor)
    assert np.array_equal(candidates.score, score)


def test_each_youth_keeps_its_k_best(population):
    youths, helpers = population
    k = 5
    candidates = find_candidates(youths, helpers, k=k, per_place=None)
    youth, _, score = eligible_pairs(youths, helpers, [])
    for y in range(len(youths)):
        best = np.sort(score[youth == y])[::-1][:k]
        kept = np.sort(candidates.score[candidates.youth == y])[::-1]
        assert len(kept) == len(best)
        assert np.all(np.abs(kept - best) <= TIE_BREAK), y


def test_each_mentor_keeps_its_best_youths_per_place(population):
    youths, helpers = population
    per_place = 2
    candidates = find_candidates(youths, helpers, k=40, per_place=per_place)
    edges = np.bincount(candidates.mentor, minlength=len(helpers))
    assert (edges <= per_place * (helpers.capacity.astype(int) + 1)).all()
    assert (edges[helpers.capacity == 0] == 0).all()


def test_screening_threads_do_not_change_the_result(population):
    youths, helpers = population
    one = find_candidates(youths, helpers, workers=1)
    two = find_candidates(youths, helpers, workers=2)
    for name in ("youth", "mentor", "score"):
        assert np.array_equal(getattr(one, name), getattr(two, name))


def test_top_k_per_row_handles_ties_and_missing_scores():
    rng = np.random.default_rng(0)
    for _ in range(200):
        n_rows, n_columns = rng.integers(1, 20), rng.integers(2, 40)
        k = int(rng.integers(1, n_columns))
        scores = rng.integers(0, 4, (n_rows, n_columns)).astype(np.float32)
        scores[rng.random(scores.shape) < 0.3] = -np.inf
        columns, values = top_k_per_row(scores, k)
        assert np.array_equal(np.take_along_axis(scores, columns, axis=1), values)
        assert np.array_equal(np.sort(values, axis=1), np.sort(scores, axis=1)[:, -k:])
        assert all(len(set(row)) == k for row in columns.tolist())
