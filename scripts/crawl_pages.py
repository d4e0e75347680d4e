"""Visit a running site as a visitor and as every demo account; fail on any 5xx.

    python scripts/crawl_pages.py http://127.0.0.1:8002

Follows every link of the site from the home page (and, signed in, from "Mon espace"), a few
pages of each kind (the same path with other numbers is the same page), and posts the forms a
newcomer and a returning person use: both sign-ups, a failed and a good login, a password
reset, a password change. Prints one line per page that failed, then a final JSON summary.
Standard library only, so that it runs anywhere the project's Python does.
"""

import http.cookiejar
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from datetime import date
from html.parser import HTMLParser

# Where a crawler must not go: leaving, switching language, static files, the admin.
SKIPPED = re.compile(r"^/(static/|comptes/logout|i18n/|gestion-|admin/)")
PAGES_PER_KIND = 2
MAX_PAGES = 250
DEMO_PASSWORD = "demo-mentorat-2026"
DEMO_ACCOUNTS = [
    "jeune@demo.mentorat.local",
    "mentor@demo.mentorat.local",
    "coordination@demo.mentorat.local",
    "referent@demo.mentorat.local",
    "ministere@demo.mentorat.local",
]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []
        self.csrf = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag == "input" and attrs.get("name") == "csrfmiddlewaretoken":
            self.csrf = attrs.get("value", "")


class Visitor:
    def __init__(self, base: str, who: str):
        self.base, self.who = base.rstrip("/"), who
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.failures: list[str] = []
        self.visited = 0

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        """(status, final path, body); redirects are followed."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)
        req.add_header("Referer", self.base + path)
        try:
            with self.opener.open(req, timeout=60) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
                final = urllib.parse.urlsplit(response.url).path
        except urllib.error.HTTPError as error:
            status, text, final = error.code, error.read().decode("utf-8", "replace"), path
        self.visited += 1
        if status >= 500:
            self.failures.append(
                f"{self.who}: {'POST' if data is not None else 'GET'} {path} {status}"
            )
        return status, final, text

    def post_form(self, path: str, fields: dict) -> tuple[int, str, str]:
        """GET the form (for its CSRF token), then POST it."""
        status, _, text = self.request(path)
        if status >= 400:
            return status, path, text
        parser = Links()
        parser.feed(text)
        return self.request(path, {"csrfmiddlewaretoken": parser.csrf, **fields})

    def crawl(self, start: str) -> None:
        queue, seen, kinds = deque([start]), {start}, {}
        while queue and self.visited < MAX_PAGES:
            path = queue.popleft()
            kind = re.sub(r"\d+", "N", path)
            if kinds.get(kind, 0) >= PAGES_PER_KIND:
                continue
            kinds[kind] = kinds.get(kind, 0) + 1
            status, _, text = self.request(path)
            if status != 200:
                continue
            parser = Links()
            parser.feed(text)
            for href in parser.hrefs:
                url = urllib.parse.urlsplit(urllib.parse.urljoin(self.base + path, href))
                if url.netloc != urllib.parse.urlsplit(self.base).netloc:
                    continue
                link = url.path + (f"?{url.query}" if url.query else "")
                if link not in seen and not SKIPPED.match(url.path):
                    seen.add(link)
                    queue.append(link)


def signup_data(kind: str) -> dict:
    common = {
        "first_name": "Camille",
        "last_name": "Crawler",
        "email": f"crawler-{kind}@exemple.fr",
        "password1": "un-mot-de-passe-solide-42",
        "password2": "un-mot-de-passe-solide-42",
        "postal_code": "93200",
        "needs": ["orientation"],
        "format": "both",
        "availability": ["wed_afternoon"],
        "languages": ["fr"],
        "gender": "other",
        "accept_charter": "on",
    }
    if kind == "youth":
        birth = date.today().replace(year=date.today().year - 20, day=1)
        return {
            **common,
            "birth_date": birth.isoformat(),
            "situation": "job_seeking",
            "expectations": "Trouver une alternance.",
            "accept_privacy": "on",
        }
    return {
        **common,
        "profession": "Comptable",
        "sector": "finance",
        "years_of_experience": "5",
        "capacity": "1",
    }


def main(base: str) -> int:
    visitors = []
    newcomer = Visitor(base, "visitor")
    newcomer.crawl("/")
    newcomer.post_form("/comptes/login/", {"login": DEMO_ACCOUNTS[0], "password": "faux"})
    newcomer.post_form("/comptes/password/reset/", {"email": DEMO_ACCOUNTS[0]})
    visitors.append(newcomer)
    for kind, path in (("youth", "/inscription/jeune/"), ("mentor", "/inscription/mentor/")):
        person = Visitor(base, f"{kind} sign-up")
        person.post_form(path, signup_data(kind))
        visitors.append(person)

    for email in DEMO_ACCOUNTS:
        person = Visitor(base, email)
        status, final, _ = person.post_form(
            "/comptes/login/", {"login": email, "password": DEMO_PASSWORD}
        )
        if final.startswith("/comptes/login"):
            person.failures.append(f"{email}: could not sign in (status {status})")
        else:
            person.crawl("/mon-espace/")
            person.post_form(
                "/comptes/password/change/",
                {
                    "oldpassword": DEMO_PASSWORD,
                    "password1": DEMO_PASSWORD,
                    "password2": DEMO_PASSWORD,
                },
            )
        visitors.append(person)

    failures = [failure for person in visitors for failure in person.failures]
    for failure in failures:
        print(failure)
    pages = sum(person.visited for person in visitors)
    print(json.dumps({"pages": pages, "failures": len(failures)}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8002"))
