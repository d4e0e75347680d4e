"""Batches: each programme's matching weights, the runs, and the youths a run left out."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.engine import Weights
from mentorat.states import Transitions
from programmes.models import Programme, YouthProfile

from ..enums import ACTIVE_RUN_STATUSES, RunStatus


class MatchingWeights(models.Model):
    """How much each criterion counts in a programme's scores (coordinators tune them)."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="matching_weights"
    )
    # Only ratios matter; the defaults are the engine's (needs first, then meeting at all).
    geography = models.PositiveSmallIntegerField(_("proximité"), default=20)
    needs = models.PositiveSmallIntegerField(_("besoins"), default=30)
    sector = models.PositiveSmallIntegerField(_("secteur"), default=15)
    format = models.PositiveSmallIntegerField(_("format des rencontres"), default=10)
    availability = models.PositiveSmallIntegerField(_("disponibilités"), default=20)
    languages = models.PositiveSmallIntegerField(_("langues"), default=5)

    CRITERIA = ("geography", "needs", "sector", "format", "availability", "languages")

    class Meta:
        verbose_name = _("pondération")
        verbose_name_plural = _("pondérations")
        constraints = [
            models.CheckConstraint(
                condition=Q(geography__gt=0)
                | Q(needs__gt=0)
                | Q(sector__gt=0)
                | Q(format__gt=0)
                | Q(availability__gt=0)
                | Q(languages__gt=0),
                name="matching_weights_not_all_zero",
                violation_error_message=_("Au moins un critère doit compter."),
            ),
        ]

    def __str__(self):
        return f"{self.programme}"

    def as_engine_weights(self) -> Weights:
        return Weights(**{criterion: getattr(self, criterion) for criterion in self.CRITERIA})


# A run is queued, claimed by one worker, then done or failed (a run whose message or worker
# was lost fails too, see tasks.requeue_stranded_runs).
RUN_TRANSITIONS = Transitions(
    {
        RunStatus.QUEUED: {RunStatus.RUNNING, RunStatus.FAILED},
        RunStatus.RUNNING: {RunStatus.DONE, RunStatus.FAILED},
    }
)


class MatchingRunQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_RUN_STATUSES)

    def fail_all(self, *, error: str) -> int:
        """Close these runs as failed (those already over are left as they are)."""
        return self.filter(status__in=RUN_TRANSITIONS.sources_of(RunStatus.FAILED)).update(
            status=RunStatus.FAILED, error=error, finished_at=timezone.now()
        )


class MatchingRun(models.Model):
    """One batch: for a programme, or for every programme (scope "national")."""

    scope = models.CharField(max_length=200)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.CASCADE, related_name="matching_runs"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=8, choices=RunStatus, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(
        default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Counts, total score and unmatched youths by reason and département, for staff.
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    objects = MatchingRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("mise en relation par lot")
        verbose_name_plural = _("mises en relation par lot")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scope"],
                condition=Q(status__in=ACTIVE_RUN_STATUSES),
                name="matching_run_one_at_a_time",
                violation_error_message=_(
                    "Une mise en relation est déjà en cours pour ce programme."
                ),
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="matching_run_progress_percent"
            ),
        ]

    def __str__(self):
        return f"{self.scope} ({self.created_at:%d/%m/%Y %H:%M})"

    def get_absolute_url(self) -> str:
        """Its page: the ministry's for a national run, else its programme's (callers
        select_related programme__association)."""
        if self.programme_id is None:
            return reverse("matching:national_run", args=[self.pk])
        programme = self.programme
        return reverse("matching:run", args=[programme.association.slug, programme.slug, self.pk])

    def claim(self) -> bool:
        """One worker takes the queued run; False when another has it or it is over (a
        redelivered task): a conditional update, so that two workers never both run it."""
        return self._move_to(RunStatus.RUNNING)

    def report_progress(self, percent: int) -> None:
        MatchingRun.objects.filter(pk=self.pk).update(progress=percent)
        self.progress = percent

    def finish(self, *, summary: dict) -> bool:
        return self._move_to(
            RunStatus.DONE, progress=100, summary=summary, finished_at=timezone.now()
        )

    def fail(self, *, error: str) -> bool:
        return self._move_to(RunStatus.FAILED, error=error, finished_at=timezone.now())

    def _move_to(self, status: RunStatus, **fields) -> bool:
        """The one place a run changes state, from a state RUN_TRANSITIONS allows."""
        moved = MatchingRun.objects.filter(
            pk=self.pk, status__in=RUN_TRANSITIONS.sources_of(status)
        ).update(status=status, **fields)
        if moved:
            self.status = status
            for name, value in fields.items():
                setattr(self, name, value)
        return bool(moved)



class UnmatchedYouth(models.Model):
    """A youth a batch could not place, and why: staff read it on the waiting list."""

    run = models.ForeignKey(MatchingRun, on_delete=models.CASCADE, related_name="unmatched")
    youth = models.ForeignKey(YouthProfile, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=32)  # an engine UnmatchedReason code
    need = models.CharField(max_length=32, blank=True)  # the youth's main need, when it matters

    class Meta:
        verbose_name = _("jeune sans proposition")
        verbose_name_plural = _("jeunes sans proposition")
        constraints = [
            models.UniqueConstraint(fields=["run", "youth"], name="unmatched_once_per_run"),
        ]

    def __str__(self):
        return f"{self.youth}: {self.reason}"
