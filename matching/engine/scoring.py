"""The reference definition of a pair's hard rules and score, vectorised over pairs.

Every score the engine returns comes from here; the fast screening of :mod:`.screening` only
decides which pairs are worth scoring.

Hard rules (:class:`HardRule`): the youth is matchable; the mentor has a free place; a minor's
mentor holds a valid honorability attestation; a same-gender preference is met; the pair can
meet, in person (same or neighbouring département, both accepting in person) or remotely
(both accepting remote); and a youth who stated needs shares at least one with the mentor.
A pair with no need in common is not a candidate: the programme pairs youths to help with
what they asked for, and such a pair could otherwise win on geography and availability alone.

Each criterion is a fraction in [0, 1]. A criterion the youth left empty (no stated need, no
sector preference, no availability, no language) does not apply: it is left out of the
weighted average instead of counting as a failure or a success. The score is that weighted
average in points, from 0 to 100.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .codes import Criterion, Format, HardRule
from .departements import NEAR
from .population import NO_SECTOR, MenteeArrays, MentorArrays
from .weights import Weights

SAME_DEPARTEMENT = 1.0
NEIGHBOUR_DEPARTEMENT = 0.6
DISTANT = 0.3  # only reachable remotely
MAX_POINTS = 100.0
ASSESS_CHUNK = 1 << 15

_FORMATS = list(Format)
ACCEPTS_IN_PERSON = np.array([f.accepts_in_person for f in _FORMATS])
ACCEPTS_REMOTE = np.array([f.accepts_remote for f in _FORMATS])


class PairView:
    """Columns of both sides gathered for a list of pairs, and what follows from them."""

    def __init__(
        self,
        mentees: MenteeArrays,
        mentors: MentorArrays,
        youth: np.ndarray,
        mentor: np.ndarray,
    ) -> None:
        self.mentees, self.mentors = mentees, mentors
        self.youth, self.mentor = np.asarray(youth), np.asarray(mentor)
        youth_departement = mentees.departement[self.youth]
        mentor_departement = mentors.departement[self.mentor]
        self.same_departement = youth_departement == mentor_departement
        self.near = NEAR[youth_departement, mentor_departement]
        youth_format = mentees.format[self.youth]
        mentor_format = mentors.format[self.mentor]
        youth_in_person = ACCEPTS_IN_PERSON[youth_format]
        youth_remote = ACCEPTS_REMOTE[youth_format]
        self.youth_modes = youth_in_person.astype(np.int8) + youth_remote
        self.in_person = self.near & youth_in_person & ACCEPTS_IN_PERSON[mentor_format]
        self.remote = youth_remote & ACCEPTS_REMOTE[mentor_format]

    def youth_column(self, name: str) -> np.ndarray:
        return getattr(self.mentees, name)[self.youth]

    def mentor_column(self, name: str) -> np.ndarray:
        return getattr(self.mentors, name)[self.mentor]

    def overlap(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """Bits shared on a bitmask column, and the youth's own count of bits."""
        youth_bits = self.youth_column(name)
        shared = np.bitwise_count(youth_bits & self.mentor_column(name))
        return shared, np.bitwise_count(youth_bits)

    def broken_rules(self) -> dict[HardRule, np.ndarray]:
        """For each hard rule, which pairs break it."""
        shared_needs, youth_needs = self.overlap("needs")
        youth_gender = self.youth_column("gender")
        return {
            HardRule.NOT_MATCHABLE: ~self.youth_column("matchable"),
            HardRule.NO_CAPACITY: self.mentor_column("capacity") <= 0,
            HardRule.MINOR_WITHOUT_ATTESTATION: self.youth_column("is_minor")
            & ~self.mentor_column("has_attestation"),
            # An unknown gender never satisfies a same-gender preference.
            HardRule.GENDER_PREFERENCE: self.youth_column("same_gender_only")
            & ((youth_gender != self.mentor_column("gender")) | (youth_gender < 0)),
            HardRule.NO_MEETING_MODE: ~(self.in_person | self.remote),
            # A youth who stated needs is only paired with a mentor who helps with one of them.
            HardRule.NO_COMMON_NEED: (youth_needs > 0) & (shared_needs == 0),
        }

    def feasible(self) -> np.ndarray:
        broken = np.zeros(len(self.youth), dtype=bool)
        for rule_broken in self.broken_rules().values():
            broken |= rule_broken
        return ~broken

    def fractions(self) -> dict[Criterion, np.ndarray]:
        """How well each pair meets each criterion, from 0 to 1."""
        geography = np.where(
            self.same_departement,
            SAME_DEPARTEMENT,
            np.where(self.near, NEIGHBOUR_DEPARTEMENT, DISTANT),
        )
        youth_sector = self.youth_column("sector")
        same_sector = (youth_sector != NO_SECTOR) & (youth_sector == self.mentor_column("sector"))
        meeting_modes = self.in_person.astype(np.int8) + self.remote.astype(np.int8)
        fractions = {
            Criterion.GEOGRAPHY: geography,
            Criterion.SECTOR: same_sector.astype(np.float64),
            Criterion.FORMAT: meeting_modes / np.maximum(self.youth_modes, 1),
        }
        for criterion, column in (
            (Criterion.NEEDS, "needs"),
            (Criterion.AVAILABILITY, "availability"),
            (Criterion.LANGUAGES, "languages"),
        ):
            shared, own = self.overlap(column)
            fractions[criterion] = shared / np.maximum(own, 1)
        return {criterion: fractions[criterion] for criterion in Criterion}

    def contributions(self, weights: Weights) -> dict[Criterion, np.ndarray]:
        """Each criterion's points; they add up to the score."""
        worth = full_points(criteria_applying(self.mentees, self.youth), weights)
        return {
            criterion: worth[criterion] * fraction
            for criterion, fraction in self.fractions().items()
        }

    def scores(self, weights: Weights) -> np.ndarray:
        return ordered_sum(self.contributions(weights).values())


def criteria_applying(
    mentees: MenteeArrays, youth: np.ndarray | slice
) -> dict[Criterion, np.ndarray]:
    """Whether each criterion applies to these youths: those they left empty do not."""
    always = np.ones(len(mentees.ids[youth]), dtype=bool)
    return {
        Criterion.GEOGRAPHY: always,
        Criterion.NEEDS: mentees.needs[youth] > 0,
        Criterion.SECTOR: mentees.sector[youth] != NO_SECTOR,
        Criterion.FORMAT: always,
        Criterion.AVAILABILITY: mentees.availability[youth] > 0,
        Criterion.LANGUAGES: mentees.languages[youth] > 0,
    }


def full_points(
    applying: dict[Criterion, np.ndarray], weights: Weights
) -> dict[Criterion, np.ndarray]:
    """What each criterion fully met is worth: applicable ones share 100 points by weight."""
    weight = {criterion: weights.of(criterion) * applying[criterion] for criterion in Criterion}
    total_weight = ordered_sum(weight.values())
    scale = np.divide(
        MAX_POINTS, total_weight, out=np.zeros_like(total_weight), where=total_weight > 0
    )
    return {criterion: weight[criterion] * scale for criterion in Criterion}


def ordered_sum(terms: Iterable[np.ndarray]) -> np.ndarray:
    """Add terms in the given order: one pair's score is then identical wherever computed."""
    total = None
    for term in terms:
        total = term if total is None else total + term
    return total


def assess_pairs(
    mentees: MenteeArrays,
    mentors: MentorArrays,
    youth: np.ndarray,
    mentor: np.ndarray,
    weights: Weights,
) -> tuple[np.ndarray, np.ndarray]:
    """Whether pairs (index arrays) satisfy every hard rule, and their scores in points.

    Previous exclusions are checked apart. Works in chunks that keep temporaries in cache.
    """
    feasible = np.empty(len(youth), dtype=bool)
    scores = np.empty(len(youth))
    for start in range(0, len(youth), ASSESS_CHUNK):
        chunk = slice(start, start + ASSESS_CHUNK)
        view = PairView(mentees, mentors, youth[chunk], mentor[chunk])
        feasible[chunk] = view.feasible()
        scores[chunk] = view.scores(weights)
    return feasible, scores


def pair_scores(
    mentees: MenteeArrays,
    mentors: MentorArrays,
    youth: np.ndarray,
    mentor: np.ndarray,
    weights: Weights,
) -> np.ndarray:
    """Scores in points (0-100) of pairs given as index arrays into both populations."""
    return assess_pairs(mentees, mentors, youth, mentor, weights)[1]
