"""Benchmark of the batch matching on a synthetic national population.

    python -m benchmarks.matching --mentees 200000 --mentors 90000

Prints the stages as they finish, then one JSON object as the last line. ``total_s`` covers
arrays -> candidates -> optimal solve -> proposals and unmatched reasons; the greedy baseline
runs afterwards on the same candidates and is timed apart. ``peak_mb`` is the process's peak
resident memory (``ru_maxrss``), which includes NumPy's and OR-tools' native allocations.

Then, on a 20,000 x 9,000 population (``--gap-mentees``, ``--gap-mentors``), ``pruning_gap``:
the share of the optimum's total score that the candidate graph's pruning loses, against the
optimum on every feasible pair the blocks screen (a few minutes and about 2.5 GB).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from matching.engine import (
    DEFAULT_K,
    DEFAULT_PER_PLACE,
    NO_SECTOR,
    Format,
    Gender,
    Language,
    MenteeArrays,
    MentorArrays,
    Need,
    Slot,
    assign,
    find_candidates,
)
from matching.engine.blocking import DEFAULT_POOL_SIZE, plan_blocks
from matching.engine.codes import Vocabulary
from matching.engine.departements import DEPARTEMENT_CODES, POPULATION

N_SECTORS = 12
# The population on which the pruning's cost is measured (an unpruned graph is far larger).
GAP_MENTEES, GAP_MENTORS = 20_000, 9_000
OVERSEAS = np.array([code.startswith("97") for code in DEPARTEMENT_CODES])

# Share of people stating each need: youths ask, mentors offer.
YOUTH_NEEDS = {
    Need.ORIENTATION: 0.40,
    Need.SELF_CONFIDENCE: 0.30,
    Need.INTERNSHIP: 0.25,
    Need.APPRENTICESHIP: 0.20,
    Need.EMPLOYMENT: 0.25,
    Need.DISCOVER_WORK: 0.20,
    Need.BACK_TO_SCHOOL: 0.08,
}
MENTOR_NEEDS = {
    Need.ORIENTATION: 0.55,
    Need.SELF_CONFIDENCE: 0.45,
    Need.INTERNSHIP: 0.40,
    Need.APPRENTICESHIP: 0.30,
    Need.EMPLOYMENT: 0.45,
    Need.DISCOVER_WORK: 0.45,
    Need.BACK_TO_SCHOOL: 0.12,
}
# Share of people free at each part of the day: youths after school and on Wednesday
# afternoons, mentors in the evening and at weekends.
YOUTH_FREE = {
    "weekday": (0.05, 0.15, 0.25),
    "wed": (0.10, 0.55, 0.25),
    "sat": (0.30, 0.40, 0.15),
    "sun": (0.10, 0.20, 0.15),
}
MENTOR_FREE = {
    "weekday": (0.05, 0.05, 0.35),
    "wed": (0.08, 0.12, 0.35),
    "sat": (0.30, 0.25, 0.05),
    "sun": (0.12, 0.15, 0.08),
}
# Languages spoken besides French (Creole is added overseas).
OTHER_LANGUAGES = {
    Language.ENGLISH: 0.25,
    Language.ARABIC: 0.08,
    Language.SPANISH: 0.05,
    Language.PORTUGUESE: 0.03,
    Language.GERMAN: 0.02,
    Language.ITALIAN: 0.01,
    Language.TURKISH: 0.02,
    Language.ROMANIAN: 0.01,
    Language.CHINESE: 0.01,
    Language.FRENCH_SIGN_LANGUAGE: 0.005,
}
YOUTH_FORMATS = (0.40, 0.15, 0.45)  # in Format order: in person, remote, both
MENTOR_FORMATS = (0.30, 0.20, 0.50)


def _slot_shares(free: dict[str, tuple[float, float, float]]) -> dict[Slot, float]:
    parts = ("morning", "afternoon", "evening")
    shares = {}
    for slot in Slot:
        day, part = slot.value.split("_")
        shares[slot] = free.get(day, free["weekday"])[parts.index(part)]
    return shares


def _bitmask(
    rng: np.random.Generator, n: int, shares: Mapping[Vocabulary, float], at_least_one: bool = True
) -> np.ndarray:
    """Each member's bit set with its share; if empty, one bit drawn by share."""
    bit = np.array([member.bit for member in shares], dtype=np.int64)
    share = np.array(list(shares.values()))
    mask = (rng.random((n, len(share))) < share) @ bit
    if at_least_one:
        empty = mask == 0
        mask[empty] = rng.choice(bit, size=int(empty.sum()), p=share / share.sum())
    return mask


def _common(
    rng: np.random.Generator,
    n: int,
    needs: Mapping[Need, float],
    free: dict[str, tuple[float, float, float]],
    formats: Sequence[float],
    genders: Sequence[float],
) -> dict[str, np.ndarray]:
    departement = rng.choice(len(POPULATION), size=n, p=POPULATION / POPULATION.sum())
    languages = Language.FRENCH.bit | _bitmask(rng, n, OTHER_LANGUAGES, at_least_one=False)
    creole = OVERSEAS[departement] & (rng.random(n) < 0.5)
    languages = np.where(creole, languages | Language.CREOLE.bit, languages)
    sector_popularity = 1 / np.arange(1, N_SECTORS + 1)
    return {
        "ids": rng.permutation(n).astype(np.int64) * 7 + 1000,  # unique, sparse, unordered
        "departement": departement,
        "needs": _bitmask(rng, n, needs),
        "sector": rng.choice(N_SECTORS, size=n, p=sector_popularity / sector_popularity.sum()),
        "format": rng.choice(len(Format), size=n, p=formats),
        "availability": _bitmask(rng, n, _slot_shares(free)),
        "languages": languages,
        "gender": rng.choice(len(Gender), size=n, p=genders),
    }


@dataclass(frozen=True, eq=False)
class SyntheticPopulation:
    """The engine's arrays, with what the database benchmark needs to write them as rows."""

    mentees: MenteeArrays
    mentors: MentorArrays
    excluded: np.ndarray  # (mentee id, mentor id) pairs declined before
    mentor_capacity: np.ndarray  # places in all (1-3)
    mentor_running: np.ndarray  # pairs already running (0-1)


def synthetic_people(n_mentees: int, n_mentors: int, seed: int = 0) -> SyntheticPopulation:
    """Youths, mentors and previously declined pairs, placed like the French population."""
    rng = np.random.default_rng(seed)
    youth = _common(rng, n_mentees, YOUTH_NEEDS, YOUTH_FREE, YOUTH_FORMATS, (0.52, 0.46, 0.02))
    youth["sector"] = np.where(rng.random(n_mentees) < 0.3, NO_SECTOR, youth["sector"])
    is_minor = rng.random(n_mentees) < 0.35
    mentees = MenteeArrays(
        **youth,
        same_gender_only=rng.random(n_mentees) < np.where(youth["gender"] == 0, 0.2, 0.05),
        is_minor=is_minor,
        matchable=~(is_minor & (rng.random(n_mentees) < 0.08)),  # under 15, no consent yet
    )
    mentor = _common(rng, n_mentors, MENTOR_NEEDS, MENTOR_FREE, MENTOR_FORMATS, (0.45, 0.54, 0.01))
    mentor["sector"] = np.where(rng.random(n_mentors) < 0.05, NO_SECTOR, mentor["sector"])
    capacity = rng.choice([1, 2, 3], size=n_mentors, p=[0.40, 0.35, 0.25])
    running = (rng.random(n_mentors) < 0.10).astype(int)
    mentors = MentorArrays(
        **mentor,
        capacity=capacity - running,
        has_attestation=rng.random(n_mentors) < 0.88,
    )
    # About 1% of youths declined (or already had) a mentor of their own département.
    declined = rng.choice(n_mentees, size=n_mentees // 100, replace=False)
    by_place = np.argsort(mentors.departement, kind="stable")
    place = mentees.departement[declined]
    first = np.searchsorted(mentors.departement[by_place], place, side="left")
    count = np.searchsorted(mentors.departement[by_place], place, side="right") - first
    declined, first, count = declined[count > 0], first[count > 0], count[count > 0]
    pick = by_place[first + rng.integers(0, count)]
    excluded = np.column_stack([mentees.ids[declined], mentors.ids[pick]])
    return SyntheticPopulation(mentees, mentors, excluded, capacity, running)


def synthetic_population(
    n_mentees: int, n_mentors: int, seed: int = 0
) -> tuple[MenteeArrays, MentorArrays, np.ndarray]:
    people = synthetic_people(n_mentees, n_mentors, seed)
    return people.mentees, people.mentors, people.excluded


def _timed(label: str, step: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = step()
    elapsed = time.perf_counter() - start
    print(f"{label}: {elapsed:.2f} s", flush=True)
    return value, elapsed


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(
    n_mentees: int,
    n_mentors: int,
    *,
    seed: int = 0,
    k: int = DEFAULT_K,
    per_place: int | None = DEFAULT_PER_PLACE,
    workers: int | None = None,
) -> dict[str, Any]:
    mentees, mentors, excluded = synthetic_population(n_mentees, n_mentors, seed)
    print(
        f"population: {n_mentees} youths, {n_mentors} mentors, "
        f"{int(mentors.capacity.sum())} places, {peak_mb():.0f} MB",
        flush=True,
    )
    candidates, candidates_s = _timed(
        "candidates",
        lambda: find_candidates(
            mentees, mentors, excluded_pairs=excluded, k=k, per_place=per_place, workers=workers
        ),
    )
    print(f"edges: {len(candidates)}", flush=True)
    result, solve_s = _timed("solve + proposals", lambda: assign(candidates))
    greedy, greedy_s = _timed("greedy + proposals", lambda: assign(candidates, method="greedy"))
    return {
        "mentees": n_mentees,
        "mentors": n_mentors,
        "places": int(mentors.capacity.sum()),
        "k": k,
        "per_place": per_place,
        "edges": len(candidates),
        "candidates_s": round(candidates_s, 3),
        "solve_s": round(solve_s, 3),
        "total_s": round(candidates_s + solve_s, 3),
        "peak_mb": round(peak_mb(), 1),
        "score": round(result.total_score, 1),
        "matched": result.matched,
        "optimal": result.optimal,
        "greedy_s": round(greedy_s, 3),
        "greedy_score": round(greedy.total_score, 1),
        "greedy_matched": greedy.matched,
    }


def widest_block(mentees: MenteeArrays, mentors: MentorArrays) -> int:
    """The most mentors any youth is screened against (its nearby block and distant pool)."""
    mentees, mentors = mentees.sorted_by_id(), mentors.sorted_by_id()
    width = np.zeros(len(mentees), dtype=np.int64)
    for block in plan_blocks(mentees, mentors, DEFAULT_POOL_SIZE):
        width[block.youths] += len(block.mentors)
    return int(width.max(initial=1))


def pruning_gap(
    n_mentees: int,
    n_mentors: int,
    *,
    seed: int = 0,
    k: int = DEFAULT_K,
    per_place: int | None = DEFAULT_PER_PLACE,
) -> dict[str, Any]:
    """What the candidate graph's pruning costs: the optimum's total score on the pruned
    graph (each youth's ``k`` best, each mentor's best per place) against the optimum on the
    unpruned one (every feasible pair the blocks screen, no cut per youth nor per mentor).
    ``pruning_gap`` is the share of the total score lost."""
    mentees, mentors, excluded = synthetic_population(n_mentees, n_mentors, seed)
    pruned_graph = find_candidates(
        mentees, mentors, excluded_pairs=excluded, k=k, per_place=per_place
    )
    pruned = assign(pruned_graph)
    unpruned_graph, unpruned_s = _timed(
        "unpruned candidates",
        lambda: find_candidates(
            mentees,
            mentors,
            excluded_pairs=excluded,
            k=widest_block(mentees, mentors),
            per_place=None,
        ),
    )
    unpruned, solve_s = _timed("unpruned solve", lambda: assign(unpruned_graph))
    return {
        "gap_mentees": n_mentees,
        "gap_mentors": n_mentors,
        "pruned_edges": len(pruned_graph),
        "pruned_score": round(pruned.total_score, 1),
        "unpruned_score": round(unpruned.total_score, 1),
        "unpruned_edges": len(unpruned_graph),
        "unpruned_s": round(unpruned_s + solve_s, 1),
        "pruning_gap": round(1 - pruned.total_score / unpruned.total_score, 6),
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentees", type=int, default=200_000)
    parser.add_argument("--mentors", type=int, default=90_000)
    parser.add_argument("--k", type=int, default=DEFAULT_K, help="candidates per youth")
    parser.add_argument(
        "--per-place",
        type=int,
        default=DEFAULT_PER_PLACE,
        help="youths a mentor keeps per free place; 0 keeps all",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--gap-mentees",
        type=int,
        default=GAP_MENTEES,
        help="population measuring the pruning's cost; 0 skips it",
    )
    parser.add_argument("--gap-mentors", type=int, default=GAP_MENTORS)
    args = parser.parse_args(argv)
    report = run(
        args.mentees,
        args.mentors,
        seed=args.seed,
        k=args.k,
        per_place=args.per_place or None,
        workers=args.workers,
    )
    # Afterwards, so that the batch's own peak memory is reported above.
    if args.gap_mentees:
        report |= pruning_gap(
            args.gap_mentees,
            args.gap_mentors,
            seed=args.seed,
            k=args.k,
            per_place=args.per_place or None,
        )
    print(json.dumps(report), flush=True)
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
