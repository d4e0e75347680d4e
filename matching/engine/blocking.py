"""Blocks of pairs worth screening, so that nobody scores 18 billion pairs nationally.

* Nearby blocks, one per département: its youths against the available mentors of that
  département and its neighbours, whatever their formats (the format rules are checked in
  the block).
* Distant pools, for pairs that can only meet remotely: youths accepting remote, grouped by
  their main need, against the available mentors accepting remote who help with that need.
  A pool larger than ``pool_size`` mentors is split by sector, so that each youth still meets
  the mentors of its own sector.

Nearby blocks hold every feasible nearby pair. Distant pools are the one approximation: a
distant mentor outside the youth's main need and sector group is not considered (measured:
a pool of 1,000 mentors scores as well as one of 4,000, as distant pairs rarely win).
"""

from __future__ import annotations

import numpy as np

from .codes import Need
from .departements import NEAR
from .population import NO_SECTOR, MenteeArrays, MentorArrays
from .scoring import ACCEPTS_REMOTE, DISTANT, NEIGHBOUR_DEPARTEMENT, SAME_DEPARTEMENT
from .screening import Block

DEFAULT_POOL_SIZE = 1000
NO_NEED = len(Need)  # main need of a youth who stated none


def main_need(needs: np.ndarray) -> np.ndarray:
    """Position of the first need in :class:`Need` order, ``NO_NEED`` when none is set."""
    lowest_bit = needs.astype(np.int64) & -needs.astype(np.int64)
    return np.where(needs > 0, np.log2(np.maximum(lowest_bit, 1)).astype(np.int64), NO_NEED)


def plan_blocks(mentees: MenteeArrays, mentors: MentorArrays, pool_size: int) -> list[Block]:
    """Nearby blocks and distant pools covering every pair worth screening."""
    youths = np.flatnonzero(mentees.matchable)
    available = np.flatnonzero(mentors.capacity > 0)
    blocks = []
    youth_departement = mentees.departement[youths]
    # Youths with equal needs sit together: they share the needs penalty row.
    order = np.lexsort((mentees.needs[youths], youth_departement))
    youths_by_departement = np.split(
        youths[order], np.flatnonzero(np.diff(youth_departement[order])) + 1
    )
    for group in youths_by_departement:
        if len(group) == 0:
            continue
        departement = mentees.departement[group[0]]
        nearby = available[NEAR[departement, mentors.departement[available]]]
        geography = np.where(
            mentors.departement[nearby] == departement, SAME_DEPARTEMENT, NEIGHBOUR_DEPARTEMENT
        )
        blocks.append(Block(group, nearby, geography.astype(np.float32), distant=False))

    remote_youths = youths[ACCEPTS_REMOTE[mentees.format[youths]]]
    remote_mentors = available[ACCEPTS_REMOTE[mentors.format[available]]]
    youth_need = main_need(mentees.needs[remote_youths])
    for need in range(len(Need) + 1):
        pool_youths = remote_youths[youth_need == need]
        pool_mentors = remote_mentors
        if need != NO_NEED:
            pool_mentors = remote_mentors[(mentors.needs[remote_mentors] >> need) & 1 == 1]
        if len(pool_youths) and len(pool_mentors):
            blocks.extend(_distant_pools(mentees, mentors, pool_youths, pool_mentors, pool_size))
    return blocks


def _distant_pools(
    mentees: MenteeArrays,
    mentors: MentorArrays,
    youths: np.ndarray,
    pool_mentors: np.ndarray,
    pool_size: int,
) -> list[Block]:
    """Split one need's pool into groups of about ``pool_size`` mentors, by sector.

    Mentors are lined up by sector (those without one spread among them) and cut into equal
    groups; a youth joins a group holding mentors of its own sector, or any group if it has
    no sector preference. Hashes of the ids make the spreading deterministic.
    """
    n_groups = -(-len(pool_mentors) // pool_size)
    sector, spread = mentors.sector[pool_mentors], _spread(mentors.ids[pool_mentors])
    line_up = np.where(sector == NO_SECTOR, spread % (sector.max(initial=0) + 1), sector)
    order = np.lexsort((spread, line_up))
    pool_mentors, line_up = pool_mentors[order], line_up[order]
    mentor_group = np.arange(len(pool_mentors)) * n_groups // len(pool_mentors)

    youth_sector, youth_spread = mentees.sector[youths], _spread(mentees.ids[youths])
    first = np.searchsorted(line_up, youth_sector, side="left").clip(max=len(line_up) - 1)
    last = (np.searchsorted(line_up, youth_sector, side="right") - 1).clip(min=0)
    low, high = mentor_group[first], mentor_group[last]
    in_sector = (youth_sector != NO_SECTOR) & (line_up[first] == youth_sector)
    youth_group = np.where(
        in_sector, low + youth_spread % np.maximum(high - low + 1, 1), youth_spread % n_groups
    )
    blocks = []
    for group in range(n_groups):
        members = youths[youth_group == group]
        # Youths of a département sit together: they share the distance penalty row.
        members = members[np.argsort(mentees.departement[members], kind="stable")]
        group_mentors = np.sort(pool_mentors[mentor_group == group])
        if len(members):
            geography = np.full(len(group_mentors), DISTANT, dtype=np.float32)
            blocks.append(Block(members, group_mentors, geography, distant=True))
    return blocks


def _spread(ids: np.ndarray) -> np.ndarray:
    """A well-mixed non-negative hash of ids (Fibonacci hashing)."""
    return ((ids.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(33)).astype(
        np.int64
    )
