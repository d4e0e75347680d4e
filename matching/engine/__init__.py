"""The matching engine: pure NumPy and OR-tools, no Django.

Typical use from the Django layer::

    mentees = MenteeArrays(ids=..., departement=..., ...)  # or MenteeArrays.from_records(...)
    mentors = MentorArrays(ids=..., ...)
    result = run_matching(mentees, mentors, weights=programme_weights, excluded_pairs=pairs)
    for proposal in result.proposals(): ...           # mentee_id, mentor_id, score
    for youth in result.unmatched(): ...              # mentee_id, reason, params
    result.unmatched_by_departement()                 # {"93": 120, ...}

    suggest_mentors(mentee_record, mentors, weights=programme_weights)  # one youth's page
    explain(mentee_record, mentor_record, programme_weights)            # one pair's reasons

Everything the Django layer shows is a code (see :mod:`.codes`), to be translated there.
"""

from .batch import (
    MatchingResult,
    Proposal,
    Unmatched,
    assign,
    find_candidates,
    run_matching,
)
from .candidates import DEFAULT_K, DEFAULT_PER_PLACE, Candidates
from .codes import (
    Criterion,
    Format,
    Gender,
    HardRule,
    Language,
    MeetingMode,
    Need,
    Proximity,
    Slot,
    UnmatchedReason,
)
from .departements import DEPARTEMENT_CODES, DEPARTEMENTS, departement_index
from .explain import Explanation, ExplanationItem, PairExplanations, explain, explain_pair
from .population import (
    NO_SECTOR,
    UNKNOWN_GENDER,
    InvalidPopulationError,
    Mentee,
    MenteeArrays,
    Mentor,
    MentorArrays,
)
from .scoring import pair_scores
from .suggestions import Suggestion, suggest_mentors
from .weights import InvalidWeightsError, MatchingError, Weights

__all__ = [
    "DEFAULT_K",
    "DEFAULT_PER_PLACE",
    "DEPARTEMENTS",
    "DEPARTEMENT_CODES",
    "NO_SECTOR",
    "UNKNOWN_GENDER",
    "Candidates",
    "Criterion",
    "Explanation",
    "ExplanationItem",
    "Format",
    "Gender",
    "HardRule",
    "InvalidPopulationError",
    "InvalidWeightsError",
    "Language",
    "MatchingError",
    "MatchingResult",
    "MeetingMode",
    "Mentee",
    "MenteeArrays",
    "Mentor",
    "MentorArrays",
    "Need",
    "Proposal",
    "Proximity",
    "Slot",
    "Suggestion",
    "Unmatched",
    "UnmatchedReason",
    "Weights",
    "assign",
    "departement_index",
    "explain",
    "explain_pair",
    "PairExplanations",
    "find_candidates",
    "pair_scores",
    "run_matching",
    "suggest_mentors",
]
