from django.db import models
from django.utils.translation import gettext_lazy as _


class LabelStatus(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    LABELLED = "labelled", _("Labellisée")
    SUSPENDED = "suspended", _("Suspendue")
    WITHDRAWN = "withdrawn", _("Label retiré")


class StaffRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinateur·rice")
    REFERENT = "referent", _("Référent·e")
