"""What the RGPD rules did, without the data they removed: an erasure's date and cause, the
closed pairs whose notes are already removed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ErasureCause(models.TextChoices):
    REQUEST = "request", _("À la demande de la personne")
    INACTIVITY = "inactivity", _("Compte inactif depuis 2 ans")
    REJECTED = "rejected", _("Inscription refusée depuis 6 mois")


class Erasure(models.Model):
    """A person's account was anonymised: it stays (a pair stays counted), without names."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure"
    )
    at = models.DateTimeField(_("effacé le"), default=timezone.now)
    cause = models.CharField(_("cause"), max_length=12, choices=ErasureCause)

    class Meta:
        verbose_name = _("effacement")
        verbose_name_plural = _("effacements")

    def __str__(self):
        return f"{self.get_cause_display()} ({self.at:%Y-%m-%d})"


class ClearedPair(models.Model):
    """A closed pair whose free-text notes the retention rule removed."""

    pair = models.OneToOneField("matching.Pair", on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(_("notes effacées le"), default=timezone.now)

    class Meta:
        verbose_name = _("binôme dont les notes sont effacées")
        verbose_name_plural = _("binômes dont les notes sont effacées")

    def __str__(self):
        return f"{self.pair_id} ({self.at:%Y-%m-%d})"
