"""The "Public accompagné" figures: who the youths mentored in the year are (age, situation,
priority publics, needs) and where (association, région, département)."""

from django.utils.translation import gettext_lazy as _

from programmes.enums import Need, Situation
from programmes.models import Association
from vocabulary.departements import DEPARTEMENT_NAMES

from ..geo import REGIONS, region_of
from ..scope import Scope
from ..summaries.bands import AGE_BAND_CODES
from ..suppression import nested, small
from ..tables import Column, Table
from .common import INTEGER, PERCENT, share, share_table


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
    return share_table(
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
