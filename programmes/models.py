from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import rules
from .enums import LabelStatus, StaffRole


class AssociationQuerySet(models.QuerySet):
    def labelled(self):
        return self.filter(label_status=LabelStatus.LABELLED)

    def staffed_by(self, user):
        return self.filter(memberships__user=user)


class Association(models.Model):
    name = models.CharField(_("nom"), max_length=200, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=200, unique=True)
    contact_email = models.EmailField(_("adresse de contact"), blank=True)
    label_status = models.CharField(
        _("label"), max_length=16, choices=LabelStatus, default=LabelStatus.CANDIDATE
    )

    objects = AssociationQuerySet.as_manager()

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StaffMembership(models.Model):
    """A person of an association's team. One person may work for several associations."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("fonction"), max_length=16, choices=StaffRole)

    class Meta:
        verbose_name = _("membre de l'équipe")
        verbose_name_plural = _("membres des équipes")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "association"],
                name="staff_membership_unique",
                violation_error_message=_("Cette personne fait déjà partie de l'équipe."),
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.association} ({self.get_role_display()})"


class Programme(models.Model):
    """What an association runs, with its cadence policy (never below the national rules)."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="programmes"
    )
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    min_duration_months = models.PositiveSmallIntegerField(
        _("durée minimale (mois)"),
        default=rules.MIN_DURATION_MONTHS,
        validators=[MinValueValidator(rules.MIN_DURATION_MONTHS)],
    )
    max_interval_weeks = models.PositiveSmallIntegerField(
        _("intervalle maximal entre deux rencontres (semaines)"),
        default=rules.MAX_INTERVAL_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(rules.MAX_INTERVAL_WEEKS)],
    )
    min_meeting_minutes = models.PositiveSmallIntegerField(
        _("durée minimale d'une rencontre (minutes)"),
        default=rules.MIN_MEETING_MINUTES,
        validators=[MinValueValidator(rules.MIN_MEETING_MINUTES)],
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["association__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_duration_months__gte=rules.MIN_DURATION_MONTHS),
                name="programme_min_duration_national",
                violation_error_message=_("Un mentorat dure au moins 6 mois."),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    max_interval_weeks__gte=1, max_interval_weeks__lte=rules.MAX_INTERVAL_WEEKS
                ),
                name="programme_max_interval_national",
                violation_error_message=_("Une rencontre au moins toutes les 6 semaines."),
            ),
            models.CheckConstraint(
                condition=models.Q(min_meeting_minutes__gte=rules.MIN_MEETING_MINUTES),
                name="programme_min_meeting_national",
                violation_error_message=_("Une rencontre dure au moins 1 h 30."),
            ),
        ]

    def __str__(self):
        return self.name
