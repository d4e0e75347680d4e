from django.db import models
from django.utils.translation import gettext_lazy as _


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
