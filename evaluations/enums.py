from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionnaireKind(models.TextChoices):
    """The youth's self-evaluation at the start of the mentoring, and again at its end."""

    START = "start", _("Questionnaire de départ")
    END = "end", _("Questionnaire de fin")


class ItemKind(models.TextChoices):
    LIKERT = "likert", _("Échelle de 1 à 5")
    YES_NO = "yes_no", _("Oui ou non")
    TEXT = "text", _("Réponse courte")


class Dimension(models.TextChoices):
    """What the self-evaluation looks at; progress is shown dimension by dimension."""

    CONFIDENCE = "confidence", _("Confiance en soi")
    PROJECT = "project", _("Projet d’orientation ou professionnel")
    KNOWLEDGE = "knowledge", _("Connaissance des métiers et des formations")
    NETWORK = "network", _("Réseau")
    SKILLS = "skills", _("Savoir-faire pratiques")
    ENGAGEMENT = "engagement", _("Engagement dans les études ou la formation")
    WELLBEING = "wellbeing", _("Bien-être et optimisme")
    SATISFACTION = "satisfaction", _("Satisfaction")
    RELATIONSHIP = "relationship", _("La relation avec le mentor")


# Dimensions asked only at the end: they look back on the mentoring itself.
END_ONLY_DIMENSIONS = (Dimension.SATISFACTION, Dimension.RELATIONSHIP)

# The 1-5 scale of agreement with a sentence.
LIKERT_CHOICES = [
    (1, _("Pas du tout d’accord")),
    (2, _("Plutôt pas d’accord")),
    (3, _("Ni d’accord ni pas d’accord")),
    (4, _("Plutôt d’accord")),
    (5, _("Tout à fait d’accord")),
]
YES, NO = 1, 0
YES_NO_CHOICES = [(YES, _("Oui")), (NO, _("Non"))]


class Outcome(models.TextChoices):
    """Whether an objective was reached, in the youth's own view at the end."""

    REACHED = "reached", _("Oui")
    PARTLY = "partly", _("En partie")
    NOT_REACHED = "not_reached", _("Non")


class Progress(models.TextChoices):
    """Did a meeting move an objective forward?"""

    YES = "yes", _("Oui")
    A_LITTLE = "a_little", _("Un peu")
    NO = "no", _("Non")


class Fit(models.TextChoices):
    """After the first meeting: does this pair suit you?"""

    YES = "yes", _("Oui")
    UNSURE = "unsure", _("Je ne sais pas encore")
    NO = "no", _("Non")


class EvaluatorRole(models.TextChoices):
    YOUTH = "youth", _("Jeune")
    MENTOR = "mentor", _("Mentor")


class ContactWith(models.TextChoices):
    """Whom the referent talked to in a follow-up contact."""

    MENTOR = "mentor", _("Le mentor")
    YOUTH = "youth", _("Le jeune")
    BOTH = "both", _("Le mentor et le jeune")


class Channel(models.TextChoices):
    PHONE = "phone", _("Téléphone")
    IN_PERSON = "in_person", _("En personne")
    VIDEO = "video", _("Visioconférence")
    MESSAGE = "message", _("Courriel ou message")
