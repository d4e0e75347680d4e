"""The "Rythme" figures: the running pairs' cadence today, and the meetings of the year's pairs."""

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from matching.enums import CadenceStatus, PairStatus

from ..scope import Scope
from ..suppression import WITHHELD, small
from ..tables import Column, Table
from .common import DECIMAL, PERCENT, grouped, ratio, share, share_table


def cadence(scope: Scope) -> Table:
    counts = grouped(
        scope.pairs().filter(status=PairStatus.ACTIVE), "cadence_status", Count("pair_id")
    )
    return share_table(
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
