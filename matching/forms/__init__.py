from .pair_life import (
    CompletionConfirmForm,
    EndEarlyForm,
    MeetingAnswerForm,
    MeetingLogForm,
    ObjectiveForm,
    ObjectiveStatusForm,
    PlanForm,
)
from .proposals import AnswerForm, ProposalDecisionForm, RejectionForm, WeightsForm

__all__ = [
    "AnswerForm",
    "CompletionConfirmForm",
    "EndEarlyForm",
    "MeetingAnswerForm",
    "MeetingLogForm",
    "ObjectiveForm",
    "ObjectiveStatusForm",
    "PlanForm",
    "ProposalDecisionForm",
    "RejectionForm",
    "WeightsForm",
]
