"""What the accessibility tests share: axe-core run in the page (the copy bundled in the
axe-playwright-python package, never a CDN), and signing in without the login form."""

from django.conf import settings
from django.test import Client

# RGAA / WCAG: what the tests refuse. Minor and moderate findings are reported, not failed.
BLOCKING = {"critical", "serious"}


def axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return results.response["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        lines.append(
            f"  {violation['id']} ({violation['impact']}): {violation['help']} — {targets}"
        )
    return "\n".join(lines)


class AxeAudit:
    """Visits pages, keeps each page's blocking violations, and fails once, listing all."""

    def __init__(self, page):
        self.page = page
        self.found: dict[str, list[dict]] = {}
        self.visited: list[str] = []

    def check(self, name: str) -> None:
        self.page.wait_for_load_state("load")
        self.visited.append(name)
        blocking = [v for v in axe_violations(self.page) if v["impact"] in BLOCKING]
        if blocking:
            self.found[name] = blocking

    def visit(self, name: str, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None and response.status == 200, (
            f"{name}: {url} answered {response.status if response else None}"
        )
        self.check(name)

    def assert_clean(self) -> None:
        report = "\n".join(f"{name}:\n{describe(found)}" for name, found in self.found.items())
        assert not self.found, f"critical or serious axe violations:\n{report}"


def sign_in(page, live_server, user) -> None:
    """The session cookie of a signed-in client, handed to the browser."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
