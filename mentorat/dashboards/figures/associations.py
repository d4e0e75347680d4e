"""The "Associations" figure: one row per association, sortable by any column."""

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from matching.enums import CadenceStatus, PairStatus
from programmes.enums import LabelStatus
from programmes.models import Association, LabelDecision, Programme

from ..scope import Scope
from ..tables import Column, Hidden, Table
from .common import INTEGER, PERCENT, grouped, protect, share

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
    youths = grouped(scope.youths().filter(taken=True), "association_id", Count("youth_id"))
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
    labels = dict(LabelStatus.choices)
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
    protect(scope, rows, 3)
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
