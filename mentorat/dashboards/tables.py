"""A dashboard's table: what a page shows, what its chart draws and what its exports write.

Every figure of a dashboard is a `Table`: the page renders it (with its chart beside it), and
the CSV and XLSX exports write the same columns and rows, so the three never disagree.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


class ColumnKind:
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"  # a ratio between 0 and 1, shown as a percentage
    DATE = "date"  # a datetime.date, written JJ/MM/AAAA in exports


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = ColumnKind.TEXT
    # An INTEGER column counting people (youths, pairs): on the ministry's pages, never a
    # figure under 5. False for money, capacities, mentors' places and balances.
    people: bool = True


class Hidden:
    """A cell under the small-cell threshold: shown and exported as "< 5", never its figure."""

    label = _("< 5")

    def __str__(self):
        return str(self.label)

    def __repr__(self):
        return "Hidden()"

    def __eq__(self, other):
        return isinstance(other, Hidden)

    def __hash__(self):
        return hash(Hidden)


HIDDEN = Hidden()


@dataclass
class Table:
    slug: str  # the exports' file name and the chart's id
    title: str
    columns: Sequence[Column]
    # One value per column, in order; may be a generator, which exports stream without
    # holding it in memory (so iterate it once).
    rows: Iterable[Sequence]
    chart: str | None = None  # "bar", "line", "pie", "map" or None for a table alone
    notes: Sequence[str] = field(default_factory=tuple)  # what the reader must know
