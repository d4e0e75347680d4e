"""Small cells, on crafted columns: a count under 5 never shows, and no hidden cell can be
worked out from the total and the cells shown beside it."""

from itertools import product

import pytest

from mentorat.dashboards.suppression import (
    WITHHELD,
    Withheld,
    disclosed,
    hidden_cells,
    small,
    suppress,
)
from mentorat.dashboards.tables import HIDDEN, Hidden


def possible_values(values, hidden, index):
    """What a reader who knows the total, the cells shown and the markers can say of one
    hidden cell: every value it may take ("< 5": 0 to 4; "masqué": 5 or more)."""
    rest = sum(values) - sum(v for i, v in enumerate(values) if i not in hidden)

    def bounds(i):
        return (5, None) if isinstance(hidden[i], Withheld) else (0, 4)

    low, high = bounds(index)
    others = [bounds(i) for i in hidden if i != index]
    others_low = sum(lo for lo, _hi in others)
    others_high = None if any(hi is None for _lo, hi in others) else sum(hi for _lo, hi in others)
    return {
        candidate
        for candidate in range(low, (rest if high is None else high) + 1)
        if rest - candidate >= others_low
        and (others_high is None or rest - candidate <= others_high)
    }


def test_a_cell_under_5_is_hidden_and_a_second_cell_hides_it_from_the_total():
    hidden, total_too = hidden_cells([120, 3, 40])
    assert hidden == {1: HIDDEN, 2: WITHHELD}
    assert not total_too
    assert str(HIDDEN) == "< 5" and str(WITHHELD) == "masqué"


def test_two_small_cells_protect_each_other_unless_their_sum_gives_them_away():
    assert hidden_cells([50, 2, 3, 60])[0] == {1: HIDDEN, 2: HIDDEN}
    # Both zero: their sum (0) would tell; a third cell is hidden.
    assert hidden_cells([0, 0, 100, 50])[0] == {0: HIDDEN, 1: HIDDEN, 3: WITHHELD}
    # Both 4: the sum 8 would say "4 and 4".
    assert hidden_cells([4, 4, 100, 50])[0] == {0: HIDDEN, 1: HIDDEN, 3: WITHHELD}


def test_a_single_cell_under_5_hides_the_total_too():
    hidden, total_too = hidden_cells([3])
    assert hidden == {0: HIDDEN} and total_too


def test_nothing_is_hidden_when_every_cell_has_5_or_more():
    assert hidden_cells([5, 6, 700]) == ({}, False)


@pytest.mark.parametrize("values", list(product([0, 1, 3, 4, 5, 6, 12], repeat=3)))
def test_no_hidden_cell_can_be_worked_out_from_the_total(values):
    values = list(values)
    hidden, total_too = hidden_cells(values)
    if total_too:
        return  # the total is hidden as well: nothing to subtract from
    for index in hidden:
        assert len(possible_values(values, hidden, index)) >= 2, (values, hidden, index)
    for i, value in enumerate(values):
        assert value >= 5 or i in hidden


def test_disclosed_reads_the_markers_as_ranges():
    assert disclosed([3])  # alone, the total gives it
    assert not disclosed([3, 40])  # 3 + 40 = 43: could be 0 + 43 ... 4 + 39
    assert disclosed([0, 5])  # 5: only 0 + 5


def test_suppress_hides_a_share_with_its_count_and_the_total_when_needed():
    rows = [["A", 120, 0.8], ["B", 3, 0.02], ["C", 27, 0.18]]
    total = ["Total", 150, 1.0]
    suppress(rows, 1, linked=(2,), total_row=total)
    assert rows[1][1:] == [HIDDEN, HIDDEN]
    assert isinstance(rows[2][1], Hidden) and isinstance(rows[2][2], Hidden)
    assert rows[0][1:] == [120, 0.8]
    assert total == ["Total", 150, 1.0]
    alone = [["A", 2, 1.0]]
    total = ["Total", 2, 1.0]
    suppress(alone, 1, linked=(2,), total_row=total)
    assert all(isinstance(cell, Hidden) for cell in [*alone[0][1:], *total[1:]])


def test_one_figure_alone_under_5_is_hidden():
    assert small(4) == HIDDEN and small(0) == HIDDEN and small(5) == 5 and small(None) is None
