"""A small random population exercising every attribute, for property-style tests."""

from __future__ import annotations

import numpy as np

from matching.engine import Format, Gender, Language, MenteeArrays, MentorArrays, Need, Slot
from matching.engine.departements import DEPARTEMENT_CODES

# Three neighbouring areas and an overseas one keep the population dense enough to compete.
AREA = [DEPARTEMENT_CODES.index(code) for code in ("75", "92", "93", "94", "29", "22", "974")]


def _common(rng: np.random.Generator, n: int, id_offset: int) -> dict[str, np.ndarray]:
    return {
        "ids": rng.permutation(n) + id_offset,
        "departement": rng.choice(AREA, size=n),
        "needs": rng.integers(0, 1 << len(Need), size=n),
        "sector": rng.integers(-1, 4, size=n),
        "format": rng.integers(0, len(Format), size=n),
        "availability": rng.integers(0, 1 << len(Slot), size=n)
        & rng.integers(0, 1 << len(Slot), size=n),
        "languages": Language.FRENCH.bit | (rng.integers(0, 4, size=n) << 1),
        "gender": rng.integers(-1, len(Gender), size=n),
    }


def random_population(
    n_mentees: int, n_mentors: int, seed: int
) -> tuple[MenteeArrays, MentorArrays]:
    rng = np.random.default_rng(seed)
    youths = MenteeArrays(
        **_common(rng, n_mentees, 1),
        same_gender_only=rng.random(n_mentees) < 0.2,
        is_minor=rng.random(n_mentees) < 0.4,
        matchable=rng.random(n_mentees) < 0.95,
    )
    mentors = MentorArrays(
        **_common(rng, n_mentors, 100_000),
        capacity=rng.integers(0, 4, size=n_mentors),
        has_attestation=rng.random(n_mentors) < 0.8,
    )
    return youths, mentors
