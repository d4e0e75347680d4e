from .cadence import DUE_SOON_DAYS, Cadence
from .meetings import CONFIRMATION_DELAY, Meeting, MeetingQuerySet, PlannedMeeting
from .objectives import MAX_OBJECTIVES, Objective, ObjectiveChange, suggested_objectives
from .pairs import ANSWER_DELAY, PAIR_TRANSITIONS, Pair, PairEvent, PairQuerySet
from .runs import MatchingRun, MatchingWeights, UnmatchedYouth

__all__ = [
    "ANSWER_DELAY",
    "CONFIRMATION_DELAY",
    "DUE_SOON_DAYS",
    "MAX_OBJECTIVES",
    "PAIR_TRANSITIONS",
    "Cadence",
    "MatchingRun",
    "MatchingWeights",
    "Meeting",
    "MeetingQuerySet",
    "Objective",
    "ObjectiveChange",
    "Pair",
    "PairEvent",
    "PairQuerySet",
    "PlannedMeeting",
    "UnmatchedYouth",
    "suggested_objectives",
]
