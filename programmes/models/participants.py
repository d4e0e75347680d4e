"""Youths and mentors: who they are, what they look for, where they stand before matching."""

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentorat.states import InvalidTransition, Transitions

from .. import flags, rules
from ..enums import (
    Format,
    Gender,
    Language,
    Need,
    ParticipantStatus,
    Sector,
    Situation,
    Slot,
)
from .associations import Departement, Programme
from .querysets import MentorProfileQuerySet, ParticipantQuerySet, YouthProfileQuerySet

postal_code_validator = RegexValidator(
    r"^[0-9]{5}$", _("Un code postal s’écrit avec 5 chiffres, par exemple 75011.")
)
phone_validator = RegexValidator(
    r"^(\+33 ?|0)[1-9]( ?[0-9]{2}){4}$|^\+[0-9 ]{8,20}$",
    _("Numéro de téléphone invalide, par exemple 06 12 34 56 78."),
)

# How long a parent has to answer a consent request, and an attestation stays valid.
CONSENT_VALIDITY = timedelta(days=30)


def age_on(birth_date: date, day: date) -> int:
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


# What a mentor is told of a youth's age before the pair starts: a band, never the date.
AGE_BANDS = ((13, 14), (15, 17), (18, 21), (22, 25), (26, 30))


def age_band(age: int) -> str:
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return _("%(low)d à %(high)d ans") % {"low": low, "high": high}
    if age < AGE_BANDS[0][0]:
        return _("moins de %(high)d ans") % {"high": AGE_BANDS[0][0]}
    return _("%(low)d ans et plus") % {"low": AGE_BANDS[-1][1] + 1}


def vetting_constraints(prefix: str, *, without_programme, message) -> list:
    """What youths and mentors share in the database: someone reviewed belongs to a programme
    (only these states may have none), and a refusal always says why."""
    return [
        models.CheckConstraint(
            condition=Q(programme__isnull=False) | Q(status__in=without_programme),
            name=f"{prefix}_reviewed_within_a_programme",
            violation_error_message=message,
        ),
        models.CheckConstraint(
            condition=~Q(status=ParticipantStatus.REJECTED) | ~Q(status_reason=""),
            name=f"{prefix}_rejection_has_reason",
            violation_error_message=_("Un refus est toujours motivé."),
        ),
    ]


# The association's decisions on someone who signed up (the parent's consent and the waiting
# list move a youth to PENDING_REVIEW, see YouthProfile.consent_received).
VETTING_TRANSITIONS = Transitions(
    {
        ParticipantStatus.PENDING_REVIEW: {ParticipantStatus.READY, ParticipantStatus.REJECTED},
        ParticipantStatus.READY: {ParticipantStatus.REJECTED},
    }
)


class Participant(models.Model):
    """What youths and mentors share: place, preferences and the association's review."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)ss",
    )
    phone = models.CharField(
        _("téléphone"), max_length=20, blank=True, validators=[phone_validator]
    )
    postal_code = models.CharField(
        _("code postal"), max_length=5, validators=[postal_code_validator]
    )
    departement = models.ForeignKey(
        Departement, verbose_name=_("département"), on_delete=models.PROTECT, related_name="+"
    )
    gender = models.CharField(_("genre"), max_length=8, choices=Gender, default=Gender.OTHER)
    format = models.CharField(_("format des rencontres"), max_length=16, choices=Format)
    availability = models.PositiveIntegerField(_("disponibilités"), default=0)
    languages = models.PositiveIntegerField(_("langues"), default=flags.mask_of(Language, ["fr"]))
    needs = models.PositiveIntegerField(_("besoins"), default=0)
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=ParticipantStatus,
        default=ParticipantStatus.PENDING_REVIEW,
    )
    status_reason = models.TextField(_("motif"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("examiné par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("examiné le"), null=True, blank=True)
    # Set when matching criteria change after approval, so that staff can look again.
    criteria_changed_at = models.DateTimeField(_("critères modifiés le"), null=True, blank=True)
    charter_accepted_at = models.DateTimeField(_("charte acceptée le"))
    created_at = models.DateTimeField(_("inscrit(e) le"), default=timezone.now)
    # The local day of sign-up: dates given at sign-up cannot come after it (checked by the
    # database, which cannot compare with "today" itself).
    created_on = models.DateField(default=timezone.localdate, editable=False)

    objects = ParticipantQuerySet.as_manager()

    # The fields the matching engine reads: editing them after approval is flagged to staff.
    MATCHING_CRITERIA = ("departement", "format", "availability", "languages", "needs", "gender")

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.user)

    @property
    def association(self):
        return self.programme.association if self.programme else None

    @property
    def needs_labels(self) -> list[str]:
        return flags.labels_of(Need, self.needs)

    @property
    def availability_labels(self) -> list[str]:
        return flags.labels_of(Slot, self.availability)

    @property
    def languages_labels(self) -> list[str]:
        return flags.labels_of(Language, self.languages)

    def approve(self, *, by):
        VETTING_TRANSITIONS.check(
            self.status,
            ParticipantStatus.READY,
            _("Seule une inscription en cours d’examen peut être validée."),
        )
        self._review(ParticipantStatus.READY, by=by, reason="")

    def reject(self, *, by, reason: str):
        VETTING_TRANSITIONS.check(
            self.status,
            ParticipantStatus.REJECTED,
            _("Cette inscription ne peut pas être refusée."),
        )
        if not reason.strip():
            raise InvalidTransition(_("Un refus est toujours motivé."))
        self._review(ParticipantStatus.REJECTED, by=by, reason=reason.strip())

    def _review(self, status, *, by, reason):
        self.status = status
        self.status_reason = reason
        self.reviewed_by = by
        self.reviewed_at = timezone.now()
        self.criteria_changed_at = None
        self.save(
            update_fields=[
                "status",
                "status_reason",
                "reviewed_by",
                "reviewed_at",
                "criteria_changed_at",
            ]
        )

    def acknowledge_criteria_edit(self) -> None:
        """Staff have read the changes: the flag goes until the next edit."""
        self.criteria_changed_at = None
        self.save(update_fields=["criteria_changed_at"])

    def note_criteria_edit(self, changed_fields) -> None:
        """Called by edit forms: staff see when an approved person changed what matching reads."""
        if self.status == ParticipantStatus.READY and set(changed_fields) & set(
            self.MATCHING_CRITERIA
        ):
            self.criteria_changed_at = timezone.now()


class YouthProfile(Participant):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="youth_profile"
    )
    birth_date = models.DateField(_("date de naissance"))
    situation = models.CharField(_("situation actuelle"), max_length=20, choices=Situation)
    sector_of_interest = models.CharField(
        _("secteur qui m’intéresse"), max_length=20, choices=Sector, blank=True
    )
    lives_in_qpv = models.BooleanField(_("habite un quartier prioritaire (QPV)"), default=False)
    followed_by_mission_locale = models.BooleanField(
        _("suivi(e) par une Mission locale"), default=False
    )
    at_risk_of_dropping_out = models.BooleanField(_("risque de décrochage"), default=False)
    no_professional_network = models.BooleanField(_("sans réseau professionnel"), default=False)
    prefers_same_gender = models.BooleanField(_("préfère un mentor du même genre"), default=False)
    expectations = models.TextField(_("attentes envers un mentor"), max_length=2000)
    privacy_accepted_at = models.DateTimeField(_("confidentialité acceptée le"))
    # When a parent gave their consent (under 15): kept on the youth so that every reader
    # (pages, the matching engine's loader) sees it without reading the requests' history.
    parental_consent_given_at = models.DateTimeField(
        _("accord parental donné le"), null=True, blank=True, editable=False
    )
    # A youth with the same name and birth date already signed up with another association.
    possible_duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("doublon possible de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="possible_duplicates",
    )

    objects = YouthProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("jeune")
        verbose_name_plural = _("jeunes")
        # A sign-up looks for a namesake born the same day (programmes/signup.py).
        indexes = [models.Index(fields=["birth_date"], name="youth_birth_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_date__lte=F("created_on")) & Q(birth_date__gte=date(1900, 1, 1)),
                name="youth_birth_date_plausible",
                violation_error_message=_("La date de naissance ne peut pas être dans le futur."),
            ),
            *vetting_constraints(
                "youth",
                without_programme=[
                    ParticipantStatus.WAITING_LIST,
                    ParticipantStatus.AWAITING_CONSENT,
                    ParticipantStatus.REJECTED,
                ],
                message=_("Un jeune examiné est rattaché à un programme."),
            ),
        ]

    @property
    def age(self) -> int:
        return age_on(self.birth_date, timezone.localdate())

    @property
    def age_band(self) -> str:
        return age_band(self.age)

    @property
    def is_minor(self) -> bool:
        """Under 18 today (``with_is_minor`` computes the same in SQL, as ``minor``)."""
        annotated = self.__dict__.get("minor")
        if annotated is not None:
            return annotated
        return self.birth_date > rules.adult_if_born_by(timezone.localdate())

    @property
    def needs_parental_consent(self) -> bool:
        return self.birth_date > rules.own_consent_if_born_by(timezone.localdate())

    @property
    def has_parental_consent(self) -> bool:
        return self.parental_consent_given_at is not None

    def consent_received(self, *, at):
        """The parent agreed: the association may now review the youth (or the waiting list
        keeps them until a programme can)."""
        self.parental_consent_given_at = at
        fields = ["parental_consent_given_at"]
        if self.status == ParticipantStatus.AWAITING_CONSENT:
            self.status = (
                ParticipantStatus.PENDING_REVIEW
                if self.programme_id
                else ParticipantStatus.WAITING_LIST
            )
            fields.append("status")
        self.save(update_fields=fields)

    @property
    def approval_blocker(self) -> str | None:
        """Why staff cannot approve this youth whatever they decide, or None."""
        if self.needs_parental_consent and not self.has_parental_consent:
            return _(
                "Ce ou cette jeune a moins de 15 ans et aucun parent n’a donné son accord : "
                "l’inscription ne peut pas être validée sans cet accord."
            )
        return None

    def approve(self, *, by):
        blocker = self.approval_blocker
        if blocker:
            raise InvalidTransition(blocker)
        super().approve(by=by)

    @property
    def is_matchable(self) -> bool:
        """Ready, and consenting alone or with a parent (``with_is_matchable``'s ``matchable``
        is the same rule in SQL)."""
        annotated = self.__dict__.get("matchable")
        if annotated is not None:
            return bool(annotated)
        return self.status == ParticipantStatus.READY and (
            not self.needs_parental_consent or self.has_parental_consent
        )


class MentorProfile(Participant):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    profession = models.CharField(_("métier"), max_length=200)
    sector = models.CharField(_("secteur d’activité"), max_length=20, choices=Sector)
    years_of_experience = models.PositiveSmallIntegerField(
        _("années d’expérience"), validators=[MaxValueValidator(60)]
    )
    capacity = models.PositiveSmallIntegerField(
        _("nombre de jeunes suivis en même temps"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
    )
    attestation_date = models.DateField(_("date de l’attestation d’honorabilité"), null=True)
    # The local day the attestation date was last saved: the date cannot be later than that.
    attestation_recorded_on = models.DateField(null=True, blank=True, editable=False)
    attestation_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attestation vue par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attestation_checked_at = models.DateTimeField(_("attestation vue le"), null=True, blank=True)
    # Pairs holding one of the mentor's places (proposed, approved or running), kept by the
    # matching app in the same transaction as each pair change, so the database can refuse
    # a mentor above capacity.
    open_pairs = models.PositiveSmallIntegerField(_("binômes en cours"), default=0)
    referent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("référent·e"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referred_mentors",
    )

    objects = MentorProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=3),
                name="mentor_capacity_1_to_3",
                violation_error_message=_("Un mentor suit de 1 à 3 jeunes à la fois."),
            ),
            models.CheckConstraint(
                condition=Q(open_pairs__lte=F("capacity")),
                name="mentor_never_above_capacity",
                violation_error_message=_("Ce mentor suit déjà autant de jeunes que possible."),
            ),
            models.CheckConstraint(
                condition=Q(attestation_date__isnull=True)
                | Q(attestation_date__lte=F("attestation_recorded_on")),
                name="mentor_attestation_not_in_future",
                violation_error_message=_("L’attestation ne peut pas être datée du futur."),
            ),
            *vetting_constraints(
                "mentor",
                without_programme=[ParticipantStatus.WAITING_LIST, ParticipantStatus.REJECTED],
                message=_("Un mentor examiné est rattaché à un programme."),
            ),
        ]

    def save(self, *args, **kwargs):
        if self.attestation_date is not None:
            self.attestation_recorded_on = timezone.localdate()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "attestation_date" in update_fields:
                kwargs["update_fields"] = {*update_fields, "attestation_recorded_on"}
        super().save(*args, **kwargs)

    @property
    def attestation_declared_only(self) -> bool:
        """The mentor gave a date (at sign-up or in their space) that staff have not seen."""
        return self.attestation_date is not None and self.attestation_checked_at is None

    def attestation_declared_until(self) -> date | None:
        """How long the declared attestation would be valid, once seen by staff."""
        if not self.attestation_declared_only:
            return None
        return rules.attestation_valid_until(self.attestation_date)

    @property
    def attestation_declared_too_old(self) -> bool:
        until = self.attestation_declared_until()
        return until is not None and until < timezone.localdate()

    def attestation_valid_until(self) -> date | None:
        if self.attestation_date is None or self.attestation_checked_at is None:
            return None
        return rules.attestation_valid_until(self.attestation_date)

    def has_valid_attestation(self, on: date | None = None) -> bool:
        """Seen by staff and less than 6 months old: required to mentor a minor
        (``with_valid_attestation`` computes the same in SQL, as ``attestation_valid``)."""
        annotated = self.__dict__.get("attestation_valid")
        if on is None and annotated is not None:
            return bool(annotated)
        return (
            self.attestation_checked_at is not None
            and self.attestation_date is not None
            and self.attestation_date
            >= rules.attestation_valid_from(on or timezone.localdate())
        )

    def record_attestation_seen(self, *, by, attestation_date: date):
        self.attestation_date = attestation_date
        self.attestation_checked_by = by
        self.attestation_checked_at = timezone.now()
        self.save(
            update_fields=["attestation_date", "attestation_checked_by", "attestation_checked_at"]
        )
