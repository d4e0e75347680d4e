"""In real chromium: the dashboards' charts (dsfr-chart, served from static/) draw under the
site's Content-Security-Policy, each beside its table (the `page` fixture fails on any CSP
block): on a test-only page of every chart kind, and on every dashboards page of the demo."""

import os
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from mentorat.accounts.models import User
from mentorat.dashboards import urls as dashboard_urls
from tests.browser.accessibility import BLOCKING, AxeAudit, axe_violations, describe, sign_in

pytestmark = pytest.mark.browser

VENDOR = Path(__file__).resolve().parents[2] / "static/vendor/dsfr-chart/DSFRChart.js"


@pytest.fixture(autouse=True)
def charts_library():
    """The library comes from `make install` (scripts/vendor-static): without it there is no
    chart to see. A failure in CI, a skip in a work tree that has not installed it."""
    if not VENDOR.exists():
        if os.environ.get("MENTORAT_REQUIRE_BROWSER"):
            pytest.fail(f"{VENDOR} is missing: run scripts/vendor-static (make install)")
        pytest.skip("the charts' library is not installed: run scripts/vendor-static")

CHARTS = "bar-chart, line-chart, pie-chart, map-chart"


@pytest.mark.urls("tests.dashboards.urls")
def test_every_chart_kind_draws_beside_its_table(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto("/test-figures/")

    for element in ("bar-chart", "line-chart", "pie-chart"):
        # The component has drawn its canvas.
        page.wait_for_selector(f"{element} canvas", state="attached")
    page.wait_for_selector("map-chart svg path", state="attached")
    assert page.locator("#chart-durations canvas").first.bounding_box()["height"] > 50
    for slug in ("durations", "started", "cadence", "supply"):
        assert page.locator(f"#{slug}-table table caption").count() == 1
    assert page.locator("#durations-table td", has_text="< 5").count() == 1
    # On the map, a département without a figure (no row, or "< 5") is grey; Paris is not.
    fill = "element => getComputedStyle(element).fill"
    assert page.locator("#chart-supply .FR-69").first.evaluate(fill) == "rgb(229, 229, 229)"
    assert page.locator("#chart-supply .FR-75").first.evaluate(fill) != "rgb(229, 229, 229)"
    assert errors == []


@pytest.mark.urls("tests.dashboards.urls")
def test_charts_keep_the_page_accessible(page):
    page.goto("/test-figures/")
    page.wait_for_selector("map-chart svg path", state="attached")
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)


@pytest.mark.urls("mentorat.urls")
@pytest.mark.django_db(transaction=True)
def test_the_demo_dashboards_draw_every_chart(page, live_server):
    """On the demo data (its year of history): every page of the dashboards, the ministry's
    and the Afev coordinator's, draws each chart it holds, with no blocking finding."""
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    audit = AxeAudit(page)
    drawn = Counter()
    for pattern in dashboard_urls.urlpatterns:
        by_slug = "slug" in pattern.pattern.converters
        who = "coordination" if by_slug else "ministere"
        sign_in(page, live_server, User.objects.get(email=f"{who}@demo.mentorat.local"))
        url = reverse(f"dashboards:{pattern.name}", kwargs={"slug": "afev"} if by_slug else {})
        audit.visit(pattern.name, url)
        charts = page.locator(CHARTS)
        for index in range(charts.count()):
            charts.nth(index).locator("canvas, svg").first.wait_for(state="attached")
            drawn[who] += 1
    audit.assert_clean()
    assert drawn["ministere"] >= 15 and drawn["coordination"] >= 3, drawn
