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
    if total_row is None:
        return
    total = total_row[column]
    if total_too or (isinstance(total, int | float) and total < THRESHOLD):
        # A total under 5 is a small count itself, whatever the cells beside it.
        marker = HIDDEN if isinstance(total, int | float) and total < THRESHOLD else WITHHELD
        total_row[column] = marker
        for other in linked:
            total_row[other] = WITHHELD


def small(value):
    """One figure alone (a headline, a step of the funnel): hidden under the threshold."""
    if value is None or isinstance(value, Hidden):
        return value
    return HIDDEN if value < THRESHOLD else value


def share(part, base):
    """A share of ``base`` on the ministry's scope, or "masqué" when it would give a small
    count back: its numerator, its base or its complement (base minus numerator) under 5,
    zero included (0 % and 100 % say that nobody, or everybody, is in the group)."""
    if part is None or base is None:
        return None
    if isinstance(part, Hidden) or isinstance(base, Hidden):
        return WITHHELD
    if min(part, base, base - part) < THRESHOLD:
        return WITHHELD
    return part / base


def _reader_bounds(steps, drops, hidden_steps, hidden_drops):
    """What a reader can work out of each step and drop (``drops[i] = steps[i-1] - steps[i]``)
    from the figures shown and the markers' ranges: [low, high] for each."""

    def bounds(value, hidden):
        return list(_bounds(value)) if hidden else [value, value]

    s = [bounds(v, i in hidden_steps) for i, v in enumerate(steps)]
    d = [None] + [bounds(drops[i], i in hidden_drops) for i in range(1, len(steps))]
    changed = True
    while changed:
        changed = False
        for i in range(1, len(steps)):
            a, b, c = s[i - 1], s[i], d[i]
            tighter = (
                (a, max(a[0], b[0] + c[0]), min(a[1], b[1] + c[1])),
                (b, max(b[0], a[0] - c[1]), min(b[1], a[1] - c[0])),
                (c, max(c[0], a[0] - b[1]), min(c[1], a[1] - b[0])),
            )
            for interval, low, high in tighter:
                if low > interval[0] or high < interval[1]:
                    interval[0], interval[1] = max(low, interval[0]), min(high, interval[1])
                    changed = True
    return s, d


def chain(steps: Sequence[int]) -> tuple[list, list]:
    """A funnel: each step a count, each drop the difference with the step before. Returns the
    steps and drops to show (``drops[0]`` is None), small ones hidden, and more hidden until
    no hidden step or drop can be worked out from the steps and drops shown."""
    n = len(steps)
    drops = [None] + [steps[i - 1] - steps[i] for i in range(1, n)]
    hidden_steps = {i for i, value in enumerate(steps) if value < THRESHOLD}
    hidden_drops = {i for i in range(1, n) if drops[i] < THRESHOLD}
    while True:
        # A drop beside a hidden step is hidden with it: the step would come back from it.
        hidden_drops |= {i for i in range(1, n) if i in hidden_steps or i - 1 in hidden_steps}
        s, d = _reader_bounds(steps, drops, hidden_steps, hidden_drops)
        found = [("s", i) for i in hidden_steps if s[i][0] == s[i][1]]
        found += [("d", i) for i in hidden_drops if d[i][0] == d[i][1]]
        shown = [i for i in range(n) if i not in hidden_steps]
        if not found or not shown:
            break
        near = {j for kind, i in found for j in ((i - 1, i + 1) if kind == "s" else (i - 1, i))}
        candidates = [i for i in shown if i in near] or shown
        hidden_steps.add(min(candidates, key=lambda i: (steps[i], -i)))

    def marker(value):
        return HIDDEN if value < THRESHOLD else WITHHELD

    shown_steps = [marker(v) if i in hidden_steps else v for i, v in enumerate(steps)]
    shown_drops = [None] + [
        marker(drops[i]) if i in hidden_drops else drops[i] for i in range(1, n)
    ]
    return shown_steps, shown_drops


def _propagate(bounds: dict, constraints: list, rounds: int = 100) -> None:
    """Narrow, in place, what a reader can work out of each figure ([low, high]) from sums
    they know: each constraint says ``whole == sum(parts)``."""
    for _round in range(rounds):
        changed = False
        for whole, parts in constraints:
            lows = [bounds[p][0] for p in parts]
            highs = [bounds[p][1] for p in parts]
            low_sum, high_sum = sum(lows), sum(highs)
            w = bounds[whole]
            new = (max(w[0], low_sum), min(w[1], high_sum))
            if new != tuple(w):
                w[0], w[1] = new
                changed = True
            for part, low, high in zip(parts, lows, highs, strict=True):
                b = bounds[part]
                others_high = high_sum - high if high != INFINITY else None
                if others_high is None:  # the others' sum without this infinite bound
                    others_high = sum(h for q, h in zip(parts, highs, strict=True) if q != part)
                new = (max(b[0], w[0] - others_high), min(b[1], w[1] - (low_sum - low)))
                if new != tuple(b):
                    b[0], b[1] = new
                    changed = True
        if not changed:
            return


def nested(
    parts: dict[str, int], wholes: dict[str, int], whole_of, *, wholes_shown: bool = False
) -> tuple[set[str], set[str]]:
    """Two tables of one total where each whole is the sum of its parts (régions and their
    départements): which parts and which wholes to hide, so that no hidden one can be worked
    out from the figures shown in both (small ones under 5 first, then more as needed).
    ``wholes_shown``: the wholes are shown elsewhere, whenever 5 or more (only parts hidden)."""
    part_keys, whole_keys = list(parts), list(wholes)
    hidden_parts = {part_keys[i] for i in hidden_cells([parts[k] for k in part_keys])[0]}
    if wholes_shown:
        hidden_wholes = {k for k in whole_keys if wholes[k] < THRESHOLD}
    else:
        hidden_wholes = {whole_keys[i] for i in hidden_cells([wholes[k] for k in whole_keys])[0]}
    members = {w: [p for p in part_keys if whole_of(p) == w] for w in whole_keys}
    value = {("p", k): v for k, v in parts.items()} | {("w", k): v for k, v in wholes.items()}
    value["total"] = sum(parts.values())
    constraints = [
        ("total", [("w", w) for w in whole_keys]),
        ("total", [("p", p) for p in part_keys]),
        *((("w", w), [("p", p) for p in members[w]]) for w in whole_keys if members[w]),
    ]
    while True:
        hidden = {("p", k) for k in hidden_parts} | {("w", k) for k in hidden_wholes}
        bounds = {var: list(_bounds(v)) if var in hidden else [v, v] for var, v in value.items()}
        _propagate(bounds, constraints)
        found = [var for var in hidden if bounds[var][0] == bounds[var][1]]
        if not found:
            break
        kind, key = found[0]
        region = whole_of(key) if kind == "p" else key
        shown_parts = [p for p in members.get(region, []) if p not in hidden_parts]
        shown_wholes = [w for w in whole_keys if w not in hidden_wholes]
        if shown_parts:
            hidden_parts.add(min(shown_parts, key=lambda p: parts[p]))
        elif wholes_shown:
            rest = [p for p in part_keys if p not in hidden_parts]
            if not rest:
                break
            hidden_parts.add(min(rest, key=lambda p: parts[p]))
        elif kind == "p" and region in wholes and region not in hidden_wholes:
            hidden_wholes.add(region)
        elif shown_wholes:
            hidden_wholes.add(min(shown_wholes, key=lambda w: wholes[w]))
        else:
            rest = [p for p in part_keys if p not in hidden_parts]
            if not rest:
                break
            hidden_parts.add(min(rest, key=lambda p: parts[p]))
    return hidden_parts, hidden_wholes
