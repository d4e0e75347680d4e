"""The sign-up peak, as locust users: youths signing up and visitors reading pages.

Each simulated person comes from their own address (X-Real-IP, the header the reverse
proxy sets, see CLIENT_IP_HEADER): the sign-up limit counts per visitor, as in production.
Run by benchmarks/load.py, which starts the servers and checks that nothing was lost.

The users are locust's FastHttpUser (geventhttpclient): the load generator runs on the same
machine as the site, and the requests-based HttpUser costs several times more CPU per request,
which the site would otherwise pay for. Each youth signs up every `SIGNUP_EVERY` seconds, and
there are that many times more youths than sign-ups a second: a slow answer must not lower the
rate asked of the site (a rate capped by latency would hide an overloaded server).
"""

import itertools
import json
import os
import random
import re
import uuid
from datetime import date, timedelta
from urllib.parse import urlencode

from locust import FastHttpUser, constant_throughput, events, task

RUN = uuid.uuid4().hex[:8]
_numbers = itertools.count(1)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = "Un-mot-de-passe-solide-2026"
SIGNUP_EVERY = int(os.environ.get("LOAD_SIGNUP_EVERY", "3"))  # seconds, set by load.py

# What the run accepted (a redirect after the sign-up): checked against the database.
accepted: list[dict] = []
statuses: dict[int, int] = {}
french_503 = {"seen": 0, "not_french": 0}


def born_aged(age: int) -> date:
    """A birth date on any day of the year that gives this age today, as real youths have: the
    sign-up looks for a namesake born the same day, and a thousand youths born on one day
    would make each sign-up slower than any real one."""
    today = date.today()
    birthday = date(today.year - age, today.month, min(today.day, 28))
    return birthday - timedelta(days=random.randint(1, 360))


def _address() -> str:
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


@events.request.add_listener
def _count(response=None, **kwargs):
    if response is None:
        return
    code = getattr(response, "status_code", 0) or 0
    statuses[code] = statuses.get(code, 0) + 1
    if code == 503:
        french_503["seen"] += 1
        if "Service momentanément indisponible" not in (response.text or ""):
            french_503["not_french"] += 1


class Youth(FastHttpUser):
    """Signs up every SIGNUP_EVERY seconds, each time as a new visitor."""

    fixed_count = int(os.environ.get("LOAD_SIGNUPS_PER_SECOND", "6")) * SIGNUP_EVERY
    wait_time = constant_throughput(1 / SIGNUP_EVERY)

    @task
    def sign_up(self):
        number = next(_numbers)
        visitor = {"X-Real-IP": _address()}
        self.client.cookiejar.clear()
        page = self.client.get(
            "/inscription/jeune/", name="inscription (formulaire)", headers=visitor
        )
        token = CSRF.search(page.text or "")
        if page.status_code != 200 or token is None:
            return
        under_15 = number % 3 == 0
        birth = born_aged(14 if under_15 else random.randint(15, 25))
        email = f"charge-{RUN}-{number}@exemple.fr"
        guardian = f"parent-{RUN}-{number}@exemple.fr" if under_15 else ""
        data = {
            "csrfmiddlewaretoken": token.group(1),
            "first_name": "Camille",
            "last_name": f"Essai{number}",
            "birth_date": birth.isoformat(),
            "guardian_name": "Dominique Essai" if under_15 else "",
            "guardian_email": guardian,
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "postal_code": "69003",
            "situation": "middle_school" if under_15 else "job_seeking",
            "needs": ["orientation", "internship"],
            "format": "both",
            "availability": ["wed_afternoon", "sat_morning"],
            "languages": ["fr"],
            "gender": "other",
            "expectations": "Découvrir des métiers.",
            "accept_privacy": "on",
            "accept_charter": "on",
        }
        with self.client.post(
            "/inscription/jeune/",
            data=urlencode(data, doseq=True),
            headers={
                **visitor,
                "Content-Type": "application/x-www-form-urlencoded",
            },
            name="inscription (envoi)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                accepted.append({"email": email, "guardian": guardian})
                response.success()
            elif response.status_code == 503:
                response.failure("503 (service momentanément indisponible)")
            else:
                response.failure(f"refused with {response.status_code}")


class Visitor(FastHttpUser):
    """Reads the public pages, a page a second each."""

    fixed_count = int(os.environ.get("LOAD_VIEWS_PER_SECOND", "30"))
    wait_time = constant_throughput(1)
    pages = (
        "/",
        "/inscription/jeune/",
        "/inscription/mentor/",
        "/comptes/login/",
        "/comptes/signup/",
    )

    def on_start(self):
        self.visitor = {"X-Real-IP": _address()}

    @task
    def read(self):
        page = random.choice(self.pages)
        self.client.get(page, name=f"page publique {page}", headers=self.visitor)


@events.quitting.add_listener
def _write_outcome(environment, **kwargs):
    """What benchmarks/load.py checks against the database once the run is over."""
    path = os.environ.get("LOAD_OUTCOME_FILE")
    if path:
        with open(path, "w") as outcome:
            json.dump(
                {"accepted": accepted, "statuses": statuses, "french_503": french_503}, outcome
            )
