from .questionnaires import Answer, Item, Questionnaire, QuestionnaireQuerySet, Response

__all__ = ["Answer", "Item", "Questionnaire", "QuestionnaireQuerySet", "Response"]
