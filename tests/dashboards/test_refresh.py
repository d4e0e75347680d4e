"""The summaries are rebuilt by the beat, by a command and at the end of the demo."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from mentorat.dashboards.models import PairFact, Refresh
from mentorat.dashboards.tasks import refresh_dashboards

pytestmark = pytest.mark.django_db


def test_the_beat_rebuilds_the_summaries_every_30_minutes(scenario):
    schedule = settings.CELERY_BEAT_SCHEDULE["refresh-dashboards"]
    assert schedule["task"] == "mentorat.dashboards.tasks.refresh_dashboards"
    assert refresh_dashboards() == PairFact.objects.count() == len(scenario.pairs)
    assert Refresh.objects.count() == 1  # only the last rebuild is kept


def test_the_command_rebuilds_them_and_says_how_many(scenario):
    out = io.StringIO()
    call_command("refresh_dashboards", stdout=out)
    assert f"{len(scenario.pairs)} binômes" in out.getvalue()
