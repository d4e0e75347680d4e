"""Benchmark of the dashboards at national size: every page, national and association, timed on
the server with its query count, and the headline figures checked against a plain recount.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mentorat_bench \\
        python -m benchmarks.dashboards --meetings 1000000

Fills the database in bulk (PostgreSQL only): the people of :mod:`benchmarks.national_population`
(200,000 youths and 90,000 mentors in the programmes of labelled associations), then a year and
a bit of pairs (150,000 in all: running, completed, ended early with who and why, proposals that
failed), their meetings (``--meetings``, spread over each pair's life), an objective each,
start and end questionnaires with their answers, and the last batch's youths left without a
proposal. Pairs are planned with numpy and written by COPY; meetings, objectives and answers by
``INSERT ... SELECT`` over ``generate_series`` in the database. ``--scale`` shrinks the people
and the pairs (``--scale 0.05 --meetings 20000`` runs in seconds).

Then ``mentorat.dashboards.summaries.refresh()`` (timed: ``refresh_s``), and each URL pattern of
``mentorat.dashboards.urls`` requested with the test client: the national ones as the ministry,
the association ones as a coordinator of the association with the most pairs (its ``slug``).
Each page is requested once to warm up, then ``--repeat`` times: ``ms`` is the median server
time, ``queries`` the statements of the last request (CaptureQueriesContext). The target is
under 300 ms and under 20 queries per page at full size. ``recount_ok`` says the headline
(``figures.overview.headline``: youths mentored, pairs active, started, closed), nationally and
for the association, equals a straightforward SQL count on the pairs table.

The last line is one JSON object. It refuses a database that already holds people unless given
``--reset`` (which empties the tables of people, programmes, pairs and evaluations first), and
empties them again at the end unless given ``--keep``. It never runs with production settings.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Sequence
from datetime import date
from typing import Any

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentorat.settings.local")
    django.setup()

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.dashboard_history import fill_all
from benchmarks.national_population import empty_tables
from mentorat.accounts.models import User
from programmes.models import Association, MentorProfile, YouthProfile

YOUTHS, MENTORS, PAIRS, MEETINGS = 200_000, 90_000, 150_000, 1_000_000
TARGET_MS, TARGET_QUERIES = 300, 20
PARIS = "Europe/Paris"


def measure_pages(*, ministry: User, coordinator: User, association: Association, repeat: int):
    """Each URL pattern of the dashboards: the national ones as the ministry, those taking an
    association's slug as its coordinator. Median server time of ``repeat`` requests after a
    first one, and the statements of the last."""
    from django.urls import URLPattern, reverse

    from mentorat.dashboards import urls as dashboard_urls

    clients = {}
    for who, user in (("ministry", ministry), ("coordinator", coordinator)):
        clients[who] = Client(SERVER_NAME="127.0.0.1")
        clients[who].force_login(user)
    pages = {}
    for pattern in dashboard_urls.urlpatterns:
        if not isinstance(pattern, URLPattern):
            continue
        converters = set(pattern.pattern.converters)
        if converters - {"slug"}:
            pages[pattern.name] = {"skipped": f"takes {sorted(converters)}"}
            continue
        by_slug = "slug" in converters
        url = reverse(
            f"{dashboard_urls.app_name}:{pattern.name}",
            kwargs={"slug": association.slug} if by_slug else {},
        )
        client = clients["coordinator" if by_slug else "ministry"]
        _get(client, url)  # templates compiled, caches warm
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                status = _get(client, url)
                times.append((time.perf_counter() - start) * 1000)
        pages[pattern.name] = {
            "ms": round(statistics.median(times), 1),
            "queries": len(queries),
            "status": status,
            "as": "coordinator" if by_slug else "ministry",
        }
        print(f"{pattern.name:32} {pages[pattern.name]}", flush=True)
    return pages


def _get(client: Client, url: str) -> int:
    response = client.get(url)
    if getattr(response, "streaming", False):
        for _ in response.streaming_content:
            pass
    return response.status_code


def recount(association: Association | None = None) -> dict[str, int]:
    """The headline counted straight from the pairs table: youths mentored in the year, pairs
    running today, started and closed in the year."""
    today = timezone.localdate()
    first, last = date(today.year, 1, 1), date(today.year, 12, 31)
    on = min(today, last)
    ended = "(p.ended_at AT TIME ZONE %(zone)s)::date"
    sql = f"""
        SELECT count(DISTINCT p.youth_id),
               count(*) FILTER (WHERE p.started_on <= %(on)s
                                  AND (p.ended_at IS NULL OR {ended} > %(on)s)),
               count(*) FILTER (WHERE p.started_on BETWEEN %(first)s AND %(last)s),
               count(*) FILTER (WHERE {ended} BETWEEN %(first)s AND %(last)s)
        FROM matching_pair p JOIN programmes_programme g ON g.id = p.programme_id
        WHERE p.started_on IS NOT NULL AND p.started_on <= %(last)s
          AND (p.ended_at IS NULL OR {ended} >= %(first)s)
          AND (%(association)s::bigint IS NULL OR g.association_id = %(association)s::bigint)
    """
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            {"zone": PARIS, "on": on, "first": first, "last": last,
             "association": association.pk if association else None},
        )  # fmt: skip
        row = cursor.fetchone()
    return dict(zip(("youths_mentored", "pairs_active", "pairs_started", "pairs_closed"), row))


def check_headlines(association: Association) -> tuple[bool, dict]:
    from mentorat.dashboards.figures.overview import headline
    from mentorat.dashboards.scope import Scope

    found = {}
    for name, scope, where in (
        ("national", Scope(), None),
        ("association", Scope.for_association(association), association),
    ):
        figures = headline(scope)
        shown = {key: getattr(figures, key) for key in recount()}
        counted = recount(where)
        found[name] = {"headline": shown, "recount": counted}
    ok = all(entry["headline"] == entry["recount"] for entry in found.values())
    return ok, found


def run(
    *,
    youths: int,
    mentors: int,
    pairs: int,
    meetings: int,
    seed: int = 0,
    repeat: int = 3,
    reset: bool = False,
    keep: bool = False,
    fill_only: bool = False,
) -> dict[str, Any]:
    if settings.ENVIRONMENT == "production":
        raise SystemExit("This benchmark empties tables: never in production.")
    if connection.vendor != "postgresql":
        raise SystemExit("This benchmark fills PostgreSQL (COPY, generate_series).")
    if YouthProfile.objects.exists() or MentorProfile.objects.exists():
        if not reset:
            raise SystemExit("The database already holds people: give --reset to empty it.")
    empty_tables()
    start = time.perf_counter()
    filled = fill_all(youths=youths, mentors=mentors, pairs=pairs, meetings=meetings, seed=seed)
    fill_s = time.perf_counter() - start
    print(
        f"filled: {youths} youths, {mentors} mentors, {filled['pairs']} pairs, "
        f"{filled['meetings']} meetings, {filled['unmatched']} left by the last batch: "
        f"{fill_s:.1f} s {filled['timings']}",
        flush=True,
    )
    report = {
        "youths": youths,
        "mentors": mentors,
        "pairs": filled["pairs"],
        "meetings": filled["meetings"],
        "fill_s": round(fill_s, 1),
    }
    if fill_only:
        if not keep:
            empty_tables()
        return report
    try:
        from mentorat.dashboards.summaries import refresh

        start = time.perf_counter()
        refresh()
        refresh_s = time.perf_counter() - start
        print(f"refreshed the summaries: {refresh_s:.1f} s", flush=True)
        pages = measure_pages(
            ministry=filled["ministry"],
            coordinator=filled["coordinator"],
            association=filled["association"],
            repeat=repeat,
        )
        recount_ok, headlines = check_headlines(filled["association"])
        print(f"headlines: {json.dumps(headlines)}", flush=True)
    finally:
        if not keep:
            empty_tables()
    measured = [page for page in pages.values() if "ms" in page]
    max_ms = max((page["ms"] for page in measured), default=None)
    max_queries = max((page["queries"] for page in measured), default=None)
    return {
        **report,
        "refresh_s": round(refresh_s, 1),
        "pages": pages,
        "max_ms": max_ms,
        "max_queries": max_queries,
        "all_ok": all(page.get("status") == 200 for page in measured),
        "target_met": max_ms is not None and max_ms < TARGET_MS and max_queries < TARGET_QUERIES,
        "recount_ok": recount_ok,
        "load_average": round(os.getloadavg()[0], 1),
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=MEETINGS)
    parser.add_argument("--youths", type=int, default=YOUTHS)
    parser.add_argument("--mentors", type=int, default=MENTORS)
    parser.add_argument("--pairs", type=int, default=PAIRS)
    parser.add_argument("--scale", type=float, default=1.0, help="of youths, mentors and pairs")
    parser.add_argument("--repeat", type=int, default=3, help="requests timed per page")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reset", action="store_true", help="empty a database holding people")
    parser.add_argument("--keep", action="store_true", help="keep the data at the end")
    parser.add_argument("--fill-only", action="store_true", help="fill, measure nothing")
    args = parser.parse_args(argv)
    report = run(
        youths=round(args.youths * args.scale),
        mentors=round(args.mentors * args.scale),
        pairs=round(args.pairs * args.scale),
        meetings=args.meetings,
        seed=args.seed,
        repeat=args.repeat,
        reset=args.reset,
        keep=args.keep,
        fill_only=args.fill_only,
    )
    print(json.dumps(report), flush=True)
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
