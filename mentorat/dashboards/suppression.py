"""Small-cell suppression, complementary: a count of fewer than 5 youths is never shown, and
no hidden count can be worked out from the total and the counts shown beside it.

The total of a column is taken as known (it is often printed elsewhere: the headline, another
table). Each hidden cell is an interval to a reader: a small cell is 0 to 4 ("< 5"); a cell
hidden to protect it ("masqué") is 5 or more. Knowing the total, a reader knows the sum of
the hidden cells; a cell is *disclosed* when that sum leaves it a single possible value. While
one is, the smallest cell still shown is hidden too (and, when none is left, the total).
"""

from collections.abc import Iterable, Sequence

from django.utils.translation import gettext_lazy as _

from .tables import HIDDEN, Hidden

THRESHOLD = 5
INFINITY = float("inf")


class Withheld(Hidden):
    """A cell of 5 or more, hidden so that a "< 5" beside it cannot be worked out."""

    label = _("masqué")

    def __repr__(self):
        return "Withheld()"


WITHHELD = Withheld()


def _bounds(value: int) -> tuple[float, float]:
    return (0, THRESHOLD - 1) if value < THRESHOLD else (THRESHOLD, INFINITY)


def disclosed(hidden: Sequence[int]) -> bool:
    """Whether a reader who knows the hidden cells' sum can tell one of them exactly."""
    if not hidden:
        return False
    total = sum(hidden)
    bounds = [_bounds(value) for value in hidden]
    for i, (low, high) in enumerate(bounds):
        others_low = sum(b[0] for j, b in enumerate(bounds) if j != i)
        others_high = sum(b[1] for j, b in enumerate(bounds) if j != i)
        least = max(low, total - others_high)
        most = min(high, total - others_low)
        if least == most:
            return True
    return False


def hidden_cells(values: Sequence[int | None]) -> tuple[dict[int, Hidden], bool]:
    """Which cells of a column (by index) to hide, and whether its total must be hidden too."""
    hidden = {
        i: HIDDEN for i, value in enumerate(values) if value is not None and value < THRESHOLD
    }
    if not hidden:
        return {}, False
    while disclosed([values[i] for i in hidden]):
        shown = [i for i, value in enumerate(values) if value is not None and i not in hidden]
        if not shown:
            return hidden, True
        smallest = min(shown, key=lambda i: (values[i], i))
        hidden[smallest] = HIDDEN if values[smallest] < THRESHOLD else WITHHELD
    return hidden, False


def suppress(
    rows: list[list],
    column: int,
    *,
    linked: Iterable[int] = (),
    total_row: list | None = None,
) -> None:
    """Hide, in place, the small counts of ``column`` (and the cells of ``linked`` columns
    of the same rows, a share or a mean that would give the count back); ``total_row``, when
    the table shows one, is hidden too if the hidden cells would otherwise be disclosed."""
    linked = tuple(linked)
    values = [row[column] for row in rows]
    hidden, total_too = hidden_cells(values)
    for i, marker in hidden.items():
        rows[i][column] = marker
        for other in linked:
            rows[i][other] = marker
    if total_too and total_row is not None:
        total_row[column] = WITHHELD
        for other in linked:
            total_row[other] = WITHHELD


def small(value):
    """One figure alone (a headline, a step of the funnel): hidden under the threshold."""
    if value is None or isinstance(value, Hidden):
        return value
    return HIDDEN if value < THRESHOLD else value
