"""How a dashboard page writes a cell: French numbers, percentages, "< 5" for a small cell."""

import datetime

from django import template
from django.utils.formats import number_format

from ..tables import ColumnKind, Hidden

register = template.Library()


@register.filter
def cell(value, kind=ColumnKind.TEXT):
    if value is None:
        return "—"
    if isinstance(value, Hidden):
        return str(value)
    if kind == ColumnKind.PERCENT and isinstance(value, int | float):
        return number_format(value * 100, decimal_pos=1) + " %"
    if kind == ColumnKind.DECIMAL and isinstance(value, int | float):
        return number_format(value, decimal_pos=1, force_grouping=True)
    if kind == ColumnKind.INTEGER and isinstance(value, int | float):
        return number_format(value, decimal_pos=0, force_grouping=True)
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value


@register.filter
def cells(row, columns):
    """A row's values with their columns' kinds: [(value, kind), ...]."""
    return [(value, column.kind) for value, column in zip(row, columns, strict=False)]
