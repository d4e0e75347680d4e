"""What every page may compare with: the states as enums, never as string literals."""

from matching.enums import PairStatus, RunStatus
from programmes.enums import LabelStatus, ParticipantStatus

STATUSES = {
    "LabelStatus": LabelStatus,
    "PairStatus": PairStatus,
    "ParticipantStatus": ParticipantStatus,
    "RunStatus": RunStatus,
}


def statuses(request) -> dict:
    return STATUSES
