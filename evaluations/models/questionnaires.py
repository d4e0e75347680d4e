"""Self-evaluation questionnaires as data: versions, items, and the youth's answers.

A version is never changed once written (answers point to it); staff write a new one. Each
item carries a stable code, so that a start and an end answered on different versions still
compare item by item.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.enums import PairStatus
from matching.models import Pair
from programmes.models import InvalidTransition

from ..enums import Dimension, ItemKind, Outcome, QuestionnaireKind

code_validator = RegexValidator(
    r"^[a-z0-9_]{1,50}$", _("Un code s’écrit en minuscules, chiffres et « _ ».")
)


class QuestionnaireQuerySet(models.QuerySet):
    def platform(self):
        """The versions the platform ships, for associations that have none of their own."""
        return self.filter(association__isnull=True)

    def of(self, association):
        return self.filter(association=association)

    def current(self, *, kind: QuestionnaireKind, association=None):
        """The version a pair of this association answers now: the association's latest, or
        else the platform's latest."""
        own = self.filter(kind=kind, association=association).order_by("-version").first()
        if own is not None or association is None:
            return own
        return self.platform().filter(kind=kind).order_by("-version").first()


class Questionnaire(models.Model):
    kind = models.CharField(_("moment"), max_length=8, choices=QuestionnaireKind)
    # None: the platform's own version, used by every association without one.
    association = models.ForeignKey(
        "programmes.Association",
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questionnaires",
    )
    version = models.PositiveSmallIntegerField(_("version"), validators=[MinValueValidator(1)])
    introduction = models.TextField(_("introduction"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["kind", "association", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "version"],
                condition=Q(association__isnull=True),
                name="questionnaire_platform_version_unique",
                violation_error_message=_("Cette version existe déjà."),
            ),
            models.UniqueConstraint(
                fields=["association", "kind", "version"],
                condition=Q(association__isnull=False),
                name="questionnaire_association_version_unique",
                violation_error_message=_("Cette version existe déjà."),
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1),
                name="questionnaire_version_positive",
                violation_error_message=_("Les versions se comptent à partir de 1."),
            ),
        ]

    def __str__(self):
        owner = self.association or _("plateforme")
        return f"{self.get_kind_display()} v{self.version} ({owner})"

    @classmethod
    @transaction.atomic
    def publish(cls, *, kind, association, items, by=None, introduction="") -> "Questionnaire":
        """Write a new version after the latest one of this association (or the platform's),
        with its items in the order given: dicts of code, dimension, kind, text."""
        # Lock the association's row, so that two versions written at once get two numbers.
        if association is not None:
            type(association).objects.select_for_update().get(pk=association.pk)
        latest = cls.objects.filter(kind=kind, association=association).order_by("-version")
        version = (latest.values_list("version", flat=True).first() or 0) + 1
        questionnaire = cls.objects.create(
            kind=kind,
            association=association,
            version=version,
            created_by=by,
            introduction=introduction,
        )
        Item.objects.bulk_create(
            Item(questionnaire=questionnaire, position=position, **item)
            for position, item in enumerate(items, start=1)
        )
        return questionnaire


class Item(models.Model):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("code"), max_length=50, validators=[code_validator])
    dimension = models.CharField(_("dimension"), max_length=16, choices=Dimension)
    kind = models.CharField(_("type de réponse"), max_length=8, choices=ItemKind)
    text = models.CharField(_("question"), max_length=300)
    position = models.PositiveSmallIntegerField(_("rang"))

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "code"],
                name="item_code_unique_in_questionnaire",
                violation_error_message=_("Deux questions ne peuvent pas avoir le même code."),
            ),
        ]

    def __str__(self):
        return self.text


class ResponseQuerySet(models.QuerySet):
    def start(self):
        return self.filter(kind=QuestionnaireKind.START)

    def end(self):
        return self.filter(kind=QuestionnaireKind.END)


class Response(models.Model):
    """The youth's answers to one questionnaire, once per pair and moment."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="questionnaire_responses")
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="responses"
    )
    kind = models.CharField(_("moment"), max_length=8, choices=QuestionnaireKind)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("rempli le"), default=timezone.now)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("réponse à un questionnaire")
        verbose_name_plural = _("réponses aux questionnaires")
        ordering = ["pair", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["pair", "kind"],
                name="response_once_per_pair_and_moment",
                violation_error_message=_("Ce questionnaire est déjà rempli pour ce binôme."),
            ),
        ]

    def __str__(self):
        return f"{self.pair} — {self.get_kind_display()}"

    @staticmethod
    def is_open(pair, kind) -> bool:
        """The start questionnaire is filled while the pair runs (best before or around the
        first meeting); the end one once closure is asked for, or the pair closed."""
        if kind == QuestionnaireKind.START:
            return pair.status == PairStatus.ACTIVE
        return pair.is_closed or pair.completion_requested

    @classmethod
    @transaction.atomic
    def record(cls, *, pair, questionnaire, by, values: dict, outcomes=None) -> "Response":
        """The youth's answers, {item: number or text}, and at the end {objective: outcome},
        written once: a second submission (a double click, two tabs) is refused."""
        pair = Pair.objects.select_for_update().get(pk=pair.pk)
        if pair.youth.user_id != by.pk:
            raise InvalidTransition(_("Seul le jeune du binôme remplit ce questionnaire."))
        if not cls.is_open(pair, questionnaire.kind):
            raise InvalidTransition(_("Ce questionnaire n’est pas ouvert pour ce binôme."))
        if cls.objects.filter(pair=pair, kind=questionnaire.kind).exists():
            raise InvalidTransition(_("Tu as déjà rempli ce questionnaire."))
        response = cls.objects.create(
            pair=pair, questionnaire=questionnaire, kind=questionnaire.kind, respondent=by
        )
        Answer.objects.bulk_create(
            Answer(
                response=response,
                item=item,
                number=None if item.kind == ItemKind.TEXT else value,
                text=value.strip() if item.kind == ItemKind.TEXT else "",
            )
            for item, value in values.items()
        )
        ObjectiveOutcome.objects.bulk_create(
            ObjectiveOutcome(response=response, objective=objective, outcome=outcome)
            for objective, outcome in (outcomes or {}).items()
        )
        return response


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    # 1 to 5 on a scale, 1 or 0 for yes or no; text for a short answer.
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(5)]
    )
    text = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        ordering = ["response", "item__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "item"],
                name="answer_once_per_item",
                violation_error_message=_("Cette question a déjà une réponse."),
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__lte=5),
                name="answer_number_in_scale",
                violation_error_message=_("Une réponse sur l’échelle va de 1 à 5."),
            ),
        ]

    def __str__(self):
        return f"{self.item.code}: {self.text or self.number}"


class ObjectiveOutcome(models.Model):
    """At the end, the youth says for each of the pair's objectives whether it was reached."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="objective_outcomes"
    )
    objective = models.ForeignKey(
        "matching.Objective", on_delete=models.CASCADE, related_name="outcomes"
    )
    outcome = models.CharField(_("atteint"), max_length=12, choices=Outcome)

    class Meta:
        verbose_name = _("objectif au bilan")
        verbose_name_plural = _("objectifs au bilan")
        ordering = ["response", "objective"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "objective"],
                name="objective_outcome_once",
                violation_error_message=_("Cet objectif a déjà une réponse."),
            ),
        ]

    def __str__(self):
        return f"{self.objective}: {self.get_outcome_display()}"
