"""Every figure of the dashboards, written once: each takes a Scope and returns a Table (one
query per table, on the summaries). On the ministry's scope (``scope.national``), counts of
fewer than 5 youths are hidden, with complementary suppression (see suppression.py).
"""

import calendar
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Avg, Count, Q, Sum
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from evaluations.enums import Dimension
from matching.enums import CadenceStatus, ClosureReason, PairStatus
from matching.explanations import unmatched_reason_text
from programmes.enums import Need, Situation
from programmes.models import Association
from vocabulary.departements import DEPARTEMENT_NAMES

from .geo import REGIONS, region_of
from .models import PROGRESS_DIMENSIONS, YearlyTarget
from .scope import Scope
from .summaries.bands import AGE_BAND_CODES, DURATION_BANDS
from .suppression import WITHHELD, chain, nested, small, suppress
from .suppression import share as protected_share
from .tables import Column, ColumnKind, Hidden, Table

TEXT, INTEGER, DECIMAL, PERCENT = (
    ColumnKind.TEXT,
    ColumnKind.INTEGER,
    ColumnKind.DECIMAL,
    ColumnKind.PERCENT,
)


def ratio(part, whole):
    return part / whole if whole else None


def share(scope: Scope, part, base):
    """A share as the scope may show it: on the ministry's, hidden when it would give a count
    under 5 back (see suppression.share)."""
    return protected_share(part, base) if scope.national else ratio(part, base)


def _protect(scope: Scope, rows, column, *, linked=(), total_row=None):
    if scope.national:
        suppress(rows, column, linked=linked, total_row=total_row)


# Headline ------------------------------------------------------------------------------------


@dataclass
class Headline:
    year: int
    youths_mentored: int
    pairs_active: int
    pairs_started: int
    pairs_closed: int
    target: int | None
    projection: int | None
    national: bool = True

    def __getitem__(self, key):
        return getattr(self, key)

    @property
    def progress(self) -> float | None:
        return ratio(self.youths_mentored, self.target)

    @property
    def progress_percent(self) -> int:
        return min(round((self.progress or 0) * 100), 100)

    def shown(self, value):
        return small(value) if self.national else value

    @property
    def table(self) -> Table:
        rows = [
            [_("Jeunes accompagnés dans l’année"), self.shown(self.youths_mentored)],
            [_("Binômes en cours"), self.shown(self.pairs_active)],
            [_("Binômes commencés dans l’année"), self.shown(self.pairs_started)],
            [_("Binômes terminés dans l’année"), self.shown(self.pairs_closed)],
        ]
        if self.target:
            rows.append([_("Objectif de l’année (jeunes)"), self.target])
            projected = self.projection
            if self.national and self.youths_mentored < 5 and projected is not None:
                projected = WITHHELD  # it would give the hidden count back
            rows.append([_("Projection au rythme actuel (jeunes)"), self.shown(projected)])
        return Table(
            slug="chiffres-cles",
            title=_("Chiffres clés %(year)s") % {"year": self.year},
            columns=[Column("figure", _("Indicateur")), Column("value", _("Valeur"), INTEGER)],
            rows=rows,
        )


def projection(youths: int, year: int, today: date) -> int | None:
    """At the current pace: youths so far, over the days gone, times the year's days."""
    if year != today.year:  # a year to come, or one that is over: nothing to project
        return None
    days = 366 if calendar.isleap(year) else 365
    elapsed = (today - date(year, 1, 1)).days + 1
    return round(youths * days / elapsed)


def headline(scope: Scope) -> Headline:
    on = scope.on
    figures = scope.pairs_of_year().aggregate(
        pairs_active=Count(
            "pair_id",
            filter=Q(started_on__lte=on) & (Q(ended_on__isnull=True) | Q(ended_on__gt=on)),
        ),
        pairs_started=Count("pair_id", filter=Q(start_year=scope.year)),
        pairs_closed=Count("pair_id", filter=Q(end_year=scope.year)),
    )
    figures["youths_mentored"] = scope.youths_mentored().count()
    target = None
    if (
        scope.association is None
        and scope.programme is None
        and not scope.region
        and not (scope.departement)
    ):
        target = (
            YearlyTarget.objects.filter(year=scope.year).values_list("youths", flat=True).first()
        )
    return Headline(
        year=scope.year,
        target=target,
        projection=projection(figures["youths_mentored"], scope.year, scope.today),
        national=scope.national,
        **figures,
    )


MONTHS_SHOWN = 12


def starts_by_month(scope: Scope) -> Table:
    """Pairs started and closed each month, over the last 12 months (to the scope's day)."""
    from django.db.models.functions import TruncMonth

    last = scope.on.replace(day=1)
    first = date(last.year - (1 if last.month < MONTHS_SHOWN else 0), (last.month % 12) + 1, 1)
    months = []
    day = first
    while day <= last:
        months.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    started = _grouped(
        scope.pairs()
        .filter(started_on__gte=first, started_on__lte=scope.on)
        .annotate(month=TruncMonth("started_on")),
        "month",
        Count("pair_id"),
    )
    started = {(key.date() if hasattr(key, "date") else key): n for key, n in started.items()}
    rows = [[month.strftime("%m/%Y"), started.get(month, 0)] for month in months]
    # The year's months sum to the headline's "Binômes commencés dans l’année": each group
    # (the year's months, the months before it) is protected as if its total were shown.
    _protect(scope, [row for row, month in zip(rows, months) if month.year == scope.year], 1)
    _protect(scope, [row for row, month in zip(rows, months) if month.year != scope.year], 1)
    return Table(
        slug="binomes-par-mois",
        title=_("Binômes commencés chaque mois"),
        columns=[Column("month", _("Mois")), Column("started", _("Binômes commencés"), INTEGER)],
        rows=rows,
        chart="line",
    )


# Funnel ----------------------------------------------------------------------------------------

FUNNEL_STEPS = (
    ("signed_up", _("Inscrits"), None),
    ("vetted", _("Inscription validée"), "vetted_on"),
    ("proposed", _("Binôme proposé"), "proposed_on"),
    ("active", _("Binôme commencé"), "active_on"),
    ("first_meeting", _("Première rencontre"), "first_meeting_on"),
    ("minimum", _("6 mois atteints"), "minimum_on"),
    ("completed", _("Objectifs atteints (terminé)"), "completed_on"),
)

# Steps a running pair reaches with time: youths short of them are not lost (yet).
NOT_YET = ("minimum", "completed")

DELAYS = (
    ("days_to_vetted", _("De l’inscription à la validation")),
    ("days_to_proposed", _("De la validation à la proposition")),
    ("days_to_active", _("De la proposition au début du binôme")),
    ("days_to_first_meeting", _("Du début du binôme à la première rencontre")),
    ("days_signup_to_first_meeting", _("De l’inscription à la première rencontre")),
)
# The funnel's steps a delay's youths have reached (its count is about theirs).
DELAY_STEPS = {
    "days_to_vetted": ("signed_up", "vetted"),
    "days_to_proposed": ("vetted", "proposed"),
    "days_to_active": ("proposed", "active"),
    "days_to_first_meeting": ("active", "first_meeting"),
    "days_signup_to_first_meeting": ("signed_up", "first_meeting"),
}


def hidden_steps(funnel_table: Table) -> set[str]:
    """The funnel's steps a page hides: a table beside it must not show their counts."""
    return {
        code
        for (code, _label, _field), row in zip(FUNNEL_STEPS, funnel_table.rows, strict=True)
        if isinstance(row[1], Hidden)
    }


def funnel(scope: Scope) -> Table:
    """Youths who signed up in the year, and how many reached each step since."""
    counts = scope.funnel()
    values = [counts[code] for code, _label, _field in FUNNEL_STEPS]
    drops = [None] + [values[i - 1] - values[i] for i in range(1, len(values))]
    shown, shown_drops = chain(values) if scope.national else (values, drops)
    rows = [
        [
            label,
            shown[i],
            None if code in NOT_YET else shown_drops[i],
            share(scope, shown[i], shown[i - 1]) if i else None,
        ]
        for i, (code, label, _field) in enumerate(FUNNEL_STEPS)
    ]
    if scope.national:
        for i in range(1, len(rows)):
            if isinstance(shown_drops[i], Hidden):
                rows[i][3] = WITHHELD
    return Table(
        slug="parcours",
        title=_("Parcours des jeunes inscrits en %(year)s") % {"year": scope.year},
        columns=[
            Column("step", _("Étape")),
            Column("youths", _("Jeunes"), INTEGER),
            Column("drop", _("Perdus depuis l’étape précédente"), INTEGER),
            Column("kept", _("Part de l’étape précédente"), PERCENT),
        ],
        rows=rows,
        chart="bar",
        notes=[
            _("Chaque jeune inscrit dans l’année est suivi jusqu’à aujourd’hui."),
            _(
                "« 6 mois atteints » et « Objectifs atteints » : des binômes encore en cours "
                "n’y sont pas encore arrivés ; l’écart avec l’étape précédente n’est pas une perte."
            ),
        ],
    )


def median_of(histogram: dict[int, int]) -> float | None:
    """The median of values given as {value: how many times}."""
    total = sum(histogram.values())
    if not total:
        return None
    values = sorted(histogram)

    def nth(k: int) -> int:  # the k-th smallest value, from 0
        seen = 0
        for value in values:
            seen += histogram[value]
            if seen > k:
                return value
        return values[-1]

    if total % 2:
        return float(nth(total // 2))
    return (nth(total // 2 - 1) + nth(total // 2)) / 2


def delays(scope: Scope, *, hidden: set[str] = frozenset()) -> Table:
    """The median number of days between two steps (one query: a histogram per delay).
    ``hidden``: the steps the funnel beside it hides (their counts would come back here)."""
    histograms = scope.delays()
    rows = []
    for field, label in DELAYS:
        count = sum(histograms[field].values())
        rows.append([label, median_of(histograms[field]), count])
    if scope.national:
        for (field, _label), row in zip(DELAYS, rows, strict=True):
            if row[2] < 5:
                row[1], row[2] = WITHHELD, small(row[2])
            elif hidden & set(DELAY_STEPS[field]):
                row[2] = WITHHELD
    return Table(
        slug="delais",
        title=_("Délais médians (jours)"),
        columns=[
            Column("between", _("Entre")),
            # The median first: the chart draws the first figure column (and its kind's).
            Column("median", _("Délai médian (jours)"), DECIMAL),
            Column("youths", _("Jeunes"), INTEGER),
        ],
        rows=rows,
        chart="bar",
    )


# Durations and endings -----------------------------------------------------------------------

DURATION_LABELS = {
    "lt3": _("Moins de 3 mois"),
    "3-6": _("3 à 6 mois"),
    "6-9": _("6 à 9 mois"),
    "9-12": _("9 à 12 mois"),
    "gt12": _("Plus de 12 mois"),
}


def _grouped(queryset, key, measure):
    return dict(queryset.values(key).annotate(n=measure).values_list(key, "n"))


def _total_note(label, value) -> str:
    """A table's total, in a note: a chart draws every row, and a total is not a category."""
    shown = str(value) if isinstance(value, Hidden) else number_format(value, force_grouping=True)
    return _("%(label)s : %(value)s.") % {"label": label, "value": shown}


def _share_table(scope, *, slug, title, label, keys, counts, unit, chart, notes=(), more_hidden=()):
    """``more_hidden``: keys hidden for another table's sake (a région's départements)."""
    total = sum(counts.values())
    rows = [[labels, counts.get(key, 0), ratio(counts.get(key, 0), total)] for key, labels in keys]
    total_row = [_("Total"), total, 1.0 if total else None]
    _protect(scope, rows, 1, linked=(2,), total_row=total_row)
    if scope.national:
        for (key, _labels), row in zip(keys, rows, strict=True):
            if key in more_hidden and not isinstance(row[1], Hidden):
                row[1] = WITHHELD if row[1] >= 5 else small(row[1])
    if scope.national:
        for row in rows:
            row[2] = share(scope, row[1], total_row[1])
        if isinstance(total_row[1], Hidden) or total < 5:
            total_row[1:] = [small(total), WITHHELD]
    return Table(
        slug=slug,
        title=title,
        columns=[
            Column("key", label),
            Column("count", unit, INTEGER),
            Column("share", _("Part"), PERCENT),
        ],
        rows=rows,
        chart=chart,
        notes=[_total_note(_("Total"), total_row[1]), *notes],
    )


def durations(scope: Scope) -> Table:
    counts = _grouped(scope.pairs_started(), "duration_band", Count("pair_id"))
    more_hidden = set()
    if scope.national:
        # The bands of 6 months and more add up to (about) the pairs "qui ont atteint 6 mois"
        # of the table beside it: no hidden band may come back from that figure.
        bands = {code: counts.get(code, 0) for code, _low, _high in DURATION_BANDS}
        long = {code for code, low, _high in DURATION_BANDS if low >= 6}
        groups = {
            "long": sum(n for code, n in bands.items() if code in long),
            "short": sum(n for code, n in bands.items() if code not in long),
        }
        more_hidden, _wholes = nested(
            bands, groups, lambda code: "long" if code in long else "short", wholes_shown=True
        )
    return _share_table(
        scope,
        slug="durees",
        title=_("Durée des binômes commencés en %(year)s") % {"year": scope.year},
        label=_("Durée"),
        # Only the durations a pair started in the year can have had by now (no "Plus de
        # 12 mois" for pairs started this year).
        keys=[
            (code, DURATION_LABELS[code])
            for code, low, _high in DURATION_BANDS
            if date(scope.year, 1, 1) + relativedelta(months=low) <= scope.today or counts.get(code)
        ],
        counts=counts,
        unit=_("Binômes"),
        chart="bar",
        notes=[_("Durée jusqu’à la fin du binôme, ou jusqu’à aujourd’hui s’il est en cours.")],
        more_hidden=more_hidden,
    )


def minimum_duration(scope: Scope) -> Table:
    """On the cohort started at least 6 months ago (the programme's minimum): the share that
    lasted that long, and the share that ended early, before it."""
    figures = (
        scope.pairs_started()
        .filter(in_minimum_cohort=True)
        .aggregate(
            cohort=Count("pair_id"),
            reached=Count("pair_id", filter=Q(reached_minimum=True)),
            early=Count("pair_id", filter=Q(ended_early=True)),
        )
    )
    cohort = figures["cohort"]
    rows = [
        [
            _("Binômes qui ont atteint 6 mois"),
            figures["reached"],
            ratio(figures["reached"], cohort),
        ],
        [_("Binômes arrêtés avant 6 mois"), figures["early"], ratio(figures["early"], cohort)],
        [
            _("Binômes encore en cours sans avoir atteint 6 mois"),
            cohort - figures["reached"] - figures["early"],
            ratio(cohort - figures["reached"] - figures["early"], cohort),
        ],
    ]
    total_row = [_("Binômes commencés depuis au moins 6 mois"), cohort, 1.0 if cohort else None]
    _protect(scope, rows, 1, linked=(2,), total_row=total_row)
    if scope.national:
        for row in rows:
            row[2] = share(scope, row[1], total_row[1])
        if isinstance(total_row[1], Hidden) or cohort < 5:
            total_row[1:] = [small(cohort), WITHHELD]
    return Table(
        slug="six-mois",
        title=_("Part des binômes qui atteignent 6 mois (commencés en %(year)s)")
        % {"year": scope.year},
        columns=[
            Column("what", _("Binômes")),
            Column("pairs", _("Nombre"), INTEGER),
            Column("share", _("Part"), PERCENT),
        ],
        rows=rows,
        chart="pie",
        notes=[
            _total_note(total_row[0], total_row[1]),
            _(
                "Comptés seulement sur les binômes commencés depuis au moins la durée minimale "
                "de leur programme (une cohorte, pas une photographie)."
            ),
        ],
    )


ENDED_BY_LABELS = {
    "youth": _("Le jeune"),
    "mentor": _("Le mentor"),
    "staff": _("L’association"),
    "": _("Non renseigné"),
}


def early_endings_by_reason(scope: Scope) -> Table:
    counts = _grouped(
        scope.pairs_closed().filter(ended_early=True), "closure_reason", Count("pair_id")
    )
    return _share_table(
        scope,
        slug="arrets-motifs",
        title=_("Arrêts avant 6 mois en %(year)s, par motif") % {"year": scope.year},
        label=_("Motif"),
        keys=[(r.value, r.label) for r in ClosureReason if r != ClosureReason.OBJECTIVES_REACHED],
        counts=counts,
        unit=_("Binômes"),
        chart="bar",
    )


def early_endings_by_who(scope: Scope) -> Table:
    counts = _grouped(scope.pairs_closed().filter(ended_early=True), "ended_by", Count("pair_id"))
    return _share_table(
        scope,
        slug="arrets-qui",
        title=_("Arrêts avant 6 mois en %(year)s, par qui") % {"year": scope.year},
        label=_("Arrêté par"),
        keys=list(ENDED_BY_LABELS.items()),
        counts=counts,
        unit=_("Binômes"),
        chart="pie",
    )


# Cadence -------------------------------------------------------------------------------------


def cadence(scope: Scope) -> Table:
    counts = _grouped(
        scope.pairs().filter(status=PairStatus.ACTIVE), "cadence_status", Count("pair_id")
    )
    return _share_table(
        scope,
        slug="rythme",
        title=_("Rythme des rencontres des binômes en cours aujourd’hui"),
        label=_("État"),
        keys=[(status.value, status.label) for status in CadenceStatus],
        counts=counts,
        unit=_("Binômes"),
        chart="pie",
        notes=[
            _(
                "Une rencontre d’au moins la durée minimale du programme, confirmée par le "
                "jeune ou sans réponse sous 7 jours, toutes les 6 semaines au plus."
            )
        ],
    )


def meetings(scope: Scope) -> Table:
    figures = scope.pairs_of_year().aggregate(
        pairs=Count("pair_id"),
        n_meetings=Sum("meetings"),
        n_minutes=Sum("minutes"),
        long=Sum("long_meetings"),
    )
    pairs, total = figures["pairs"], figures["n_meetings"] or 0
    rows = [
        [_("Binômes de l’année"), pairs, None],
        [_("Rencontres notées"), total, None],
        [_("Rencontres par binôme"), ratio(total, pairs), None],
        [_("Heures de rencontre par binôme"), ratio((figures["n_minutes"] or 0) / 60, pairs), None],
        [
            _("Part des rencontres d’au moins 1 h 30"),
            None,
            share(scope, figures["long"] or 0, total),
        ],
    ]
    if scope.national and pairs < 5:
        rows[0][1] = small(pairs)
        for row in rows[1:]:
            row[1:] = [WITHHELD if value is not None else None for value in row[1:]]
    return Table(
        slug="rencontres",
        title=_("Rencontres des binômes de %(year)s") % {"year": scope.year},
        columns=[
            Column("what", _("Indicateur")),
            Column("value", _("Valeur"), DECIMAL),
            Column("share", _("Part"), PERCENT),
        ],
        rows=rows,
        notes=[_("Les rencontres que le jeune dit ne pas avoir eu lieu ne sont pas comptées.")],
    )


# Who is reached ------------------------------------------------------------------------------


def _reach(
    scope,
    *,
    slug,
    title,
    label,
    names,
    dimension="total",
    key="value",
    chart="bar",
    sort_by_count=False,
    counts=None,
    more_hidden=(),
):
    counts = scope.reach(dimension, key) if counts is None else counts
    keys = list(names.items())
    keys += [(code, code or "—") for code in counts if code not in names]
    if sort_by_count:
        keys.sort(key=lambda item: -counts.get(item[0], 0))
    return _share_table(
        scope,
        slug=slug,
        title=title % {"year": scope.year},
        label=label,
        keys=keys,
        counts=counts,
        unit=_("Jeunes"),
        chart=chart,
        notes=[_("Jeunes dont un binôme a été en cours pendant l’année.")],
        more_hidden=more_hidden,
    )


def reach_by_association(scope: Scope) -> Table:
    names = dict(Association.objects.order_by("name").values_list("pk", "name"))
    return _reach(
        scope,
        slug="public-associations",
        title=_("Jeunes accompagnés en %(year)s, par association"),
        label=_("Association"),
        key="association_id",
        names=names,
        sort_by_count=True,
    )


def reach_by_place(scope: Scope) -> tuple[Table, Table]:
    """Youths by région and by département: on the ministry's scope, a région being the sum
    of its départements, neither table may give back a figure the other hides."""
    regions = scope.reach("total", "region")
    departements = scope.reach("total", "departement")
    more_regions, more_departements = set(), set()
    if scope.national:
        parts = {code: departements.get(code, 0) for code in DEPARTEMENT_NAMES} | departements
        wholes = {code: regions.get(code, 0) for code in REGIONS} | regions
        more_departements, more_regions = nested(parts, wholes, region_of)
    return (
        reach_by_region(scope, counts=regions, more_hidden=more_regions),
        reach_by_departement(scope, counts=departements, more_hidden=more_departements),
    )


def reach_by_region(scope: Scope, *, counts=None, more_hidden=()) -> Table:
    return _reach(
        scope,
        slug="public-regions",
        title=_("Jeunes accompagnés en %(year)s, par région"),
        label=_("Région"),
        key="region",
        names=dict(sorted(REGIONS.items(), key=lambda item: item[1])),
        sort_by_count=True,
        counts=counts,
        more_hidden=more_hidden,
    )


def reach_by_departement(scope: Scope, *, counts=None, more_hidden=()) -> Table:
    names = {code: f"{code} — {name}" for code, name in DEPARTEMENT_NAMES.items()}
    return _reach(
        scope,
        slug="public-departements",
        title=_("Jeunes accompagnés en %(year)s, par département"),
        label=_("Département"),
        key="departement",
        names=names,
        chart="map",
        counts=counts,
        more_hidden=more_hidden,
    )


AGE_BAND_LABELS = {
    code: _("%(low)s à %(high)s ans") % dict(zip(("low", "high"), code.split("-"), strict=True))
    for code in AGE_BAND_CODES
}


def reach_by_age(scope: Scope) -> Table:
    return _reach(
        scope,
        slug="public-ages",
        title=_("Jeunes accompagnés en %(year)s, par âge au début du binôme"),
        label=_("Âge"),
        dimension="age_band",
        names=AGE_BAND_LABELS,
    )


def reach_by_situation(scope: Scope) -> Table:
    return _reach(
        scope,
        slug="public-situations",
        title=_("Jeunes accompagnés en %(year)s, par situation"),
        label=_("Situation"),
        dimension="situation",
        names={s.value: s.label for s in Situation},
    )


PRIORITY_PUBLICS = (
    ("lives_in_qpv", _("Habitant un quartier prioritaire (QPV)")),
    ("mission_locale", _("Suivis par une Mission locale")),
    ("dropping_out", _("En risque de décrochage")),
    ("no_network", _("Sans réseau professionnel")),
)


def _flags_table(scope, *, slug, title, label, groups):
    """Youths in several groups that overlap (a youth may be in two): each row's share of all."""
    counts = scope.reach_totals(["total", *(dimension for dimension, _label in groups)])
    total = counts["total"]
    rows = [
        [row_label, counts[dimension], share(scope, counts[dimension], total)]
        for dimension, row_label in groups
    ]
    if scope.national:
        # Overlapping groups: no total to subtract from, each small count is hidden alone
        # (and its share, with those whose complement is small: see suppression.share).
        for row in rows:
            row[1] = small(row[1])
    return Table(
        slug=slug,
        title=title % {"year": scope.year},
        columns=[
            Column("group", label),
            Column("youths", _("Jeunes"), INTEGER),
            Column("share", _("Part des jeunes accompagnés"), PERCENT),
        ],
        rows=rows,
        chart="bar",
        notes=[_("Un jeune peut compter dans plusieurs lignes.")],
    )


def reach_priority(scope: Scope) -> Table:
    return _flags_table(
        scope,
        slug="public-prioritaire",
        title=_("Publics prioritaires accompagnés en %(year)s"),
        label=_("Public"),
        groups=list(PRIORITY_PUBLICS),
    )


def reach_by_need(scope: Scope) -> Table:
    return _flags_table(
        scope,
        slug="public-besoins",
        title=_("Jeunes accompagnés en %(year)s, par besoin exprimé"),
        label=_("Besoin"),
        groups=[(f"need_{need.value}", need.label) for need in Need],
    )


# Outcomes ------------------------------------------------------------------------------------


def progress(scope: Scope) -> Table:
    """End minus start, per dimension, for the youths who filled both questionnaires."""
    pairs = scope.pairs_closed().filter(has_progress=True)
    figures = pairs.aggregate(
        youths=Count("pair_id"),
        **{d.value: Avg(f"progress_{d.value}") for d in PROGRESS_DIMENSIONS},
    )
    youths = figures["youths"]
    rows = [[d.label, figures[d.value]] for d in PROGRESS_DIMENSIONS]
    if scope.national and youths < 5:
        for row in rows:
            row[1] = WITHHELD
    return Table(
        slug="progression",
        title=_("Progression à l’auto-évaluation (binômes terminés en %(year)s)")
        % {"year": scope.year},
        columns=[
            Column("dimension", _("Dimension")),
            Column("delta", _("Évolution moyenne (fin moins début, sur 5)"), DECIMAL),
        ],
        rows=rows,
        chart="bar",
        notes=[
            _("Seulement les jeunes qui ont rempli les questionnaires de début et de fin : %(n)s.")
            % {"n": small(youths) if scope.national else youths}
        ],
    )


def outcomes(scope: Scope) -> Table:
    figures = scope.pairs_closed().aggregate(
        pairs=Count("pair_id"),
        n_objectives=Sum("objectives"),
        reached=Sum("objectives_reached"),
        rated=Count("pair_id", filter=Q(satisfaction__isnull=False)),
        mean_satisfaction=Avg("satisfaction"),
        answered=Count("pair_id", filter=Q(recommends__isnull=False)),
        recommend=Count("pair_id", filter=Q(recommends=True)),
        completed=Count("pair_id", filter=Q(status=PairStatus.COMPLETED)),
    )
    rows = [
        [_("Binômes terminés"), figures["pairs"], None],
        [
            _("Terminés « objectifs atteints »"),
            figures["pairs"],
            share(scope, figures["completed"], figures["pairs"]),
        ],
        [
            _("Objectifs atteints"),
            figures["n_objectives"] or 0,
            share(scope, figures["reached"] or 0, figures["n_objectives"] or 0),
        ],
        [_("Satisfaction moyenne (sur 5)"), figures["rated"], None, figures["mean_satisfaction"]],
        [
            _("Conseilleraient le mentorat"),
            figures["answered"],
            share(scope, figures["recommend"], figures["answered"]),
        ],
    ]
    for row in rows:  # shares in the "Part" column; the mean in "Valeur"
        row.extend([None] * (4 - len(row)))
    if scope.national:
        for row in rows:
            if row[1] < 5:
                row[1] = small(row[1])
                row[2] = WITHHELD if row[2] is not None else None
                row[3] = WITHHELD if row[3] is not None else None
    return Table(
        slug="resultats",
        title=_("Résultats des binômes terminés en %(year)s") % {"year": scope.year},
        columns=[
            Column("what", _("Indicateur")),
            Column("base", _("Sur"), INTEGER),
            Column("share", _("Part"), PERCENT),
            Column("value", _("Valeur"), DECIMAL),
        ],
        rows=rows,
        notes=[_("Satisfaction et recommandation : réponses au questionnaire de fin.")],
    )


# Supply and demand ---------------------------------------------------------------------------


def supply(scope: Scope) -> Table:
    from .models import SupplyCell, UnmatchedCell

    cells = {
        code: (waiting or 0, places or 0)
        for code, waiting, places in scope.where(SupplyCell.objects.all())
        .order_by()
        .values("departement")
        .annotate(waiting=Sum("youths_waiting"), places=Sum("mentor_places"))
        .values_list("departement", "waiting", "places")
    }
    unmatched = _grouped(
        scope.where(UnmatchedCell.objects.all()).order_by(), "departement", Sum("youths")
    )
    codes = sorted(set(cells) | set(unmatched))
    rows = [
        [
            code,
            DEPARTEMENT_NAMES.get(code, code),
            cells.get(code, (0, 0))[0],
            cells.get(code, (0, 0))[1],
            cells.get(code, (0, 0))[1] - cells.get(code, (0, 0))[0],
            unmatched.get(code) or 0,
        ]
        for code in codes
    ]
    total_row = [
        "",
        _("Total"),
        sum(r[2] for r in rows),
        sum(r[3] for r in rows),
        sum(r[4] for r in rows),
        sum(r[5] for r in rows),
    ]
    _protect(scope, rows, 2, linked=(4,), total_row=total_row)
    _protect(scope, rows, 5, total_row=total_row)
    return Table(
        slug="offre-demande",
        title=_("Jeunes en attente et places de mentors, par département"),
        columns=[
            Column("code", _("Code")),
            Column("departement", _("Département")),
            Column("waiting", _("Jeunes en attente"), INTEGER),
            Column("places", _("Places de mentors libres"), INTEGER, people=False),
            Column("balance", _("Places moins jeunes en attente"), INTEGER, people=False),
            Column("unmatched", _("Sans proposition au dernier lot"), INTEGER),
        ],
        rows=[*rows, total_row],
        chart="map",
        notes=[
            _(
                "Un solde négatif : des mentors à recruter dans ce département. Jeunes prêts "
                "ou en liste d’attente, sans binôme en cours."
            )
        ],
    )


def unmatched_reasons(scope: Scope) -> Table:
    from .models import UnmatchedCell

    counts = _grouped(scope.where(UnmatchedCell.objects.all()).order_by(), "reason", Sum("youths"))
    return _share_table(
        scope,
        slug="sans-proposition",
        title=_("Pourquoi des jeunes sont restés sans proposition au dernier lot"),
        label=_("Motif"),
        keys=[(code, capfirst(unmatched_reason_text(code))) for code in sorted(counts)],
        counts=counts,
        unit=_("Jeunes"),
        chart="bar",
    )


# Associations --------------------------------------------------------------------------------

ASSOCIATION_SORTS = (
    "association",
    "label",
    "financement",
    "jeunes",
    "capacite",
    "rythme",
    "six-mois",
    "arrets",
)


def associations(scope: Scope, *, sort: str = "association", descending: bool = False) -> Table:
    from django.db.models import OuterRef, Subquery

    from programmes.enums import LabelStatus
    from programmes.models import LabelDecision, Programme

    funding = LabelDecision.objects.filter(
        association=OuterRef("pk"), status=LabelStatus.LABELLED
    ).order_by("-decided_at", "-pk")
    capacity = (
        Programme.objects.filter(association=OuterRef("pk"))
        .order_by()
        .values("association")
        .annotate(total=Sum("capacity"))
        .values("total")
    )
    listed = Association.objects.order_by("name")
    if scope.association is not None:
        listed = listed.filter(pk=scope.association.pk)
    listed = listed.annotate(
        funding=Subquery(funding.values("funding_euros")[:1]),
        capacity=Subquery(capacity),
    ).values_list("pk", "name", "label_status", "funding", "capacity")
    youths = _grouped(scope.youths().filter(taken=True), "association_id", Count("youth_id"))
    pairs = {
        row[0]: row[1:]
        for row in scope.pairs()
        .values("association_id")
        .annotate(
            active=Count("pair_id", filter=Q(status=PairStatus.ACTIVE)),
            late=Count("pair_id", filter=Q(cadence_status=CadenceStatus.LATE)),
            cohort=Count("pair_id", filter=Q(in_minimum_cohort=True, start_year=scope.year)),
            reached=Count(
                "pair_id",
                filter=Q(in_minimum_cohort=True, start_year=scope.year, reached_minimum=True),
            ),
            early=Count(
                "pair_id", filter=Q(in_minimum_cohort=True, start_year=scope.year, ended_early=True)
            ),
        )
        .values_list("association_id", "active", "late", "cohort", "reached", "early")
    }
    from programmes.enums import LabelStatus as Status

    labels = dict(Status.choices)
    rows = []
    for (
        pk,
        name,
        label,
        money,
        capacity_total,
    ) in listed:
        active, late, cohort, reached, early = pairs.get(pk, (0, 0, 0, 0, 0))
        rows.append(
            [
                name,
                str(labels.get(label, label)),
                money,
                youths.get(pk, 0),
                capacity_total or 0,
                share(scope, active - late, active),
                share(scope, reached, cohort),
                share(scope, early, cohort),
            ]
        )
    # Hidden before sorting, and sorted with the blanks: the order would rank hidden figures.
    _protect(scope, rows, 3)
    index = ASSOCIATION_SORTS.index(sort) if sort in ASSOCIATION_SORTS else 0

    def missing(value):
        return value is None or isinstance(value, Hidden)

    present = [row for row in rows if not missing(row[index])]
    present.sort(key=lambda row: row[index], reverse=descending)
    rows = present + [row for row in rows if missing(row[index])]
    return Table(
        slug="associations",
        title=_("Associations en %(year)s") % {"year": scope.year},
        columns=[
            Column("association", _("Association")),
            Column("label", _("Label")),
            Column("financement", _("Financement de l’État (euros)"), INTEGER, people=False),
            Column("jeunes", _("Jeunes rattachés"), INTEGER),
            Column("capacite", _("Capacité des programmes"), INTEGER, people=False),
            Column("rythme", _("Binômes en cours aujourd’hui à jour du rythme"), PERCENT),
            Column("six-mois", _("Part atteignant 6 mois"), PERCENT),
            Column("arrets", _("Arrêts avant 6 mois"), PERCENT),
        ],
        rows=rows,
        notes=[
            _(
                "6 mois et arrêts : binômes commencés dans l’année depuis au moins la durée "
                "minimale de leur programme."
            )
        ],
    )


# The dimension labels stay importable for templates and tests.
DIMENSION_LABELS = {d.value: d.label for d in Dimension}
