from django.db import models
from django.utils.translation import gettext_lazy as _

from vocabulary.codes import Vocabulary


class PairStatus(models.TextChoices):
    """A pair's life: proposed -> approved -> active -> completed | ended early.
    A proposal may also be rejected by staff, declined by either person, or expire."""

    PROPOSED = "proposed", _("Proposé, à examiner par l’association")
    APPROVED = "approved", _("Validé, en attente des réponses")
    ACTIVE = "active", _("En cours")
    COMPLETED = "completed", _("Terminé")
    ENDED_EARLY = "ended_early", _("Arrêté avant terme")
    REJECTED = "rejected", _("Écarté par l’association")
    DECLINED = "declined", _("Refusé par le jeune ou le mentor")
    EXPIRED = "expired", _("Expiré sans réponse")


# A pair in one of these states holds a place with its mentor and keeps its youth busy.
OPEN_PAIR_STATUSES = (PairStatus.PROPOSED, PairStatus.APPROVED, PairStatus.ACTIVE)


class Answer(models.TextChoices):
    ACCEPTED = "accepted", _("Accepté")
    DECLINED = "declined", _("Refusé")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("En échec")


ACTIVE_RUN_STATUSES = (RunStatus.QUEUED, RunStatus.RUNNING)


# Pairs that ran and are over: read-only, kept forever.
CLOSED_PAIR_STATUSES = (PairStatus.COMPLETED, PairStatus.ENDED_EARLY)


class ClosureReason(models.TextChoices):
    """Why a pair ended: reached its objectives, or stopped before, for one of these reasons."""

    OBJECTIVES_REACHED = "objectives_reached", _("Objectifs atteints")
    YOUTH_WITHDREW = "youth_withdrew", _("Le jeune a souhaité arrêter")
    MENTOR_UNAVAILABLE = "mentor_unavailable", _("Le mentor n’est plus disponible")
    YOUTH_FOUND = "youth_found", _("Le jeune a trouvé ce qu’il cherchait")
    MOVED_AWAY = "moved_away", _("Déménagement")
    NO_CONTACT = "no_contact", _("Plus de contact")
    NO_FIT = "no_fit", _("Le binôme ne fonctionnait pas")
    SAFEGUARDING = "safeguarding", _("Inquiétude pour la sécurité du jeune")
    OTHER = "other", _("Autre raison")


# The reasons a pair may be ended early (all but reaching the objectives).
EARLY_END_REASONS = tuple(
    reason for reason in ClosureReason if reason != ClosureReason.OBJECTIVES_REACHED
)


class ObjectiveStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("En cours")
    REACHED = "reached", _("Atteint")
    ABANDONED = "abandoned", _("Abandonné")


class ObjectiveChangeKind(models.TextChoices):
    PROPOSED = "proposed", _("Objectif proposé")
    EDITED = "edited", _("Objectif modifié")
    STATUS = "status", _("Avancement de l’objectif")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("En présentiel")
    REMOTE = "remote", _("À distance (visio)")
    PHONE = "phone", _("Par téléphone")


class MeetingTopic(models.TextChoices):
    """What a meeting was about; stored as a bitmask (append new members at the end only)."""

    ORIENTATION = "orientation", _("Orientation, projet")
    JOBS = "jobs", _("Découverte de métiers et de secteurs")
    TRAINING = "training", _("Études et formations")
    CV = "cv", _("CV et lettre de motivation")
    INTERVIEW = "interview", _("Préparer un entretien")
    SEARCH = "search", _("Recherche de stage, d’alternance ou d’emploi")
    NETWORK = "network", _("Réseau, contacts")
    CONFIDENCE = "confidence", _("Confiance en soi")
    SCHOOL = "school", _("Scolarité, assiduité")
    DAILY_LIFE = "daily_life", _("Vie quotidienne, démarches")


# Its bits, in the order above (programmes.flags reads ``.vocabulary``, as for needs or slots).
MeetingTopic.vocabulary = Vocabulary(
    "MeetingTopicCode", [(member.name, member.value) for member in MeetingTopic]
)


class YouthConfirmation(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmée par le jeune")
    DISPUTED = "disputed", _("Le jeune dit qu’elle n’a pas eu lieu")


class CadenceStatus(models.TextChoices):
    UP_TO_DATE = "up_to_date", _("À jour")
    DUE_SOON = "due_soon", _("Rencontre à prévoir")
    LATE = "late", _("En retard")


class PairRole(models.TextChoices):
    """How a person looks at a pair: each role has its own view of the pair's page."""

    YOUTH = "youth", _("Jeune")
    MENTOR = "mentor", _("Mentor")
    REFERENT = "referent", _("Référent·e")
    COORDINATOR = "coordinator", _("Coordinateur·rice")
