"""Pairs and their lifecycle: proposed, approved, answered, active, ended."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import InvalidTransition, MentorProfile, Programme, YouthProfile

from ..enums import OPEN_PAIR_STATUSES, Answer, PairStatus

# How long the youth and the mentor have to answer an approved proposal.
ANSWER_DELAY = timedelta(days=7)

# Which state may follow which; every change goes through Pair._move_to.
PAIR_TRANSITIONS = {
    PairStatus.PROPOSED: {PairStatus.APPROVED, PairStatus.REJECTED},
    PairStatus.APPROVED: {PairStatus.ACTIVE, PairStatus.DECLINED, PairStatus.EXPIRED},
    PairStatus.ACTIVE: {PairStatus.COMPLETED, PairStatus.ENDED_EARLY},
}


class PairQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_PAIR_STATUSES)

    def proposed(self):
        return self.filter(status=PairStatus.PROPOSED)

    def awaiting_answers(self):
        return self.filter(status=PairStatus.APPROVED)

    def overdue(self, now=None):
        return self.awaiting_answers().filter(answer_deadline__lte=now or timezone.now())

    def for_association(self, association):
        return self.filter(programme__association=association)

    def staffed_by(self, user):
        return self.filter(programme__association__memberships__user=user)

    def involving(self, user):
        """The pairs a youth or a mentor takes part in."""
        return self.filter(Q(youth__user=user) | Q(mentor__user=user))


class Pair(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="pairs")
    youth = models.ForeignKey(YouthProfile, on_delete=models.PROTECT, related_name="pairs")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.PROTECT, related_name="pairs")
    status = models.CharField(
        _("état"), max_length=16, choices=PairStatus, default=PairStatus.PROPOSED
    )
    score = models.FloatField(_("score"), default=0)
    # The engine's reasons, as codes and points: rendered in French for staff.
    explanation = models.JSONField(_("explication"), default=list, blank=True)
    run = models.ForeignKey(
        "MatchingRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="pairs"
    )
    proposed_at = models.DateTimeField(_("proposé le"), default=timezone.now)
    answer_deadline = models.DateTimeField(_("réponse attendue avant"), null=True, blank=True)
    youth_answer = models.CharField(_("réponse du jeune"), max_length=8, choices=Answer, blank=True)
    mentor_answer = models.CharField(
        _("réponse du mentor"), max_length=8, choices=Answer, blank=True
    )
    started_on = models.DateField(_("début"), null=True, blank=True)
    ended_at = models.DateTimeField(_("fin"), null=True, blank=True)

    objects = PairQuerySet.as_manager()

    class Meta:
        verbose_name = _("binôme")
        verbose_name_plural = _("binômes")
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["youth"],
                condition=Q(status__in=OPEN_PAIR_STATUSES),
                name="pair_one_open_per_youth",
                violation_error_message=_("Ce jeune a déjà un binôme ou une proposition en cours."),
            ),
            models.CheckConstraint(
                condition=~Q(status=PairStatus.ACTIVE) | Q(started_on__isnull=False),
                name="pair_active_has_start_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=PairStatus.APPROVED) | Q(answer_deadline__isnull=False),
                name="pair_approved_has_deadline",
            ),
        ]

    def __str__(self):
        return f"{self.youth} — {self.mentor}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_PAIR_STATUSES

    def answer_of(self, user) -> str:
        return self.youth_answer if user.pk == self.youth.user_id else self.mentor_answer

    def _move_to(self, status: PairStatus, *, by, reason: str = "", fields=()) -> None:
        """The one place a pair changes state: checked, dated, attributed, and the mentor's
        place given back when the pair stops holding it."""
        if status not in PAIR_TRANSITIONS.get(PairStatus(self.status), set()):
            raise InvalidTransition(
                _("Ce binôme est « %(state)s » : cette action n’est plus possible.")
                % {"state": self.get_status_display()}
            )
        previous = self.status
        self.status = status
        self.save(update_fields=["status", *fields])
        if previous in OPEN_PAIR_STATUSES and status not in OPEN_PAIR_STATUSES:
            MentorProfile.objects.filter(pk=self.mentor_id).update(open_pairs=F("open_pairs") - 1)
        PairEvent.objects.create(
            pair=self, from_status=previous, to_status=status, by=by, reason=reason
        )

    def approve(self, *, by, now=None):
        """Staff send the proposal to both people, who then have ANSWER_DELAY to answer."""
        self.answer_deadline = (now or timezone.now()) + ANSWER_DELAY
        self._move_to(PairStatus.APPROVED, by=by, fields=["answer_deadline"])

    def reject(self, *, by, reason: str):
        if not reason.strip():
            raise InvalidTransition(_("Indiquez pourquoi cette proposition est écartée."))
        self._move_to(PairStatus.REJECTED, by=by, reason=reason.strip())

    def answer(self, *, by, accepted: bool, reason: str = "", now=None):
        """The youth or the mentor answers; both yes starts the pair, one no ends it."""
        now = now or timezone.now()
        if self.status == PairStatus.APPROVED and self.answer_deadline <= now:
            raise InvalidTransition(_("Le délai de réponse est dépassé : la proposition a expiré."))
        if self.status != PairStatus.APPROVED:
            raise InvalidTransition(_("Cette proposition n’attend plus de réponse."))
        if not accepted and not reason.strip():
            raise InvalidTransition(_("Dites en quelques mots pourquoi vous refusez."))
        field = "youth_answer" if by.pk == self.youth.user_id else "mentor_answer"
        setattr(self, field, Answer.ACCEPTED if accepted else Answer.DECLINED)
        if not accepted:
            self._move_to(PairStatus.DECLINED, by=by, reason=reason.strip(), fields=[field])
        elif self.youth_answer == self.mentor_answer == Answer.ACCEPTED:
            self.started_on = timezone.localdate(now)
            self._move_to(PairStatus.ACTIVE, by=by, fields=[field, "started_on"])
        else:
            self.save(update_fields=[field])
            PairEvent.objects.create(
                pair=self, from_status=self.status, to_status=self.status, by=by, reason=""
            )

    def expire(self):
        self._move_to(PairStatus.EXPIRED, by=None, reason="")

    def complete(self, *, by):
        self.ended_at = timezone.now()
        self._move_to(PairStatus.COMPLETED, by=by, fields=["ended_at"])

    def end_early(self, *, by, reason: str):
        if not reason.strip():
            raise InvalidTransition(_("Un arrêt avant terme est toujours motivé."))
        self.ended_at = timezone.now()
        self._move_to(PairStatus.ENDED_EARLY, by=by, reason=reason.strip(), fields=["ended_at"])


class PairEvent(models.Model):
    """Every change of a pair, dated, with who made it (None: the platform itself)."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=16, choices=PairStatus, blank=True)
    to_status = models.CharField(max_length=16, choices=PairStatus)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("étape d’un binôme")
        verbose_name_plural = _("étapes des binômes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.pair}: {self.from_status} → {self.to_status}"
