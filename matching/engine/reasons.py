"""Why youths were left without a proposal."""

from __future__ import annotations

import numpy as np

from .codes import Need, UnmatchedReason
from .departements import NEAR
from .population import MenteeArrays, MentorArrays
from .scoring import ACCEPTS_IN_PERSON, ACCEPTS_REMOTE

_NEEDS_VALUES = np.arange(1 << len(Need))
# HELPS[v, u]: a mentor helping with needs u can help a youth asking for needs v (any need
# in common; a youth who stated no need can be helped by anyone).
HELPS = ((_NEEDS_VALUES[:, None] & _NEEDS_VALUES[None, :]) != 0) | (_NEEDS_VALUES[:, None] == 0)


def unmatched_reasons(
    mentees: MenteeArrays,
    mentors: MentorArrays,
    unmatched: np.ndarray,
    candidate_count: np.ndarray,
) -> np.ndarray:
    """The :class:`UnmatchedReason` position of each unmatched youth (row indices given).

    A youth without any candidate is told apart: either no mentor with a free place who can
    meet them helps with any of their needs (``NO_MENTOR_IN_DEPARTEMENT``), or such mentors
    exist and the hard rules (gender preference, attestation for minors, earlier exclusions)
    or the distant pools' grouping left none (``NO_COMPATIBLE_MENTOR``).
    """
    reason = np.full(len(unmatched), UnmatchedReason.CAPACITY_EXHAUSTED.position, dtype=np.int8)
    no_candidate = candidate_count[unmatched] == 0
    reachable = _reachable_helpers(mentees, mentors, unmatched[no_candidate]) > 0
    reason[np.flatnonzero(no_candidate)] = np.where(
        reachable,
        UnmatchedReason.NO_COMPATIBLE_MENTOR.position,
        UnmatchedReason.NO_MENTOR_IN_DEPARTEMENT.position,
    )
    reason[~mentees.matchable[unmatched]] = UnmatchedReason.CONSENT_MISSING.position
    return reason


def _reachable_helpers(
    mentees: MenteeArrays, mentors: MentorArrays, youths: np.ndarray
) -> np.ndarray:
    """For each youth, a count that is positive when some mentor with a free place could
    meet them and help them (mentors accepting both ways of meeting count twice)."""
    available = mentors.capacity > 0
    in_person = available & ACCEPTS_IN_PERSON[mentors.format]
    remote = available & ACCEPTS_REMOTE[mentors.format]
    # Mentors accepting in-person meetings per (département, needs value), then summed over
    # each département's neighbourhood; remote ones only per needs value.
    n_values = len(_NEEDS_VALUES)
    by_departement = np.zeros((NEAR.shape[0], n_values), dtype=np.int64)
    np.add.at(by_departement, (mentors.departement[in_person], mentors.needs[in_person]), 1)
    nearby = NEAR.astype(np.int64) @ by_departement
    distant = np.bincount(mentors.needs[remote], minlength=n_values)

    needs = mentees.needs[youths]
    youth_format = mentees.format[youths]
    helps = HELPS[needs]
    in_person_count = (nearby[mentees.departement[youths]] * helps).sum(axis=1)
    remote_count = (distant[None, :] * helps).sum(axis=1)
    return (
        in_person_count * ACCEPTS_IN_PERSON[youth_format]
        + remote_count * ACCEPTS_REMOTE[youth_format]
    )
