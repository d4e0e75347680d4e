"""In a real browser, the Content-Security-Policy blocks an inline script (and the `page`
fixture fails any test that meets such a block)."""

import pytest

pytestmark = pytest.mark.browser


def test_an_inline_script_injected_in_a_page_does_not_run(page):
    page.goto("/")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.injected = true"; document.body.append(s); }"""
    )
    page.wait_for_timeout(200)

    assert page.evaluate("() => window.injected === undefined")
    assert any("inline script" in text for text in page.csp_blocked)
    page.csp_blocked.clear()  # blocked on purpose


def test_the_youth_sign_up_script_runs_from_its_file(page):
    page.goto("/inscription/jeune/")
    guardian = page.locator("#guardian")
    page.fill("#id_birth_date", "2000-01-01")
    page.locator("#id_birth_date").dispatch_event("change")

    assert "fr-hidden" in (guardian.get_attribute("class") or "")
