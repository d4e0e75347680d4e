"""What a reader takes from a figure: the chart draws what its title says, shares read as
percentages, a hidden mean is not read as a count, and a figure does not claim what cannot
have happened yet (a loss, a duration, a projection)."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.enums import PairStatus
from matching.models import Pair
from mentorat.dashboards.figures import durations, journey, overview, results, rhythm, supply
from mentorat.dashboards.scope import Scope
from mentorat.dashboards.suppression import Withheld
from mentorat.dashboards.tables import ColumnKind
from mentorat.dashboards.templatetags.dashboard_tables import dashboard_figure


def test_the_delays_chart_draws_the_medians_not_the_counts(scenario):
    for scope in (Scope(), Scope.for_association(scenario.association)):
        table = journey.delays(scope)
        rows = list(table.rows)
        figure = dashboard_figure(table)
        medians = [row[1] if isinstance(row[1], int | float) else None for row in rows]
        assert json.loads(figure.y) == [
            [None if m is None else round(float(m), 2) for m in medians]
        ]
        assert table.columns[1].label == "Délai médian (jours)"


def test_shares_are_percentages(scenario):
    scope = Scope.for_association(scenario.association)
    for table, label in (
        (results.outcomes(scope), "Terminés « objectifs atteints »"),
        (results.outcomes(scope), "Conseilleraient le mentorat"),
        (rhythm.meetings(scope), "Part des rencontres d’au moins 1 h 30"),
    ):
        row = next(row for row in table.rows if row[0] == label)
        kinds = {column.kind for value, column in zip(row, table.columns) if value is not None}
        assert ColumnKind.PERCENT in kinds and ColumnKind.DECIMAL not in kinds, (label, row)


def test_a_hidden_mean_is_masked_not_a_small_count(scenario):
    national = Scope()
    for table in (results.progress(national), journey.delays(national)):
        for row in table.rows:
            means = [v for v, c in zip(row, table.columns) if c.kind == ColumnKind.DECIMAL]
            assert all(isinstance(v, Withheld) or v is None or v >= 0 for v in means)
    progress = list(results.progress(national).rows)
    assert all(isinstance(row[1], Withheld) for row in progress)  # fewer than 5 youths


def test_no_loss_is_counted_at_steps_running_pairs_have_not_reached_yet(scenario):
    rows = {str(row[0]): row for row in journey.funnel(Scope()).rows}
    assert rows["6 mois atteints"][2] is None
    assert rows["Objectifs atteints (terminé)"][2] is None


def test_no_duration_a_pair_started_this_year_cannot_have_had(scenario):
    year = timezone.localdate().year
    this_year = [str(row[0]) for row in durations.durations(Scope(year=year)).rows]
    assert "Plus de 12 mois" not in this_year
    last_year = [str(row[0]) for row in durations.durations(Scope(year=year - 1)).rows]
    assert "Plus de 12 mois" in last_year


def test_no_projection_for_a_year_that_is_over():
    today = datetime.date(2026, 11, 29)
    assert overview.projection(900, 2025, today) is None
    assert overview.projection(900, 2026, today) > 900


def test_today_snapshots_say_so_under_a_past_year(scenario):
    assert "aujourd’hui" in str(rhythm.cadence(Scope(year=timezone.localdate().year - 1)).title)


def test_zero_pending_actions_read_in_french(client, scenario):
    Pair.objects.filter(status=PairStatus.PROPOSED).delete()
    client.force_login(scenario.coordinator)
    page = client.get(reverse("dashboards:association", args=[scenario.association.slug]))
    text = page.content.decode()
    assert "Aucune proposition de binôme à examiner" in text
    assert "0 propositions" not in text


@pytest.mark.django_db
def test_unmatched_reasons_start_with_a_capital():
    from matching.engine.codes import UnmatchedReason
    from mentorat.dashboards.models import UnmatchedCell

    for reason in UnmatchedReason:
        UnmatchedCell.objects.create(reason=reason.value, youths=7, departement="75")
    rows = list(supply.unmatched_reasons(Scope()).rows)
    assert rows and all(str(row[0])[0].isupper() for row in rows)
