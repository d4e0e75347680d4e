"""Real-browser tests: Playwright driving the machine's chromium against a live server."""

import importlib
import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("MENTORAT_REQUIRE_BROWSER"):
            pytest.fail(f"chromium is required here and was not found at {CHROMIUM}")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests
    # make are plain synchronous ones.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def departements(request):
    """Transactional tests empty every table after them, the rows of data migrations too (the
    départements, the yearly targets): put them back before each browser test, whichever ran
    before."""
    if "live_server" not in request.fixturenames and "page" not in request.fixturenames:
        return
    from mentorat.dashboards.models import YearlyTarget
    from programmes.models import Departement
    from vocabulary.departements import DEPARTEMENTS

    request.getfixturevalue("transactional_db")
    Departement.objects.bulk_create(
        [Departement(code=code, name=name) for code, name in DEPARTEMENTS], ignore_conflicts=True
    )
    targets = importlib.import_module("mentorat.dashboards.migrations.0001_initial")
    YearlyTarget.objects.bulk_create(
        [YearlyTarget(year=year, youths=youths) for year, youths in targets.TARGETS.items()],
        ignore_conflicts=True,
    )


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(10_000)
    page = context.new_page()
    # Anything the Content-Security-Policy blocked (an inline script, a handler, a file from
    # elsewhere) fails the test that met it.
    blocked = page.csp_blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert not blocked, "blocked by the Content-Security-Policy:\n" + "\n".join(blocked)
