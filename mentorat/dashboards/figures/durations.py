"""The "Durées et arrêts" figures: how long the pairs started in the year lasted, the share that
reached the 6-month minimum, and the early endings (why, and on whose side)."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from matching.enums import ClosureReason

from ..scope import Scope
from ..summaries.bands import DURATION_BANDS
from ..suppression import WITHHELD, nested, small
from ..tables import Column, Hidden, Table
from .common import INTEGER, PERCENT, grouped, protect, ratio, share, share_table, total_note

DURATION_LABELS = {
    "lt3": _("Moins de 3 mois"),
    "3-6": _("3 à 6 mois"),
    "6-9": _("6 à 9 mois"),
    "9-12": _("9 à 12 mois"),
    "gt12": _("Plus de 12 mois"),
}


def durations(scope: Scope) -> Table:
    counts = grouped(scope.pairs_started(), "duration_band", Count("pair_id"))
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
    return share_table(
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
    protect(scope, rows, 1, linked=(2,), total_row=total_row)
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
            total_note(total_row[0], total_row[1]),
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
    counts = grouped(
        scope.pairs_closed().filter(ended_early=True), "closure_reason", Count("pair_id")
    )
    return share_table(
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
    counts = grouped(scope.pairs_closed().filter(ended_early=True), "ended_by", Count("pair_id"))
    return share_table(
        scope,
        slug="arrets-qui",
        title=_("Arrêts avant 6 mois en %(year)s, par qui") % {"year": scope.year},
        label=_("Arrêté par"),
        keys=list(ENDED_BY_LABELS.items()),
        counts=counts,
        unit=_("Binômes"),
        chart="pie",
    )
