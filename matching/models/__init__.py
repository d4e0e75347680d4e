from .pairs import ANSWER_DELAY, PAIR_TRANSITIONS, Pair, PairEvent, PairQuerySet
from .runs import MatchingRun, MatchingWeights, UnmatchedYouth

__all__ = [
    "ANSWER_DELAY",
    "PAIR_TRANSITIONS",
    "MatchingRun",
    "MatchingWeights",
    "Pair",
    "PairEvent",
    "PairQuerySet",
    "UnmatchedYouth",
]
