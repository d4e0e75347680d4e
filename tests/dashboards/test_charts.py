"""A dashboard table on a page: its chart by kind, and always the table, in French.

The same include in real chromium, under the site's Content-Security-Policy:
tests/browser/test_dashboard_charts.py.
"""

import datetime
import html
import json
import re

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.utils import translation

from mentorat.dashboards.tables import HIDDEN, Column, ColumnKind, Table
from mentorat.dashboards.templatetags.dashboard_tables import cell_text, departement_code

DURATIONS = (
    Column("bucket", "Durée"),
    Column("pairs", "Binômes", ColumnKind.INTEGER),
    Column("youths", "Jeunes", ColumnKind.INTEGER),
    Column("share", "Part", ColumnKind.PERCENT),
)
DURATION_ROWS = [
    ("< 3 mois", 1234, 1200, 0.425),
    ("3-6 mois", HIDDEN, HIDDEN, HIDDEN),
    ("6-9 mois", 12, None, 0.05),
]


def render(table):
    return render_to_string("dashboards/_chart.html", {"table": table})


def chart_attributes(page, element):
    tag = re.search(rf"<{element} ([^>]*)>", page)
    assert tag, f"no <{element}> in the page"
    return {name: html.unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', tag[1])}


def test_bar_chart_draws_the_counts_beside_the_table():
    table = Table(
        "durations",
        "Binômes par durée",
        DURATIONS,
        iter(DURATION_ROWS),
        chart="bar",
        notes=["Les cellules de moins de 5 jeunes sont masquées."],
    )
    page = render(table)

    chart = chart_attributes(page, "bar-chart")
    assert json.loads(chart["x"]) == [["< 3 mois", "3-6 mois", "6-9 mois"]]
    # Both counts, never the percentage on their scale; a small cell is no bar.
    assert json.loads(chart["y"]) == [[1234, None, 12], [1200, None, None]]
    assert json.loads(chart["name"]) == ["Binômes", "Jeunes"]
    assert 'id="chart-durations"' in page
    assert 'src="/static/vendor/dsfr-chart/DSFRChart.js"' in page
    assert 'type="module"' in page

    # The table, read from the same generator (read once for both).
    assert "<caption>Binômes par durée</caption>" in page
    assert '<th scope="col" class="fr-cell--right">Binômes</th>' in page
    assert '<th scope="row">&lt; 3 mois</th>' in page
    assert '<td class="fr-cell--right">1\xa0234</td>' in page
    assert '<td class="fr-cell--right">42,5\xa0%</td>' in page
    assert page.count('<td class="fr-cell--right">&lt; 5</td>') == 3
    assert "Les cellules de moins de 5 jeunes sont masquées." in page


def test_percent_chart_in_points():
    columns = (Column("month", "Mois", ColumnKind.DATE), Column("late", "En retard", "percent"))
    rows = [(datetime.date(2026, 1, 1), 0.1), (datetime.date(2026, 2, 1), 0.125)]
    page = render(Table("late", "Binômes en retard", columns, rows, chart="line"))

    chart = chart_attributes(page, "line-chart")
    assert json.loads(chart["x"]) == [["01/01/2026", "01/02/2026"]]
    assert json.loads(chart["y"]) == [[10.0, 12.5]]
    assert chart["unit-tooltip"] == "%"
    assert '<th scope="row">01/01/2026</th>' in page


def test_the_map_s_figure_is_the_table_s_total():
    columns = (Column("departement", "Département"), Column("n", "Jeunes", ColumnKind.INTEGER))
    shown = [("75", 1230), ("13", 12)]
    page = render(Table("supply", "Jeunes", columns, shown, chart="map"))
    assert chart_attributes(page, "map-chart")["value"] == "1\xa0242"
    page = render(Table("supply", "Jeunes", columns, [*shown, ("69", HIDDEN), ("Total", 1245)],
                        chart="map"))  # fmt: skip
    assert chart_attributes(page, "map-chart")["value"] == "1\xa0245"


def test_a_pie_with_a_hidden_slice_is_not_drawn():
    columns = (Column("status", "Rythme"), Column("share", "Part", ColumnKind.PERCENT))
    rows = [("À jour", 0.679), ("Rencontre à prévoir", HIDDEN), ("En retard", HIDDEN)]
    page = render(Table("cadence", "Rythme", columns, rows, chart="pie"))
    # Drawn, 67,9 % would fill the whole disc.
    assert "<pie-chart" not in page and "DSFRChart.js" not in page
    assert "Pas de graphique : une des parts est masquée (moins de 5)." in page
    assert '<td class="fr-cell--right">67,9\xa0%</td>' in page


def test_pie_chart_one_slice_per_row():
    columns = (Column("status", "Rythme"), Column("pairs", "Binômes", ColumnKind.INTEGER))
    rows = [("À jour", 40), ("Rencontre à prévoir", 7), ("En retard", 5)]
    page = render(Table("cadence", "Rythme des binômes actifs", columns, rows, chart="pie"))

    chart = chart_attributes(page, "pie-chart")
    assert json.loads(chart["x"]) == [["À jour", "Rencontre à prévoir", "En retard"]]
    assert json.loads(chart["y"]) == [[40, 7, 5]]
    assert json.loads(chart["name"]) == ["À jour", "Rencontre à prévoir", "En retard"]


def test_map_chart_by_departement():
    columns = (
        Column("departement", "Département"),
        Column("waiting", "Jeunes en attente", ColumnKind.INTEGER),
        Column("free", "Places de mentors libres", ColumnKind.INTEGER),
    )
    rows = [
        ("75 Paris", 30, 12),
        ("2A – Corse-du-Sud", 6, HIDDEN),
        ("Guadeloupe", 8, 0),
        ("13 Bouches-du-Rhône", HIDDEN, 9),
        ("Ailleurs", 3, 1),
    ]
    page = render(
        Table("supply", "Jeunes en attente et mentors libres", columns, rows, chart="map")
    )

    chart = chart_attributes(page, "map-chart")
    assert json.loads(chart["data"]) == {"75": 30, "2A": 6, "971": 8}
    # The sum of the départements shown is not the total when one is hidden: no figure.
    assert chart["value"] == "—"
    assert chart["name"] == "Jeunes en attente"
    assert chart["level"] == "dep"
    assert chart["date"] == ""  # no refresh date in this context
    # Départements without a figure (no row, or "< 5") are grey, not the library's default.
    grey = re.search(r"#chart-supply :is\(([^)]*)\) \{ fill: #e5e5e5; \}", page)[1]
    assert ".FR-13, " in grey and ".FR-01, " in grey and ".FR-75," not in grey
    assert '<th scope="row">Ailleurs</th>' in page


def test_a_map_dated_by_the_page_s_refresh():
    columns = (Column("departement", "Département"), Column("n", "Jeunes", ColumnKind.INTEGER))
    table = Table("supply", "Jeunes", columns, [("75", 30)], chart="map")
    refreshed = {"finished_at": datetime.datetime(2026, 3, 2, 4, 0)}
    page = render_to_string("dashboards/_chart.html", {"table": table, "refreshed": refreshed})
    assert chart_attributes(page, "map-chart")["date"] == "02/03/2026"


def test_no_chart_kind_is_the_table_alone():
    page = render(Table("durations", "Binômes par durée", DURATIONS, DURATION_ROWS))
    assert "DSFRChart.js" not in page
    assert "<caption>Binômes par durée</caption>" in page


def test_an_empty_table_says_so_without_a_chart():
    page = render(Table("durations", "Binômes par durée", DURATIONS, [], chart="bar"))
    assert "<bar-chart" not in page
    assert "Aucune donnée pour ces critères." in page
    assert 'colspan="4"' in page


def test_a_label_cannot_break_out_of_the_attribute():
    columns = (Column("name", "Association"), Column("pairs", "Binômes", ColumnKind.INTEGER))
    rows = [('"><script>alert(1)</script>', 9)]
    page = render(Table("associations", "Par association", columns, rows, chart="bar"))
    assert "<script>alert" not in page
    assert json.loads(chart_attributes(page, "bar-chart")["x"]) == [['"><script>alert(1)</script>']]


def test_table_alone_include():
    page = render_to_string(
        "dashboards/_table.html",
        {"table": Table("durations", "Binômes par durée", DURATIONS, iter(DURATION_ROWS))},
    )
    assert "<bar-chart" not in page
    assert '<th scope="row">6-9 mois</th>' in page
    assert 'id="durations-table"' in page and 'tabindex="0"' in page
    assert "—" in page  # a cell without a value


@pytest.mark.parametrize(
    ("value", "kind", "french", "english"),
    [
        (1234567, ColumnKind.INTEGER, "1\xa0234\xa0567", "1,234,567"),
        (12.345, ColumnKind.DECIMAL, "12,35", "12.35"),
        (0.4251, ColumnKind.PERCENT, "42,5\xa0%", "42.5\xa0%"),
        (40 / 237, ColumnKind.PERCENT, "16,9\xa0%", "16.9\xa0%"),  # rounded, not cut
        (datetime.date(2026, 3, 1), ColumnKind.DATE, "01/03/2026", "03/01/2026"),
        (HIDDEN, ColumnKind.INTEGER, "< 5", "< 5"),
        ("Afev", ColumnKind.TEXT, "Afev", "Afev"),
    ],
)
def test_cells_in_the_reader_language(value, kind, french, english):
    assert cell_text(value, kind) == french
    with translation.override("en"):
        assert cell_text(value, kind) == english


def test_departement_codes():
    assert departement_code("01") == "01"
    assert departement_code("2b Haute-Corse") == "2B"
    assert departement_code("974 - La Réunion") == "974"
    assert departement_code("Paris") == "75"
    assert departement_code("100") is None
    assert departement_code("Île-de-France") is None


def test_a_total_row_is_in_the_table_not_in_the_chart():
    columns = (Column("reason", "Motif"), Column("n", "Jeunes", "integer"))
    rows = [("Plus de place chez les mentors possibles", 13), ("Aucun mentor", 16), ("Total", 29)]
    page = render(Table("unmatched", "Sans proposition", columns, rows, chart="bar"))
    chart = chart_attributes(page, "bar-chart")
    assert json.loads(chart["y"]) == [[13, 16]]
    # Long labels: horizontal bars.
    assert chart["horizontal"] == "true"
    assert '<td class="fr-cell--right">29</td>' in page
    # On a map too, wherever the word stands.
    columns = (Column("code", "Code"), Column("name", "Département"), *columns[1:])
    rows = [("75", "Paris", 12), ("—", "Total", 12)]
    page = render(Table("supply", "Jeunes en attente", columns, rows, chart="map"))
    assert chart_attributes(page, "map-chart")["value"] == "12"


def test_short_labels_stand_up():
    page = render(Table("durations", "Binômes par durée", DURATIONS, DURATION_ROWS, chart="bar"))
    assert "horizontal" not in chart_attributes(page, "bar-chart")


def test_the_library_loads_once_per_page(rf):
    page = engines["django"].from_string(
        '{% for t in tables %}{% include "dashboards/_chart.html" with table=t %}{% endfor %}'
    )
    tables = [
        Table(slug, "Binômes par durée", DURATIONS, DURATION_ROWS, chart="bar")
        for slug in ("a", "b")
    ]
    html = page.render({"tables": tables}, rf.get("/"))
    assert html.count("<bar-chart") == 2
    assert html.count("DSFRChart.js") == html.count("DSFRChart.css") == 1
