"""The "Résultats" figures: the pairs closed in the year, their objectives, the youths'
satisfaction and progress at the self-evaluation."""

from django.db.models import Avg, Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from matching.enums import PairStatus

from ..models import PROGRESS_DIMENSIONS
from ..scope import Scope
from ..suppression import WITHHELD, small
from ..tables import Column, Table
from .common import DECIMAL, INTEGER, PERCENT, share


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
