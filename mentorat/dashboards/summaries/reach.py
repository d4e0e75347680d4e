"""The reach cube (``ReachCell``): youths mentored in a year per place, team and value of one
dimension. The scope reads the same dimensions from ``YouthYear`` for a referent's pairs."""

from collections.abc import Iterator

from django.db.models import Count, F, Q

from programmes import flags
from programmes.enums import Need

from ..models import ReachCell, YouthYear

PLACE = ("year", "association_id", "programme_id", "region", "departement")
PRIORITY_FIELDS = ("lives_in_qpv", "mission_locale", "dropping_out", "no_network")


def reach_dimensions() -> dict[str, tuple]:
    """Each dimension of the reach cube: (YouthYear condition or None, the field whose values
    it counts or None, the need's bit or None: then the condition reads ``needs_bit``)."""
    dimensions = {
        "total": (None, None, None),
        "age_band": (None, "age_band", None),
        "situation": (None, "situation", None),
    }
    for name in PRIORITY_FIELDS:
        dimensions[name] = (Q(**{name: True}), None, None)
    for need in Need:
        dimensions[f"need_{need.value}"] = (
            Q(needs_bit__gt=0),
            None,
            flags.mask_of(Need, [need.value]),
        )
    return dimensions


def narrowed(rows, dimension: str):
    """YouthYear rows in one dimension of the cube, and the field of its values (or None)."""
    condition, field, bit = reach_dimensions()[dimension]
    if bit is not None:
        rows = rows.annotate(needs_bit=F("needs").bitand(bit))
    return (rows.filter(condition) if condition is not None else rows), field


def reach_cells() -> Iterator[ReachCell]:
    """The cube, from the YouthYear rows just written: one grouped query per dimension."""
    for dimension in reach_dimensions():
        rows, field = narrowed(YouthYear.objects.order_by(), dimension)
        keys = [*PLACE, field] if field else list(PLACE)
        for row in rows.values(*keys).annotate(n=Count("pk")):
            yield ReachCell(
                dimension=dimension,
                value=row[field] if field else "",
                youths=row["n"],
                **{key: row[key] for key in PLACE},
            )
