from .followup import FollowUpNote, contact_due, with_contacts
from .questionnaires import Answer, Item, Questionnaire, QuestionnaireQuerySet, Response

__all__ = [
    "Answer",
    "FollowUpNote",
    "Item",
    "Questionnaire",
    "QuestionnaireQuerySet",
    "Response",
    "contact_due",
    "with_contacts",
]
