"""What every figure module uses: the column kinds, shares as the scope may show them, counts
grouped by one key, and the table of counts and shares most figures are.

On the ministry's scope (``scope.national``) counts of fewer than 5 youths are hidden, with
complementary suppression (see suppression.py): ``protect`` and ``share`` do it for a table.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ..scope import Scope
from ..suppression import WITHHELD, small, suppress
from ..suppression import share as protected_share
from ..tables import Column, ColumnKind, Hidden, Table

INTEGER, DECIMAL, PERCENT = (
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


def protect(scope: Scope, rows, column, *, linked=(), total_row=None):
    """Hide a column's small counts on the ministry's scope (and the cells ``linked`` to
    them); an association's staff see their own figures whole."""
    if scope.national:
        suppress(rows, column, linked=linked, total_row=total_row)


def grouped(queryset, key, measure):
    """{key: measure}, in one grouped query."""
    return dict(queryset.values(key).annotate(n=measure).values_list(key, "n"))


def total_note(label, value) -> str:
    """A table's total, in a note: a chart draws every row, and a total is not a category."""
    shown = str(value) if isinstance(value, Hidden) else number_format(value, force_grouping=True)
    return _("%(label)s : %(value)s.") % {"label": label, "value": shown}


def share_table(scope, *, slug, title, label, keys, counts, unit, chart, notes=(), more_hidden=()):
    """``more_hidden``: keys hidden for another table's sake (a région's départements)."""
    total = sum(counts.values())
    rows = [[labels, counts.get(key, 0), ratio(counts.get(key, 0), total)] for key, labels in keys]
    total_row = [_("Total"), total, 1.0 if total else None]
    protect(scope, rows, 1, linked=(2,), total_row=total_row)
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
        notes=[total_note(_("Total"), total_row[1]), *notes],
    )
