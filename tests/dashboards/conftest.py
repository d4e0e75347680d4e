import pytest

from mentorat.dashboards.summaries import refresh

from .scenario import build


@pytest.fixture
def scenario(db):
    built = build()
    refresh()
    return built
