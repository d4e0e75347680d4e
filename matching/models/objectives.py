"""The pair's objectives: 1 to 5 short sentences written together, each with a dated history."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.enums import Need
from programmes.models import InvalidTransition

from ..enums import ObjectiveChangeKind, ObjectiveStatus, PairStatus

MAX_OBJECTIVES = 5

# Starting points offered from the youth's stated needs (they then write their own).
SUGGESTIONS = {
    Need.ORIENTATION: _("Choisir une orientation qui me correspond"),
    Need.SELF_CONFIDENCE: _("Prendre la parole avec plus d’assurance"),
    Need.INTERNSHIP: _("Décrocher un stage"),
    Need.APPRENTICESHIP: _("Trouver une entreprise pour mon alternance"),
    Need.EMPLOYMENT: _("Trouver un emploi"),
    Need.DISCOVER_WORK: _("Découvrir trois métiers qui m’intéressent"),
    Need.BACK_TO_SCHOOL: _("Reprendre une formation"),
}


def suggested_objectives(youth) -> list[str]:
    """Objectives suggested from what the youth said they need, in the vocabulary's order."""
    return [str(SUGGESTIONS[Need(code)]) for code in youth_need_codes(youth)]


def youth_need_codes(youth) -> list[str]:
    from programmes.flags import codes_of

    return codes_of(Need, youth.needs)


class ObjectiveQuerySet(models.QuerySet):
    def reached(self):
        return self.filter(status=ObjectiveStatus.REACHED)

    def in_progress(self):
        return self.filter(status=ObjectiveStatus.IN_PROGRESS)


class Objective(models.Model):
    pair = models.ForeignKey("Pair", on_delete=models.PROTECT, related_name="objectives")
    text = models.CharField(_("objectif"), max_length=200)
    target_date = models.DateField(_("échéance"), null=True, blank=True)
    status = models.CharField(
        _("avancement"), max_length=16, choices=ObjectiveStatus, default=ObjectiveStatus.IN_PROGRESS
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("proposé le"), default=timezone.now)

    objects = ObjectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("objectif")
        verbose_name_plural = _("objectifs")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(text=""),
                name="objective_has_text",
                violation_error_message=_("Écrivez l’objectif en une phrase courte."),
            ),
        ]

    def __str__(self):
        return self.text

    @property
    def is_reached(self) -> bool:
        return self.status == ObjectiveStatus.REACHED

    @property
    def is_abandoned(self) -> bool:
        return self.status == ObjectiveStatus.ABANDONED

    @staticmethod
    def _check_can_change(pair, by) -> None:
        if pair.status != PairStatus.ACTIVE:
            raise InvalidTransition(_("Les objectifs ne changent que pendant le mentorat."))
        if by.pk not in (pair.youth.user_id, pair.mentor.user_id):
            raise InvalidTransition(_("Seuls le jeune et le mentor écrivent leurs objectifs."))

    @classmethod
    def propose(
        cls, *, pair, by, text: str, target_date: date | None = None, now=None
    ) -> "Objective":
        """The youth or the mentor adds an objective (at most five per pair). Call it with the
        pair's row locked so that two additions at once cannot make a sixth."""
        cls._check_can_change(pair, by)
        if not text.strip():
            raise ValidationError({"text": _("Écrivez l’objectif en une phrase courte.")})
        if cls.objects.filter(pair=pair).exclude(status=ObjectiveStatus.ABANDONED).count() >= (
            MAX_OBJECTIVES
        ):
            raise ValidationError(
                {"text": _("Cinq objectifs au plus : abandonnez-en un avant d’en ajouter.")}
            )
        now = now or timezone.now()
        objective = cls.objects.create(
            pair=pair, text=text.strip(), target_date=target_date, created_by=by, created_at=now
        )
        objective._record(ObjectiveChangeKind.PROPOSED, by=by, at=now)
        return objective

    def edit(self, *, by, text: str, target_date: date | None, now=None) -> None:
        self._check_can_change(self.pair, by)
        if not text.strip():
            raise ValidationError({"text": _("Écrivez l’objectif en une phrase courte.")})
        if (self.text, self.target_date) == (text.strip(), target_date):
            return
        self.text, self.target_date = text.strip(), target_date
        self.save(update_fields=["text", "target_date"])
        self._record(ObjectiveChangeKind.EDITED, by=by, at=now)

    def set_status(self, *, by, status: ObjectiveStatus, now=None) -> None:
        self._check_can_change(self.pair, by)
        if self.status == status:
            return
        self.status = status
        self.save(update_fields=["status"])
        self._record(ObjectiveChangeKind.STATUS, by=by, at=now)

    def _record(self, kind, *, by, at=None) -> None:
        ObjectiveChange.objects.create(
            objective=self,
            kind=kind,
            text=self.text,
            target_date=self.target_date,
            status=self.status,
            by=by,
            at=at or timezone.now(),
        )


class ObjectiveChange(models.Model):
    """One dated step of an objective: proposed, edited, or its status changed."""

    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(max_length=16, choices=ObjectiveChangeKind)
    text = models.CharField(max_length=200)
    target_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=ObjectiveStatus)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("étape d’un objectif")
        verbose_name_plural = _("étapes des objectifs")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.objective}: {self.kind}"
