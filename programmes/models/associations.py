from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentorat.states import Transitions

from .. import rules
from ..enums import LabelStatus, ParticipantStatus, StaffRole
from ..tokens import HashedTokenField, new_token

rna_validator = RegexValidator(
    r"^W\d{9}$", _("Un numéro RNA s’écrit W suivi de 9 chiffres (W123456789).")
)
siren_validator = RegexValidator(r"^\d{9}$", _("Un numéro SIREN compte 9 chiffres."))


class Departement(models.Model):
    """Reference table, filled by a data migration from vocabulary/departements.py."""

    code = models.CharField(_("code"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=64)

    class Meta:
        verbose_name = _("département")
        verbose_name_plural = _("départements")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} — {self.name}"


def has_active_staff(association_ref: str) -> Exists:
    """Someone of the association's team can still sign in: someone can vet its people."""
    return Exists(
        StaffMembership.objects.filter(association=OuterRef(association_ref), user__is_active=True)
    )


class AssociationQuerySet(models.QuerySet):
    def labelled(self):
        return self.filter(label_status=LabelStatus.LABELLED)

    def staffed(self):
        return self.filter(has_active_staff("pk"))

    def without_staff(self):
        """Associations nobody can work for today: they need a coordinator."""
        return self.exclude(has_active_staff("pk"))

    def with_active_staff_count(self):
        return self.annotate(
            active_staff_count=Count(
                "memberships", filter=Q(memberships__user__is_active=True), distinct=True
            )
        )


# Which label decision may follow which state.
LABEL_TRANSITIONS = Transitions(
    {
        LabelStatus.CANDIDATE: {LabelStatus.LABELLED, LabelStatus.WITHDRAWN},
        LabelStatus.LABELLED: {LabelStatus.SUSPENDED, LabelStatus.WITHDRAWN, LabelStatus.LABELLED},
        LabelStatus.SUSPENDED: {LabelStatus.LABELLED, LabelStatus.WITHDRAWN},
        LabelStatus.WITHDRAWN: {LabelStatus.LABELLED},
    }
)


class Association(models.Model):
    name = models.CharField(_("nom"), max_length=200, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=200, unique=True)
    rna = models.CharField(_("numéro RNA"), max_length=10, blank=True, validators=[rna_validator])
    siren = models.CharField(
        _("numéro SIREN"), max_length=9, blank=True, validators=[siren_validator]
    )
    contact_email = models.EmailField(_("adresse de contact"), blank=True)
    departements = models.ManyToManyField(
        Departement, verbose_name=_("départements couverts"), blank=True, related_name="+"
    )
    label_status = models.CharField(
        _("label"), max_length=16, choices=LabelStatus, default=LabelStatus.CANDIDATE
    )

    objects = AssociationQuerySet.as_manager()

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rna="") | Q(rna__regex=r"^W[0-9]{9}$"),
                name="association_rna_format",
                violation_error_message=_("Numéro RNA invalide."),
            ),
            models.CheckConstraint(
                condition=Q(siren="") | Q(siren__regex=r"^[0-9]{9}$"),
                name="association_siren_format",
                violation_error_message=_("Numéro SIREN invalide."),
            ),
            # Either number may be missing (one is enough), never shared.
            models.UniqueConstraint(
                fields=["rna"],
                condition=~Q(rna=""),
                name="association_rna_unique",
                violation_error_message=_("Une association porte déjà ce numéro RNA."),
            ),
            models.UniqueConstraint(
                fields=["siren"],
                condition=~Q(siren=""),
                name="association_siren_unique",
                violation_error_message=_("Une association porte déjà ce numéro SIREN."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_labelled(self) -> bool:
        """Only a labelled association takes new youths and runs matching."""
        return self.label_status == LabelStatus.LABELLED

    @transaction.atomic
    def decide_label(
        self,
        status: LabelStatus,
        *,
        by,
        reason: str = "",
        campaign_year: int | None = None,
        funding_euros: int | None = None,
    ) -> "LabelDecision":
        LABEL_TRANSITIONS.check(
            self.label_status,
            status,
            _("Impossible de passer de « %(from)s » à « %(to)s ».")
            % {"from": self.get_label_status_display(), "to": LabelStatus(status).label},
        )
        decision = LabelDecision.objects.create(
            association=self,
            status=status,
            decided_by=by,
            reason=reason,
            campaign_year=campaign_year,
            funding_euros=funding_euros,
        )
        self.label_status = status
        self.save(update_fields=["label_status"])
        return decision

    def label(self, *, by, campaign_year: int, funding_euros: int, reason: str = ""):
        return self.decide_label(
            LabelStatus.LABELLED,
            by=by,
            reason=reason,
            campaign_year=campaign_year,
            funding_euros=funding_euros,
        )

    def suspend(self, *, by, reason: str):
        """Running pairs go on; no new youth and no new pair until labelled again."""
        return self.decide_label(LabelStatus.SUSPENDED, by=by, reason=reason)

    def withdraw(self, *, by, reason: str):
        return self.decide_label(LabelStatus.WITHDRAWN, by=by, reason=reason)


class LabelDecision(models.Model):
    """One dated decision in an association's label history."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="label_decisions"
    )
    status = models.CharField(_("décision"), max_length=16, choices=LabelStatus)
    decided_at = models.DateTimeField(_("date"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidé par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("motif"), blank=True)
    campaign_year = models.PositiveSmallIntegerField(
        _("campagne"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2021), MaxValueValidator(2100)],
    )
    funding_euros = models.PositiveIntegerField(_("financement de l’État (euros)"), null=True)

    class Meta:
        verbose_name = _("décision de label")
        verbose_name_plural = _("décisions de label")
        ordering = ["-decided_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=LabelStatus.LABELLED)
                | Q(campaign_year__isnull=False, funding_euros__isnull=False),
                name="label_decision_labelled_has_campaign_and_funding",
                violation_error_message=_(
                    "Un label précise l’année de campagne et le financement accordé."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status=LabelStatus.LABELLED) | ~Q(reason=""),
                name="label_decision_sanction_has_reason",
                violation_error_message=_("Une suspension ou un retrait est motivé."),
            ),
        ]

    def __str__(self):
        return f"{self.association} — {self.get_status_display()} ({self.decided_at:%d/%m/%Y})"


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

    @property
    def is_coordinator(self) -> bool:
        return self.role == StaffRole.COORDINATOR


INVITATION_VALIDITY = timedelta(days=14)


class StaffInvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class StaffInvitation(models.Model):
    """A coordinator invites someone by email; the link makes them staff once signed in."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("adresse électronique"))
    role = models.CharField(_("fonction"), max_length=16, choices=StaffRole)
    token = HashedTokenField(unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = StaffInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")),
                name="staff_invitation_expires_after_creation",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.association}"

    def save(self, *args, **kwargs):
        if self.expires_at is None:
            self.expires_at = self.created_at + INVITATION_VALIDITY
        super().save(*args, **kwargs)

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class ProgrammeQuerySet(models.QuerySet):
    def open_for_signup(self):
        """Programmes a newcomer may join: open, and run by a labelled association."""
        return self.filter(open_for_signup=True, association__label_status=LabelStatus.LABELLED)

    def staffed(self):
        """Programmes whose association has someone to vet the people it receives."""
        return self.filter(has_active_staff("association"))

    def for_age(self, age: int):
        return self.filter(age_min__lte=age, age_max__gte=age)

    def serving(self, departement_code: str):
        return self.filter(departements=departement_code)

    def with_youth_count(self):
        """Youths attached and still in the running, to compare with the capacity."""
        return self.annotate(
            youth_count=Count(
                "youthprofiles",
                filter=~Q(youthprofiles__status=ParticipantStatus.REJECTED),
                distinct=True,
            )
        )

    def with_room(self):
        return self.with_youth_count().filter(youth_count__lt=F("capacity"))


class Programme(models.Model):
    """What an association runs, with its cadence policy (never below the national rules)."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="programmes"
    )
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    age_min = models.PositiveSmallIntegerField(
        _("âge minimum"),
        default=rules.MIN_AGE,
        validators=[MinValueValidator(rules.MIN_AGE), MaxValueValidator(rules.MAX_AGE)],
    )
    age_max = models.PositiveSmallIntegerField(
        _("âge maximum"),
        default=25,
        validators=[MinValueValidator(rules.MIN_AGE), MaxValueValidator(rules.MAX_AGE)],
    )
    departements = models.ManyToManyField(
        Departement, verbose_name=_("départements"), related_name="programmes"
    )
    needs = models.PositiveIntegerField(_("besoins auxquels il répond"), default=0)
    capacity = models.PositiveIntegerField(
        _("capacité (jeunes)"), default=100, validators=[MinValueValidator(1)]
    )
    open_for_signup = models.BooleanField(_("ouvert aux inscriptions"), default=True)
    min_duration_months = models.PositiveSmallIntegerField(
        _("durée minimale (mois)"),
        default=rules.MIN_DURATION_MONTHS,
        validators=[MinValueValidator(rules.MIN_DURATION_MONTHS), MaxValueValidator(36)],
    )
    max_interval_weeks = models.PositiveSmallIntegerField(
        _("intervalle maximal entre deux rencontres (semaines)"),
        default=rules.MAX_INTERVAL_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(rules.MAX_INTERVAL_WEEKS)],
    )
    min_meeting_minutes = models.PositiveSmallIntegerField(
        _("durée minimale d'une rencontre (minutes)"),
        default=rules.MIN_MEETING_MINUTES,
        validators=[MinValueValidator(rules.MIN_MEETING_MINUTES), MaxValueValidator(480)],
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["association__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_duration_months__gte=rules.MIN_DURATION_MONTHS),
                name="programme_min_duration_national",
                violation_error_message=_("Un mentorat dure au moins 6 mois."),
            ),
            models.CheckConstraint(
                condition=Q(
                    max_interval_weeks__gte=1, max_interval_weeks__lte=rules.MAX_INTERVAL_WEEKS
                ),
                name="programme_max_interval_national",
                violation_error_message=_("Une rencontre au moins toutes les 6 semaines."),
            ),
            models.CheckConstraint(
                condition=Q(min_meeting_minutes__gte=rules.MIN_MEETING_MINUTES),
                name="programme_min_meeting_national",
                violation_error_message=_("Une rencontre dure au moins 1 h 30."),
            ),
            models.CheckConstraint(
                condition=Q(age_min__gte=rules.MIN_AGE, age_max__lte=rules.MAX_AGE)
                & Q(age_min__lte=F("age_max")),
                name="programme_age_range",
                violation_error_message=_(
                    "La tranche d’âge va de 13 à 30 ans, le minimum avant le maximum."
                ),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="programme_capacity_positive",
                violation_error_message=_("Un programme accueille au moins un jeune."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.association})"
