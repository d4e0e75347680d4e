"""How a dashboard's `Table` shows on a page: its cells in French, and what its chart draws.

`templates/dashboards/_chart.html` and `_table.html` use these; the exports (`exports.py`)
write the same cells for spreadsheets.

What a chart draws, by `Table.chart`:
- "bar", "line": one category per row, named by the first column; one series per numeric column
  of the same kind as the first numeric one (a count is never drawn on a percentage's scale).
- "pie": one slice per row, the first numeric column.
- "map": one value per département, the first numeric column; the first column names the
  département by its code ("75", "2A", "971"), optionally followed by its name ("75 Paris",
  "75 – Paris"), or by its name alone.
A small cell ("< 5") is drawn as nothing (a gap, a grey département), never as a figure. A
total row (a text cell reading "Total") is in the table, not in the chart, where it would dwarf
the rest. Bars turn horizontal when their labels are long.
"""

import datetime
import decimal
import json
import re
from dataclasses import dataclass, replace

from django import template
from django.templatetags.static import static
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext

from mentorat.dashboards.tables import Column, ColumnKind, Hidden, Table
from vocabulary.departements import DEPARTEMENT_CODES, DEPARTEMENT_NAMES

register = template.Library()

NUMERIC_KINDS = (ColumnKind.INTEGER, ColumnKind.DECIMAL, ColumnKind.PERCENT)
CHART_KINDS = ("bar", "line", "pie", "map")
LONG_LABEL = 16  # characters: bars with a longer label are drawn horizontally
# Shown for a cell without a value.
EMPTY = "—"

_CODE_BY_NAME = {name.casefold(): code for code, name in DEPARTEMENT_NAMES.items()}
_LEADING_CODE = re.compile(r"^\s*(\d{2,3}|2[AaBb])(?![\dA-Za-z])")


def _is_number(value) -> bool:
    return isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool)


def cell_text(value, kind: str) -> str:
    """A cell as the page shows it, in the active language (French: "1 234", "42,5 %")."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, Hidden):
        return str(value)
    if kind == ColumnKind.DATE and isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if _is_number(value):
        if kind == ColumnKind.INTEGER:
            return formats.number_format(int(round(value)), 0, force_grouping=True)
        # number_format cuts the decimals it does not show: round first (16.877 -> 16,9).
        if kind == ColumnKind.PERCENT:
            percent = formats.number_format(round(float(value) * 100, 1), 1, force_grouping=True)
            return f"{percent}\u00a0%"
        if kind == ColumnKind.DECIMAL:
            if isinstance(value, decimal.Decimal):
                value = value.normalize()
            else:
                value = round(value, 2)
            return formats.number_format(value, force_grouping=True)
    return str(value)


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool


@register.filter
def dashboard_cells(row, columns) -> list[Cell]:
    """The cells of a row, each with its text and whether it is a figure (aligned right)."""
    return [
        Cell(cell_text(value, column.kind), column.kind in NUMERIC_KINDS)
        for value, column in zip(row, columns)
    ]


@register.filter
def is_numeric_column(column: Column) -> bool:
    return column.kind in NUMERIC_KINDS


def departement_code(label) -> str | None:
    """The département a map's row is about, from its first cell."""
    if label is None:
        return None
    text = str(label).strip()
    match = _LEADING_CODE.match(text)
    if match and match.group(1).upper() in DEPARTEMENT_CODES:
        return match.group(1).upper()
    return _CODE_BY_NAME.get(text.casefold())


def _is_total(row, columns) -> bool:
    total = gettext("Total").casefold()
    return any(
        column.kind == ColumnKind.TEXT and str(value).strip().casefold() == total
        for value, column in zip(row, columns)
        if value is not None
    )


def _map_total(rows, drawn, columns, index) -> str:
    """The map's headline figure: the table's total when it has one, the sum of the
    départements when it is a count none of which is hidden, else none ("—"): the sum of the
    figures shown would not be the total."""
    column = columns[index]
    totals = [row[index] for row in rows if _is_total(row, columns)]
    if totals:
        return EMPTY if isinstance(totals[0], Hidden) else cell_text(totals[0], column.kind)
    values = [row[index] for row in drawn]
    if column.kind == ColumnKind.INTEGER and not any(isinstance(v, Hidden) for v in values):
        return cell_text(sum(v for v in values if _is_number(v)), column.kind)
    return EMPTY


def _chart_value(value, kind: str):
    """A cell as a chart's number: percentages in points, small cells and blanks as null."""
    if not _is_number(value):
        return None
    if kind == ColumnKind.PERCENT:
        return round(float(value) * 100, 1)
    if kind == ColumnKind.INTEGER:
        return int(value)
    return round(float(value), 2)


def _label(value, kind: str) -> str:
    return cell_text(value, kind) if value is not None else ""


@dataclass(frozen=True)
class Figure:
    """A table ready for a page: its rows read once, and its chart's attributes (JSON)."""

    table: Table
    kind: str | None = None  # the chart's kind, None for the table alone
    x: str = ""
    y: str = ""
    name: str = ""
    unit: str = ""
    horizontal: bool = False  # bars: long labels read better down the side
    withheld: bool = False  # a pie with a hidden slice is not drawn (the table says why)
    data: str = ""  # map: {"75": 12, ...}
    value: str = ""  # map: the national figure, in its sidebar
    # map: départements without a figure (no row, or a small cell), painted grey: the library
    # would leave them in its default colour, as if they had one.
    without_data: tuple[str, ...] = ()


def dashboard_figure(table: Table) -> Figure:
    rows = [tuple(row) for row in table.rows]
    table = replace(table, rows=rows)
    columns = list(table.columns)
    numeric = [i for i, c in enumerate(columns) if i > 0 and c.kind in NUMERIC_KINDS]
    drawn = [row for row in rows if not _is_total(row, columns)]
    if table.chart not in CHART_KINDS or not numeric or not drawn:
        return Figure(table=table)
    first = columns[numeric[0]]
    unit = "%" if first.kind == ColumnKind.PERCENT else ""
    label_kind = columns[0].kind

    if table.chart == "map":
        data = {}
        for row in drawn:
            code = departement_code(row[0])
            value = _chart_value(row[numeric[0]], first.kind)
            if code and value is not None:
                data[code] = value
        return Figure(
            table=table,
            kind="map",
            data=json.dumps(data),
            value=_map_total(rows, drawn, columns, numeric[0]),
            name=str(first.label),
            unit=unit,
            without_data=tuple(code for code in DEPARTEMENT_CODES if code not in data),
        )

    if table.chart == "pie" and any(_chart_value(row[numeric[0]], first.kind) is None
                                    for row in drawn):  # fmt: skip
        # A slice left out would make the others look bigger than they are: the table alone.
        return Figure(table=table, withheld=True)

    labels = [_label(row[0], label_kind) for row in drawn]
    if table.chart == "pie":
        series = [numeric[0]]
    else:
        series = [i for i in numeric if columns[i].kind == first.kind]
    y = [[_chart_value(row[i], first.kind) for row in drawn] for i in series]
    names = [str(columns[i].label) for i in series]
    if table.chart == "line":
        x = [labels for _ in series]
    else:
        x = [labels]
    if table.chart == "pie":
        names = labels
    return Figure(
        table=table,
        kind=table.chart,
        horizontal=table.chart == "bar" and max(len(label) for label in labels) > LONG_LABEL,
        x=json.dumps(x),
        y=json.dumps(y),
        name=json.dumps(names),
        unit=unit,
    )


@register.simple_tag(takes_context=True)
def dashboard_chart_assets(context) -> str:
    """The charts' stylesheet and module script, once per page however many charts it has."""
    request = context.get("request")
    if request is not None:
        if getattr(request, "_dashboard_chart_assets", False):
            return ""
        request._dashboard_chart_assets = True
    return format_html(
        '<link rel="stylesheet" href="{}">\n<script type="module" src="{}"></script>',
        static("vendor/dsfr-chart/DSFRChart.css"),
        static("vendor/dsfr-chart/DSFRChart.js"),
    )


@register.simple_tag
def dashboard_chart(table: Table) -> Figure:
    """`{% dashboard_chart table as figure %}`: the table read once, and what its chart draws."""
    return dashboard_figure(table)
