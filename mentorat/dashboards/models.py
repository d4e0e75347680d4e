"""The dashboards' own data: the yearly targets, and the summaries the pages read.

The summaries are rebuilt whole by :func:`mentorat.dashboards.summaries.refresh` (a Celery beat
task, the ``refresh_dashboards`` command, the end of ``seed_demo``): one fact row per pair that
started, one per youth who signed up, and small cells per département for supply and demand.
The pages aggregate these narrow rows (one query per table) instead of the live tables, and say
when they were computed (:class:`Refresh`).

Facts hold ids and codes, never a name: a youth's identity stays in their profile.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evaluations.enums import END_ONLY_DIMENSIONS, Dimension

# The self-evaluation dimensions asked at the start and at the end: progress is read on them.
PROGRESS_DIMENSIONS = tuple(d for d in Dimension if d not in END_ONLY_DIMENSIONS)


class YearlyTarget(models.Model):
    """The national target for a year: distinct youths mentored (data, edited by the ministry)."""

    year = models.PositiveSmallIntegerField(
        _("année"), unique=True, validators=[MinValueValidator(2021), MaxValueValidator(2100)]
    )
    youths = models.PositiveIntegerField(_("jeunes accompagnés visés"))
    updated_at = models.DateTimeField(_("modifié le"), default=timezone.now)

    class Meta:
        verbose_name = _("objectif annuel")
        verbose_name_plural = _("objectifs annuels")
        ordering = ["year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=2021, year__lte=2100),
                name="yearly_target_year_range",
                violation_error_message=_("Une année entre 2021 et 2100."),
            ),
        ]

    def __str__(self):
        return f"{self.year} : {self.youths}"


class Refresh(models.Model):
    """One rebuild of the summaries: the pages show the last one's time."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    today = models.DateField()  # the day the facts were computed for (durations, cadence)
    pairs = models.PositiveIntegerField(default=0)
    youths = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("calcul des tableaux de bord")
        verbose_name_plural = _("calculs des tableaux de bord")
        ordering = ["-finished_at"]
        indexes = [models.Index(fields=["-finished_at"], name="dashboards_refresh_done")]

    def __str__(self):
        return f"{self.finished_at or self.started_at:%d/%m/%Y %H:%M}"


class Where(models.Model):
    """The filter dimensions every fact carries."""

    association_id = models.BigIntegerField(null=True)
    programme_id = models.BigIntegerField(null=True)
    region = models.CharField(max_length=3, blank=True)
    departement = models.CharField(max_length=3, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{type(self).__name__} {self.pk}"


class PairFact(Where):
    """One pair that started (active or closed), as of the last refresh."""

    pair_id = models.BigIntegerField(primary_key=True)
    youth_id = models.BigIntegerField(db_index=True)
    mentor_id = models.BigIntegerField()
    referent_id = models.BigIntegerField(null=True, db_index=True)
    status = models.CharField(max_length=16)
    started_on = models.DateField()
    ended_on = models.DateField(null=True)
    start_year = models.PositiveSmallIntegerField()
    end_year = models.PositiveSmallIntegerField(null=True)
    duration_days = models.PositiveIntegerField()
    duration_band = models.CharField(max_length=8)  # DURATION_BANDS code
    # Started at least the programme's minimum duration ago: the cohort the 6-month share
    # is read on. reached_minimum: lasted that long (still running or closed after).
    in_minimum_cohort = models.BooleanField(default=False)
    reached_minimum = models.BooleanField(default=False)
    ended_early = models.BooleanField(default=False)  # closed before its minimum duration
    closure_reason = models.CharField(max_length=24, blank=True)
    ended_by = models.CharField(max_length=8, blank=True)  # youth, mentor or staff
    # The youth, at the pair's start.
    age_band = models.CharField(max_length=8, blank=True)
    situation = models.CharField(max_length=20, blank=True)
    lives_in_qpv = models.BooleanField(default=False)
    mission_locale = models.BooleanField(default=False)
    dropping_out = models.BooleanField(default=False)
    no_network = models.BooleanField(default=False)
    needs = models.PositiveIntegerField(default=0)
    # Meetings logged, their minutes, those of at least the programme's minimum.
    meetings = models.PositiveIntegerField(default=0)
    minutes = models.PositiveIntegerField(default=0)
    long_meetings = models.PositiveIntegerField(default=0)
    # Active pairs: the cadence (matching's one definition), the referent's next contact and
    # the risk signals (evaluations.risk), on the refresh's day.
    cadence_status = models.CharField(max_length=16, blank=True)
    contact_state = models.CharField(max_length=8, blank=True)
    risk = models.PositiveSmallIntegerField(default=0)
    signals = models.CharField(max_length=200, blank=True)
    objectives = models.PositiveSmallIntegerField(default=0)
    objectives_reached = models.PositiveSmallIntegerField(default=0)
    # The end questionnaire (self-evaluation progress needs the start one too).
    has_progress = models.BooleanField(default=False)
    satisfaction = models.FloatField(null=True)
    recommends = models.BooleanField(null=True)

    progress_confidence = models.FloatField(null=True)
    progress_project = models.FloatField(null=True)
    progress_knowledge = models.FloatField(null=True)
    progress_network = models.FloatField(null=True)
    progress_skills = models.FloatField(null=True)
    progress_engagement = models.FloatField(null=True)
    progress_wellbeing = models.FloatField(null=True)

    class Meta:
        verbose_name = _("binôme (synthèse)")
        verbose_name_plural = _("binômes (synthèse)")
        # Narrow indexes holding what each national figure reads, so that PostgreSQL reads
        # them alone (index-only scans, the refresh vacuums the facts) instead of every wide row.
        indexes = [
            models.Index(
                fields=["start_year", "duration_band"],
                include=["in_minimum_cohort", "reached_minimum", "ended_early", "pair_id"],
                name="pair_fact_start_year",
            ),
            models.Index(
                fields=["end_year", "ended_early", "closure_reason", "ended_by"],
                include=["pair_id"],
                name="pair_fact_end_year",
            ),
            models.Index(
                fields=["status", "cadence_status"], include=["pair_id"], name="pair_fact_cadence"
            ),
            models.Index(
                fields=["started_on", "ended_on"],
                include=[
                    "start_year",
                    "end_year",
                    "meetings",
                    "minutes",
                    "long_meetings",
                    "pair_id",
                ],
                name="pair_fact_period",
            ),
            models.Index(
                fields=["association_id", "status"],
                include=[
                    "cadence_status",
                    "start_year",
                    "in_minimum_cohort",
                    "reached_minimum",
                    "ended_early",
                    "pair_id",
                ],
                name="pair_fact_association",
            ),
            models.Index(fields=["departement"], name="pair_fact_departement"),
            models.Index(fields=["region"], name="pair_fact_region"),
            models.Index(fields=["programme_id"], name="pair_fact_programme"),
        ]


class YouthYear(Where):
    """A youth mentored in a year (a pair of theirs ran during it), with their pair's place
    and team and who they were at its start: the "who is reached" tables count these rows.
    A youth with two pairs in a year counts once, with the later one."""

    youth_id = models.BigIntegerField()
    year = models.PositiveSmallIntegerField()
    referent_id = models.BigIntegerField(null=True)
    age_band = models.CharField(max_length=8, blank=True)
    situation = models.CharField(max_length=20, blank=True)
    lives_in_qpv = models.BooleanField(default=False)
    mission_locale = models.BooleanField(default=False)
    dropping_out = models.BooleanField(default=False)
    no_network = models.BooleanField(default=False)
    needs = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("jeune accompagné dans l’année (synthèse)")
        verbose_name_plural = _("jeunes accompagnés dans l’année (synthèse)")
        indexes = [
            models.Index(fields=["year", "association_id"], name="youth_year_year"),
            models.Index(fields=["association_id"], name="youth_year_association"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["youth_id", "year"], name="youth_year_once"),
        ]


class ReachCell(Where):
    """Youths mentored in a year, counted per place and team and per value of one dimension
    (``total``, ``age_band``, ``situation``, a priority public, ``need_<code>``): the "who is
    reached" tables sum a few hundred of these instead of counting every youth."""

    year = models.PositiveSmallIntegerField()
    dimension = models.CharField(max_length=32)
    value = models.CharField(max_length=32, blank=True)
    youths = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("public accompagné (synthèse)")
        verbose_name_plural = _("public accompagné (synthèse)")
        indexes = [models.Index(fields=["year", "dimension"], name="reach_cell_year_dimension")]


class SignupCell(Where):
    """Youths who signed up in a year, per place and team: how many reached each step of the
    funnel (``measure`` the step, ``days`` None), and how many took so many days between two
    steps (``measure`` the delay, ``days`` the number): the funnel and its medians sum these."""

    signup_year = models.PositiveSmallIntegerField()
    measure = models.CharField(max_length=32)
    days = models.PositiveIntegerField(null=True)
    youths = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("parcours (synthèse)")
        verbose_name_plural = _("parcours (synthèse)")
        indexes = [models.Index(fields=["signup_year", "measure"], name="signup_cell_year")]


class YouthFact(Where):
    """One youth who signed up, and the day they reached each step of the funnel."""

    youth_id = models.BigIntegerField(primary_key=True)
    referent_id = models.BigIntegerField(null=True, db_index=True)  # their last pair's
    signup_year = models.PositiveSmallIntegerField()
    signed_up_on = models.DateField()
    vetted_on = models.DateField(null=True)
    proposed_on = models.DateField(null=True)
    active_on = models.DateField(null=True)
    first_meeting_on = models.DateField(null=True)
    minimum_on = models.DateField(null=True)
    completed_on = models.DateField(null=True)
    waiting = models.BooleanField(default=False)  # ready or on the waiting list, no open pair
    taken = models.BooleanField(default=True)  # attached and not refused: holds a place
    # Days between two steps (None until the later one is reached): their medians.
    days_to_vetted = models.PositiveIntegerField(null=True)
    days_to_proposed = models.PositiveIntegerField(null=True)
    days_to_active = models.PositiveIntegerField(null=True)
    days_to_first_meeting = models.PositiveIntegerField(null=True)
    days_signup_to_first_meeting = models.PositiveIntegerField(null=True)

    class Meta:
        verbose_name = _("jeune (synthèse)")
        verbose_name_plural = _("jeunes (synthèse)")
        indexes = [
            models.Index(fields=["signup_year"], name="youth_fact_signup_year"),
            models.Index(fields=["association_id"], name="youth_fact_association"),
            models.Index(fields=["departement"], name="youth_fact_departement"),
        ]


class SupplyCell(Where):
    """Per département and programme: youths waiting for a mentor, mentors' free places."""

    youths_waiting = models.PositiveIntegerField(default=0)
    mentor_places = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("offre et demande (synthèse)")
        verbose_name_plural = _("offre et demande (synthèse)")


class UnmatchedCell(Where):
    """Youths the last batch of each scope left without a proposal, by département and reason."""

    reason = models.CharField(max_length=32)
    youths = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("jeunes sans proposition (synthèse)")
        verbose_name_plural = _("jeunes sans proposition (synthèse)")
