"""The overview pages' figures: the year's headline against its target, and pairs started
month by month."""

import calendar
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from ..models import YearlyTarget
from ..scope import Scope
from ..suppression import WITHHELD, small
from ..tables import Column, Table
from .common import INTEGER, grouped, protect, ratio


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
    last = scope.on.replace(day=1)
    first = date(last.year - (1 if last.month < MONTHS_SHOWN else 0), (last.month % 12) + 1, 1)
    months = []
    day = first
    while day <= last:
        months.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    started = grouped(
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
    protect(scope, [row for row, month in zip(rows, months) if month.year == scope.year], 1)
    protect(scope, [row for row, month in zip(rows, months) if month.year != scope.year], 1)
    return Table(
        slug="binomes-par-mois",
        title=_("Binômes commencés chaque mois"),
        columns=[Column("month", _("Mois")), Column("started", _("Binômes commencés"), INTEGER)],
        rows=rows,
        chart="line",
    )
