"""Pairs and their lifecycle: proposed, approved, answered, active, ended."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentorat.states import InvalidTransition, Transitions
from programmes.models import MentorProfile, Programme, YouthProfile

from ..enums import (
    CLOSED_PAIR_STATUSES,
    EARLY_END_REASONS,
    OPEN_PAIR_STATUSES,
    Answer,
    ClosureReason,
    PairStatus,
)
from .cadence import Cadence, minimum_reached_on, with_cadence
from .objectives import Objective

# How long the youth and the mentor have to answer an approved proposal.
ANSWER_DELAY = timedelta(days=7)

# Which state may follow which; every change goes through Pair._move_to.
PAIR_TRANSITIONS = Transitions(
    {
        PairStatus.PROPOSED: {PairStatus.APPROVED, PairStatus.REJECTED},
        PairStatus.APPROVED: {PairStatus.ACTIVE, PairStatus.DECLINED, PairStatus.EXPIRED},
        PairStatus.ACTIVE: {PairStatus.COMPLETED, PairStatus.ENDED_EARLY},
    }
)


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

    def active(self):
        return self.filter(status=PairStatus.ACTIVE)

    def closed(self):
        return self.filter(status__in=CLOSED_PAIR_STATUSES)

    def visible_to(self, user):
        """The pairs this person may open: a youth or a mentor their own, a referent those of
        the mentors they follow, a coordinator all of their association's."""
        from programmes.access import coordinated_associations, staff_associations

        return self.filter(
            Q(youth__user=user)
            | Q(mentor__user=user)
            | Q(mentor__referent=user, programme__association__in=staff_associations(user))
            | Q(programme__association__in=coordinated_associations(user))
        )

    def finished_without_rematch(self):
        """Closed pairs whose youth has not asked for a new mentor: that youth stays out of
        the pool (a completed pair never asks)."""
        return self.closed().filter(rematch_requested_at__isnull=True)

    def with_cadence(self, today=None):
        """The cadence status of active pairs (see cadence.py): last counted meeting, window
        and status, in the same query; None for pairs that are not active."""
        return with_cadence(self, today or timezone.localdate())


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
    # Closure: "objectifs atteints" asked by the youth or the mentor (then confirmed by staff),
    # or an early end, with who asked or ended it, a reason from the list and their words.
    closure_reason = models.CharField(
        _("motif de fin"), max_length=24, choices=ClosureReason, blank=True
    )
    closure_details = models.TextField(_("précisions sur la fin"), max_length=2000, blank=True)
    closure_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fin demandée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closure_requested_at = models.DateTimeField(_("fin demandée le"), null=True, blank=True)
    # A youth whose pair ended early asks for a new mentor (or staff ask for them).
    rematch_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nouveau mentor demandé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rematch_requested_at = models.DateTimeField(
        _("nouveau mentor demandé le"), null=True, blank=True
    )

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
            models.CheckConstraint(
                condition=~Q(status__in=CLOSED_PAIR_STATUSES)
                | (Q(ended_at__isnull=False) & ~Q(closure_reason="")),
                name="pair_closed_has_end_and_reason",
                violation_error_message=_("Un binôme terminé a une date et un motif de fin."),
            ),
            models.CheckConstraint(
                condition=~Q(status=PairStatus.COMPLETED)
                | Q(closure_reason=ClosureReason.OBJECTIVES_REACHED),
                name="pair_completed_reached_objectives",
                violation_error_message=_("Un binôme terminé normalement a atteint ses objectifs."),
            ),
            models.CheckConstraint(
                condition=~Q(status=PairStatus.ENDED_EARLY)
                | ~Q(closure_reason=ClosureReason.OBJECTIVES_REACHED),
                name="pair_ended_early_has_early_reason",
                violation_error_message=_("Un arrêt avant terme a un motif d’arrêt."),
            ),
            models.CheckConstraint(
                condition=Q(rematch_requested_at__isnull=True) | Q(status=PairStatus.ENDED_EARLY),
                name="pair_rematch_after_early_end",
                violation_error_message=_(
                    "Un nouveau mentor se demande après un binôme arrêté avant terme."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.youth} — {self.mentor}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_PAIR_STATUSES

    def other_person(self, user):
        """The pair's other member (youth or mentor profile) for one of its two members."""
        if user.pk == self.youth.user_id:
            return self.mentor
        if user.pk == self.mentor.user_id:
            return self.youth
        raise ValueError("This user is neither the pair's youth nor its mentor.")

    def answer_of(self, user) -> str:
        return self.youth_answer if user.pk == self.youth.user_id else self.mentor_answer

    def _move_to(self, status: PairStatus, *, by, reason: str = "", fields=(), at=None) -> None:
        """The one place a pair changes state: checked, dated, attributed, and the mentor's
        place given back when the pair stops holding it."""
        PAIR_TRANSITIONS.check(
            self.status,
            status,
            _("Ce binôme est « %(state)s » : cette action n’est plus possible.")
            % {"state": self.get_status_display()},
        )
        previous = self.status
        self.status = status
        self.save(update_fields=["status", *fields])
        if previous in OPEN_PAIR_STATUSES and status not in OPEN_PAIR_STATUSES:
            MentorProfile.objects.release_place(self.mentor_id)
        PairEvent.objects.create(
            pair=self,
            from_status=previous,
            to_status=status,
            by=by,
            reason=reason,
            at=at or timezone.now(),
        )

    def approve(self, *, by, now=None):
        """Staff send the proposal to both people, who then have ANSWER_DELAY to answer."""
        now = now or timezone.now()
        self.answer_deadline = now + ANSWER_DELAY
        self._move_to(PairStatus.APPROVED, by=by, fields=["answer_deadline"], at=now)

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
        if by.pk == self.youth.user_id:
            field = "youth_answer"
        elif by.pk == self.mentor.user_id:
            field = "mentor_answer"
        else:
            raise InvalidTransition(_("Seuls le jeune et le mentor du binôme peuvent répondre."))
        setattr(self, field, Answer.ACCEPTED if accepted else Answer.DECLINED)
        if not accepted:
            self._move_to(
                PairStatus.DECLINED, by=by, reason=reason.strip(), fields=[field], at=now
            )
        elif self.youth_answer == self.mentor_answer == Answer.ACCEPTED:
            self.started_on = timezone.localdate(now)
            self._move_to(PairStatus.ACTIVE, by=by, fields=[field, "started_on"], at=now)
        else:
            self.save(update_fields=[field])
            PairEvent.objects.create(
                pair=self, from_status=self.status, to_status=self.status, by=by, reason="", at=now
            )

    def expire(self):
        self._move_to(PairStatus.EXPIRED, by=None, reason="")

    # The pair's life once it runs: cadence, minimum duration, closure and rematch.

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_PAIR_STATUSES

    @property
    def minimum_reached_on(self):
        """The day the programme's minimum duration is reached (None before the start)."""
        return minimum_reached_on(self)

    def cadence(self, today=None) -> Cadence | None:
        """The cadence status of this pair: the same rule as PairQuerySet.with_cadence, read
        from its annotations when the pair comes from it, else in one query."""
        from .cadence import cadence_of

        return cadence_of(self, today or timezone.localdate())

    @property
    def completion_requested(self) -> bool:
        return (
            self.status == PairStatus.ACTIVE
            and self.closure_reason == ClosureReason.OBJECTIVES_REACHED
        )

    def why_not_completable(self, today=None) -> str | None:
        """Why "objectifs atteints" cannot be asked yet, in a sentence; None when it can."""
        today = today or timezone.localdate()
        if self.status != PairStatus.ACTIVE:
            return str(_("Ce binôme n’est pas en cours."))
        if today < self.minimum_reached_on:
            return str(
                _("Le mentorat dure au moins %(months)s mois : possible à partir du %(day)s.")
                % {
                    "months": self.programme.min_duration_months,
                    "day": self.minimum_reached_on.strftime("%d/%m/%Y"),
                }
            )
        if not Objective.objects.filter(pair=self).reached().exists():
            return str(_("Marquez d’abord au moins un objectif comme atteint."))
        return None

    def request_completion(self, *, by, now=None):
        """The youth or the mentor asks to close on "objectifs atteints"; staff confirm."""
        now = now or timezone.now()
        refusal = self.why_not_completable(timezone.localdate(now))
        if refusal:
            raise InvalidTransition(refusal)
        if by.pk not in (self.youth.user_id, self.mentor.user_id):
            raise InvalidTransition(_("Le jeune ou le mentor demande la clôture."))
        if self.completion_requested:
            raise InvalidTransition(_("La clôture est déjà demandée : le référent la confirme."))
        self.closure_reason = ClosureReason.OBJECTIVES_REACHED
        self.closure_requested_by, self.closure_requested_at = by, now
        self.save(update_fields=["closure_reason", "closure_requested_by", "closure_requested_at"])

    def complete(self, *, by, details: str = "", now=None):
        """Staff confirm the closure the youth or the mentor asked for."""
        now = now or timezone.now()
        if not self.completion_requested:
            raise InvalidTransition(
                _("La clôture « objectifs atteints » est demandée par le jeune ou le mentor.")
            )
        refusal = self.why_not_completable(timezone.localdate(now))
        if refusal:
            raise InvalidTransition(refusal)
        self.ended_at = now
        self.closure_details = details.strip()
        self._move_to(
            PairStatus.COMPLETED,
            by=by,
            reason=str(ClosureReason.OBJECTIVES_REACHED.label),
            fields=["ended_at", "closure_details"],
            at=now,
        )

    def end_early(self, *, by, reason: str, details: str, now=None):
        """The youth, the mentor or staff end the pair before its term, with a reason from the
        list and a few words. The mentor's place is freed; nothing is deleted."""
        if reason not in EARLY_END_REASONS:
            raise InvalidTransition(_("Choisissez le motif de l’arrêt dans la liste."))
        if not details.strip():
            raise InvalidTransition(_("Un arrêt avant terme est toujours motivé."))
        now = now or timezone.now()
        self.ended_at = now
        self.closure_reason, self.closure_details = reason, details.strip()
        self.closure_requested_by, self.closure_requested_at = by, now
        self._move_to(
            PairStatus.ENDED_EARLY,
            by=by,
            reason=f"{ClosureReason(reason).label} — {details.strip()}",
            fields=[
                "ended_at",
                "closure_reason",
                "closure_details",
                "closure_requested_by",
                "closure_requested_at",
            ],
            at=now,
        )

    def request_rematch(self, *, by, now=None):
        """Back to the pool for a new mentor (never this pair's mentor again)."""
        if self.status != PairStatus.ENDED_EARLY:
            raise InvalidTransition(
                _("Un nouveau mentor se demande après un binôme arrêté avant terme.")
            )
        if self.rematch_requested_at is not None:
            raise InvalidTransition(_("Un nouveau mentor est déjà demandé."))
        self.rematch_requested_by, self.rematch_requested_at = by, now or timezone.now()
        self.save(update_fields=["rematch_requested_by", "rematch_requested_at"])


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
