"""No figure under 5 on the ministry's pages, whatever the table: shares that would give a
small count back are hidden, the funnel's drops too, and no hidden value comes back from the
figures shown beside it. The sweep walks every national page with crafted filters, so a table
added later is covered."""

import datetime
import random
import re
from itertools import combinations_with_replacement

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorat.dashboards.figures import durations, journey, overview
from mentorat.dashboards.scope import Scope
from mentorat.dashboards.summaries import refresh
from mentorat.dashboards.suppression import THRESHOLD, chain, share
from mentorat.dashboards.tables import ColumnKind, Hidden
from mentorat.dashboards.views import NATIONAL_PAGES
from programmes.enums import ParticipantStatus
from tests.accounts.factories import UserFactory
from tests.programmes.factories import (
    AssociationFactory,
    ProgrammeFactory,
    YouthProfileFactory,
    departement,
)

from .scenario import completed, ended_early, running

# Shares -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "base"),
    [(1, 7), (4, 5), (1, 5), (0, 15), (1, 15), (15, 15), (3, 3), (7, 10), (0, 0), (6, 4)],
)
def test_a_share_that_would_give_a_small_count_back_is_hidden(part, base):
    assert isinstance(share(part, base), Hidden)


def test_a_share_of_safe_counts_is_shown():
    assert share(5, 10) == 0.5
    assert share(40, 237) == pytest.approx(40 / 237)
    assert share(None, 10) is None


# The funnel's chain --------------------------------------------------------------------------


def _consistent(steps, drops, cap):
    """Every non-increasing funnel, steps up to ``cap``, a reader could not tell from the
    one shown ("< 5": 0 to 4; "masqué": 5 or more; a figure: itself)."""

    def fits(value, shown):
        if isinstance(shown, Hidden):
            return value < THRESHOLD if str(shown) == "< 5" else value >= THRESHOLD
        return value == shown

    n = len(steps)
    for candidate in combinations_with_replacement(range(cap, -1, -1), n):
        if all(fits(candidate[i], steps[i]) for i in range(n)) and all(
            fits(candidate[i - 1] - candidate[i], drops[i]) for i in range(1, n)
        ):
            yield candidate


@pytest.mark.parametrize(
    "steps",
    [
        [12, 10, 9, 5, 5, 1, 0],
        [9, 7, 6, 6, 2, 1, 0],
        [14, 14, 13, 8, 7, 3, 3],
        [10, 8, 8, 8, 8, 5, 0],
        [4, 4, 3, 2, 2, 1, 0],
        *(
            sorted((random.Random(seed).randint(0, 14) for _ in range(6)), reverse=True)
            for seed in range(12)
        ),
    ],
)
def test_no_hidden_step_or_drop_of_the_funnel_can_be_worked_out(steps):
    shown, drops = chain(steps)
    truth_drops = [None] + [steps[i - 1] - steps[i] for i in range(1, len(steps))]
    for i, value in enumerate(steps):
        if not isinstance(shown[i], Hidden):
            assert shown[i] >= THRESHOLD
        if i and not isinstance(drops[i], Hidden):
            assert drops[i] >= THRESHOLD
            assert drops[i] == truth_drops[i]
    possible = list(_consistent(shown, drops, cap=max(steps) + 6))
    assert tuple(steps) in possible
    for i in range(len(steps)):
        if isinstance(shown[i], Hidden):
            assert len({p[i] for p in possible}) > 1, (steps, shown, drops, i)
        if i and isinstance(drops[i], Hidden):
            assert len({p[i - 1] - p[i] for p in possible}) > 1, (steps, shown, drops, i)


def test_steps_of_5_or_more_apart_show_with_their_drops():
    assert chain([40, 30, 20]) == ([40, 30, 20], [None, 10, 10])


# Every ministry page, on crafted small counts --------------------------------------------------

TOTAL_NOTE = re.compile(r":\s*(\d+)\s*\.?$")


@pytest.fixture
def small_programme(db):
    """Nine youths in all, so no share can have both its count and its complement at 5 or
    more: on the ministry's pages, every share must be hidden."""
    big = AssociationFactory(name="Grande")
    programme = ProgrammeFactory(association=big)
    programme.departements.add(departement("75"))
    pairs = [running(programme, started_days_ago=days, meetings=(days - 3,)) for days in (20, 40)]
    pairs += [running(programme, started_days_ago=days, meetings=(5,)) for days in (230, 240)]
    completed(running(programme, started_days_ago=250, meetings=(200,)))
    first = running(programme, started_days_ago=215, meetings=(200,))
    ended_early(first, by=first.youth.user, days_ago_=190)
    small = AssociationFactory(name="Petite")
    other = ProgrammeFactory(association=small)
    for days in (30, 220):
        running(other, started_days_ago=days, departement=departement("13"), postal_code="13001")
    YouthProfileFactory(programme=other, waiting_list=True, status=ParticipantStatus.WAITING_LIST)
    refresh()
    return big, small, programme, other


def _filters(big, small, programme, other):
    year = timezone.localdate().year
    return [
        {},
        {"association": big.slug},
        {"association": small.slug},
        {"programme": programme.slug},
        {"programme": other.slug},
        {"departement": "75"},
        {"annee": year - 1},
        {"tri": "arrets", "ordre": "desc"},
    ]


def test_no_ministry_page_shows_a_count_under_5_or_a_share_of_a_small_count(
    client, small_programme
):
    client.force_login(UserFactory(ministry=True))
    seen = 0
    for filters in _filters(*small_programme):
        for page in NATIONAL_PAGES:
            response = client.get(reverse(f"dashboards:{page.name}"), filters)
            assert response.status_code == 200, (page.name, filters)
            for table in response.context["tables"]:
                rows = list(table.rows)
                table.rows = rows
                where = (page.name, filters, table.slug)
                for row in rows:
                    for value, column in zip(row, table.columns, strict=False):
                        if isinstance(value, Hidden) or value is None:
                            continue
                        if column.kind == ColumnKind.INTEGER and column.people:
                            seen += 1
                            assert value >= THRESHOLD, (*where, column.key, row)
                        if column.kind == ColumnKind.PERCENT:
                            raise AssertionError(("a share shown", *where, column.key, row))
                for note in table.notes:
                    found = TOTAL_NOTE.search(str(note))
                    assert not found or int(found.group(1)) >= THRESHOLD, (*where, note)
    assert seen  # the sweep saw figures: the pages were not all empty


def test_the_associations_table_hides_the_shares_of_a_small_team(client, small_programme):
    client.force_login(UserFactory(ministry=True))
    response = client.get(reverse("dashboards:national_associations"))
    text = response.content.decode()
    assert "0,0" not in text and "100,0" not in text and "50,0" not in text
    export = client.get(
        reverse("dashboards:national_associations"), {"export": "associations", "format": "csv"}
    )
    content = b"".join(export.streaming_content) if export.streaming else export.content
    assert "%" not in content.decode()


def test_the_supply_total_under_5_is_hidden(client, small_programme):
    client.force_login(UserFactory(ministry=True))
    _big, _small, _programme, other = small_programme
    response = client.get(reverse("dashboards:national_supply"), {"programme": other.slug})
    supply = next(t for t in response.context["tables"] if t.slug == "offre-demande")
    total = list(supply.rows)[-1]
    assert isinstance(total[2], Hidden) and isinstance(total[5], Hidden)


class _CraftedScope(Scope):
    """A national scope whose funnel and delays are given, not read from the summaries."""

    def funnel(self):
        return {
            "signed_up": 40,
            "vetted": 38,  # 2 lost: hidden, and a step with it
            "proposed": 30,
            "active": 25,
            "first_meeting": 20,
            "minimum": 10,
            "completed": 5,
        }

    def delays(self):
        counts = {
            "days_to_vetted": 38,
            "days_to_proposed": 30,
            "days_to_active": 25,
            "days_to_first_meeting": 20,
            "days_signup_to_first_meeting": 20,
        }
        return {field: {10: n} for field, n in counts.items()}


def test_the_delays_beside_the_funnel_do_not_give_a_hidden_step_back():
    scope = _CraftedScope(today=timezone.localdate())
    funnel = journey.funnel(scope)
    steps = [row[1] for row in funnel.rows]
    assert isinstance(steps[0], Hidden) or isinstance(steps[1], Hidden)
    delays = journey.delays(scope, hidden=journey.hidden_steps(funnel))
    shown = {int(row[2]) for row in delays.rows if not isinstance(row[2], Hidden)}
    assert not shown & {40, 38}
    assert 25 in shown  # a step the funnel shows stays beside its delay


def test_the_months_of_the_year_are_protected_against_the_headline(db):
    from unittest import mock

    today = datetime.date(2026, 3, 20)
    # Last 12 months: 04/2025..03/2026; the year's months (01-03/2026) sum to the headline.
    counts = {datetime.date(2025, m, 1): 9 for m in range(4, 13)}
    counts |= {datetime.date(2026, 1, 1): 20, datetime.date(2026, 2, 1): 3}
    counts[datetime.date(2025, 4, 1)] = 2  # a second small cell, outside the year
    counts[datetime.date(2026, 3, 1)] = 30
    scope = Scope(year=2026, today=today)
    with mock.patch.object(overview, "grouped", return_value=counts):
        rows = list(overview.starts_by_month(scope).rows)
    year = [row[1] for row in rows if row[0].endswith("/2026")]
    assert sum(isinstance(value, Hidden) for value in year) >= 2  # "< 5" and one beside it


NESTED_CASES = [
    # (départements, régions' départements): a région shown beside its départements
    ({"a": 7, "b": 3, "c": 20, "d": 0}, {"a": "R", "b": "R", "c": "S", "d": "S"}),
    ({"a": 6, "b": 6, "c": 2, "d": 9}, {"a": "R", "b": "R", "c": "S", "d": "S"}),
    ({"a": 12, "b": 0, "c": 0, "d": 4}, {"a": "R", "b": "S", "c": "S", "d": "T"}),
]


@pytest.mark.parametrize(("parts", "region"), NESTED_CASES)
def test_no_hidden_departement_or_region_comes_back_from_the_other_table(parts, region):
    from itertools import product

    from mentorat.dashboards.suppression import nested

    wholes = {}
    for key, value in parts.items():
        wholes[region[key]] = wholes.get(region[key], 0) + value
    hidden_parts, hidden_wholes = nested(parts, wholes, region.get)
    assert {k for k, v in parts.items() if v < 5} <= hidden_parts
    assert {k for k, v in wholes.items() if v < 5} <= hidden_wholes
    total = sum(parts.values())

    def fits(value, truth, hidden):
        if not hidden:
            return value == truth
        return (value < THRESHOLD) == (truth < THRESHOLD)

    keys = list(parts)
    possible = []
    for candidate in product(range(total + 1), repeat=len(keys)):
        if sum(candidate) != total:
            continue
        guess = dict(zip(keys, candidate, strict=True))
        sums = {}
        for key, value in guess.items():
            sums[region[key]] = sums.get(region[key], 0) + value
        if all(fits(guess[k], parts[k], k in hidden_parts) for k in keys) and all(
            fits(sums.get(w, 0), wholes[w], w in hidden_wholes) for w in wholes
        ):
            possible.append((guess, sums))
    for key in hidden_parts:
        assert len({guess[key] for guess, _sums in possible}) > 1, (key, hidden_parts)
    for whole in hidden_wholes:
        assert len({sums.get(whole, 0) for _g, sums in possible}) > 1, (whole, hidden_wholes)


def test_a_hidden_duration_does_not_come_back_from_the_pairs_that_reached_6_months(db):
    from unittest import mock

    today = timezone.localdate()
    counts = {"lt3": 3, "3-6": 20, "6-9": 2, "9-12": 10, "gt12": 10}
    # Beside it: "Binômes qui ont atteint 6 mois" = 22 (6-9 + 9-12 + gt12), the total 45.
    with mock.patch.object(durations, "grouped", return_value=counts):
        rows = list(durations.durations(Scope(year=today.year - 1, today=today)).rows)
    hidden = {str(row[0]) for row in rows if isinstance(row[1], Hidden)}
    assert {"Moins de 3 mois", "6 à 9 mois"} <= hidden
    assert hidden & {"9 à 12 mois", "Plus de 12 mois"}  # else 6-9 = 22 - 10 - 10
    assert "3 à 6 mois" in hidden  # else "moins de 3 mois" = 45 - 22 - 20
