from .followup import FollowUpNote, contact_due, with_contacts
from .meetings import ClosureEvaluation, MeetingEvaluation, evaluator_role
from .questionnaires import (
    Answer,
    Item,
    ObjectiveOutcome,
    Questionnaire,
    QuestionnaireQuerySet,
    Response,
)

__all__ = [
    "Answer",
    "ClosureEvaluation",
    "FollowUpNote",
    "Item",
    "MeetingEvaluation",
    "ObjectiveOutcome",
    "Questionnaire",
    "QuestionnaireQuerySet",
    "Response",
    "contact_due",
    "evaluator_role",
    "with_contacts",
]
