"""Every meeting evaluated: the mentor and the youth each say, in under a minute, how useful it
was and whether it moved an objective forward; after their first meeting, whether the pair
suits them. And a short evaluation from both when the pair closes."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.enums import YouthConfirmation
from matching.models import Meeting, Pair
from programmes.models import InvalidTransition

from ..enums import EvaluatorRole, Fit, Progress

LOW_RATING = 2  # "how useful" at or below this is a signal for the referent


def evaluator_role(pair, user) -> EvaluatorRole | None:
    if user.pk == pair.youth.user_id:
        return EvaluatorRole.YOUTH
    if user.pk == pair.mentor.user_id:
        return EvaluatorRole.MENTOR
    return None


def usefulness_field():
    return models.PositiveSmallIntegerField(
        _("utilité"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


def usefulness_constraint(name):
    return models.CheckConstraint(
        condition=Q(usefulness__gte=1, usefulness__lte=5),
        name=name,
        violation_error_message=_("L’utilité se note de 1 à 5."),
    )


class MeetingEvaluationQuerySet(models.QuerySet):
    def of_pair(self, pair):
        return self.filter(meeting__pair=pair)

    def low(self):
        return self.filter(usefulness__lte=LOW_RATING)

    def unfit(self):
        return self.filter(fit=Fit.NO)


class MeetingEvaluation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="evaluations")
    role = models.CharField(_("par"), max_length=8, choices=EvaluatorRole)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    usefulness = usefulness_field()
    progress = models.CharField(_("objectif avancé"), max_length=8, choices=Progress)
    comment = models.TextField(_("commentaire"), max_length=1000, blank=True)
    # The youth's comment reaches the mentor only if the youth ticks so; the referent reads it.
    comment_shared = models.BooleanField(_("commentaire montré au mentor"), default=False)
    # Asked once to each person, after their first meeting.
    fit = models.CharField(_("le binôme convient"), max_length=8, choices=Fit, blank=True)
    created_at = models.DateTimeField(_("noté le"), default=timezone.now)

    objects = MeetingEvaluationQuerySet.as_manager()

    class Meta:
        verbose_name = _("évaluation d’une rencontre")
        verbose_name_plural = _("évaluations des rencontres")
        ordering = ["meeting", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "role"],
                name="meeting_evaluation_once_per_person",
                violation_error_message=_("Cette rencontre est déjà évaluée."),
            ),
            usefulness_constraint("meeting_evaluation_usefulness_1_to_5"),
            models.CheckConstraint(
                condition=Q(role=EvaluatorRole.YOUTH) | Q(comment_shared=False),
                name="meeting_evaluation_only_youth_shares",
                violation_error_message=_("Seul le commentaire du jeune se montre au mentor."),
            ),
        ]

    def __str__(self):
        return f"{self.meeting} — {self.get_role_display()}"

    def comment_visible_to_mentor(self) -> bool:
        return self.role == EvaluatorRole.MENTOR or self.comment_shared

    @staticmethod
    def asks_fit(meeting, role) -> bool:
        """The fit question comes with this person's first evaluation in the pair."""
        return (
            not MeetingEvaluation.objects.filter(meeting__pair_id=meeting.pair_id, role=role)
            .exclude(fit="")
            .exists()
        )

    @staticmethod
    def refusal(meeting, user) -> str:
        """Why this person cannot evaluate this meeting ("" when they can)."""
        role = evaluator_role(meeting.pair, user)
        if role is None:
            return _("Seuls le jeune et le mentor du binôme évaluent ses rencontres.")
        if role == EvaluatorRole.YOUTH and meeting.youth_confirmation == YouthConfirmation.DISPUTED:
            return _("Tu as indiqué que cette rencontre n’a pas eu lieu.")
        if MeetingEvaluation.objects.filter(meeting=meeting, role=role).exists():
            return _("Cette rencontre est déjà évaluée.")
        return ""

    @classmethod
    def record(
        cls,
        *,
        meeting,
        by,
        usefulness: int,
        progress: str,
        comment: str = "",
        comment_shared: bool = False,
        fit: str = "",
    ) -> "MeetingEvaluation":
        with transaction.atomic():
            # One at a time per pair: two tabs cannot both answer the fit question.
            Pair.objects.select_for_update().filter(pk=meeting.pair_id).first()
            refusal = cls.refusal(meeting, by)
            if refusal:
                raise InvalidTransition(refusal)
            role = evaluator_role(meeting.pair, by)
            if cls.asks_fit(meeting, role) and not fit:
                raise InvalidTransition(_("Dites si ce binôme vous convient."))
            try:
                with transaction.atomic():
                    return cls.objects.create(
                        meeting=meeting,
                        role=role,
                        author=by,
                        usefulness=usefulness,
                        progress=progress,
                        comment=comment.strip(),
                        comment_shared=comment_shared and role == EvaluatorRole.YOUTH,
                        fit=fit if cls.asks_fit(meeting, role) else "",
                    )
            except IntegrityError as error:
                raise InvalidTransition(_("Cette rencontre est déjà évaluée.")) from error


class ClosureEvaluation(models.Model):
    """At closure, each of the two says how the mentoring went."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="closure_evaluations")
    role = models.CharField(_("par"), max_length=8, choices=EvaluatorRole)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    usefulness = usefulness_field()
    again = models.BooleanField(_("le referait"))
    comment = models.TextField(_("commentaire"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("noté le"), default=timezone.now)

    class Meta:
        verbose_name = _("évaluation de fin")
        verbose_name_plural = _("évaluations de fin")
        ordering = ["pair", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["pair", "role"],
                name="closure_evaluation_once_per_person",
                violation_error_message=_("Vous avez déjà fait le bilan de ce mentorat."),
            ),
            usefulness_constraint("closure_evaluation_usefulness_1_to_5"),
        ]

    def __str__(self):
        return f"{self.pair} — {self.get_role_display()}"

    @staticmethod
    def is_open(pair) -> bool:
        """Once closure is asked for, or the pair is closed."""
        return pair.is_closed or pair.completion_requested

    @classmethod
    def record(cls, *, pair, by, usefulness: int, again: bool, comment: str = ""):
        role = evaluator_role(pair, by)
        if role is None:
            raise InvalidTransition(_("Seuls le jeune et le mentor du binôme font ce bilan."))
        if not cls.is_open(pair):
            raise InvalidTransition(_("Le bilan se fait quand le mentorat se termine."))
        try:
            with transaction.atomic():
                return cls.objects.create(
                    pair=pair,
                    role=role,
                    author=by,
                    usefulness=usefulness,
                    again=again,
                    comment=comment.strip(),
                )
        except IntegrityError as error:
            raise InvalidTransition(_("Ce bilan est déjà fait.")) from error
