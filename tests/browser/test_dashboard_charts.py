"""In real chromium: the dashboards' charts (dsfr-chart, served from static/) draw under the
site's Content-Security-Policy, each beside its table (the `page` fixture fails on any CSP
block). The page is a test-only one, made of the include every dashboard uses."""

import pytest

from tests.browser.accessibility import BLOCKING, axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.urls("tests.dashboards.urls")]


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
        assert page.locator(f"#table-{slug} table caption").count() == 1
    assert page.locator("#table-durations td", has_text="< 5").count() == 1
    # On the map, a département without a figure (no row, or "< 5") is grey; Paris is not.
    fill = "element => getComputedStyle(element).fill"
    assert page.locator("#chart-supply .FR-69").first.evaluate(fill) == "rgb(229, 229, 229)"
    assert page.locator("#chart-supply .FR-75").first.evaluate(fill) != "rgb(229, 229, 229)"
    assert errors == []


def test_charts_keep_the_page_accessible(page):
    page.goto("/test-figures/")
    page.wait_for_selector("map-chart svg path", state="attached")
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)
