"""Benchmark of the national batch from the database, as the ministry's button runs it.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mentorat_bench \\
        python -m benchmarks.matching_db --mentees 200000 --mentors 90000

Fills the database in bulk (:mod:`benchmarks.national_population`: the synthetic population
of :mod:`benchmarks.matching` placed in the programmes of labelled associations), then runs the
national batch through the same service and Celery task body as the site, and prints one JSON
object as its last line. ``load_s``, ``solve_s`` and ``write_s`` are the stages the run records
in its summary, ``total_s`` the whole task, ``queries`` every statement it sent (each COPY
counts one), ``peak_mb`` the peak resident memory of the process during the batch (the filling
excluded where Linux lets us reset it).

It refuses a database that already holds youths or mentors unless given ``--reset`` (which
empties the people, programmes and matching tables first), and empties them again at the end
unless given ``--keep``. It never runs with production settings.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Sequence
from typing import Any

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentorat.settings.local")
    django.setup()

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.national_population import empty_tables, fill
from matching.models import MatchingRun, Pair
from matching.services import run_start
from matching.tasks import run_matching_batch
from mentorat.accounts.models import User
from programmes.models import MentorProfile, YouthProfile

SHOW_SLOWEST = 6  # statements printed with their time


def reset_peak_memory() -> bool:
    """Forget the peak resident memory so far (Linux); False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
        return True
    except OSError:
        return False


def peak_mb() -> float:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def database_cpu_s() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL backend, when it runs on this
    machine (None otherwise): with the process's own, what the batch costs on a machine
    that other work keeps busy."""
    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    try:
        with open(f"/proc/{connection.connection.info.backend_pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_national_batch(by: User) -> dict[str, Any]:
    """The ministry's button: the run recorded, then the Celery task's body, in process."""
    run = run_start(programme=None, by=by)
    memory_reset = reset_peak_memory()
    database_before = database_cpu_s()
    with CaptureQueriesContext(connection) as queries:
        start, cpu_start = time.perf_counter(), time.process_time()
        run_matching_batch(run.pk)
        total_s, cpu_s = time.perf_counter() - start, time.process_time() - cpu_start
    database_after = database_cpu_s()
    slowest = sorted(queries.captured_queries, key=lambda query: -float(query["time"]))
    for query in slowest[:SHOW_SLOWEST]:
        print(f"{float(query['time']):7.2f} s  {query['sql'][:110]}", flush=True)
    run = MatchingRun.objects.get(pk=run.pk)
    if run.error:
        raise SystemExit(f"the batch failed: {run.error}")
    seconds = run.summary["seconds"]
    return {
        "load_s": seconds["load"],
        "solve_s": seconds["solve"],
        "explain_s": seconds["explain"],
        "write_s": seconds["write"],
        "total_s": round(total_s, 3),
        "queries": len(queries),
        "cpu_s": round(cpu_s, 1),
        "db_cpu_s": None
        if database_before is None or database_after is None
        else round(database_after - database_before, 1),
        "load_average": round(os.getloadavg()[0], 1),
        "peak_mb": round(peak_mb(), 1),
        "peak_includes_filling": not memory_reset,
        "proposals": run.summary["proposals"],
        "written": Pair.objects.filter(run=run).count(),
        "total_score": run.summary["total_score"],
        "optimal": run.summary["optimal"],
    }


def run(
    n_mentees: int, n_mentors: int, *, seed: int = 0, reset: bool = False, keep: bool = False
) -> dict[str, Any]:
    if settings.ENVIRONMENT == "production":
        raise SystemExit("This benchmark empties tables: never in production.")
    if YouthProfile.objects.exists() or MentorProfile.objects.exists():
        if not reset:
            raise SystemExit("The database already holds people: give --reset to empty it.")
    empty_tables()
    start = time.perf_counter()
    filled = fill(n_mentees, n_mentors, seed)
    fill_s = time.perf_counter() - start
    print(
        f"filled: {n_mentees} youths, {n_mentors} mentors, {filled['places']} places, "
        f"{filled['programmes']} programmes, {filled['others']} others, "
        f"{filled['pairs_before']} earlier pairs: {fill_s:.1f} s",
        flush=True,
    )
    try:
        measured = run_national_batch(filled["ministry"])
    finally:
        if not keep:
            empty_tables()
    return {
        "mentees": n_mentees,
        "mentors": n_mentors,
        "programmes": filled["programmes"],
        "fill_s": round(fill_s, 1),
        **measured,
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentees", type=int, default=200_000)
    parser.add_argument("--mentors", type=int, default=90_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reset", action="store_true", help="empty a database holding people")
    parser.add_argument("--keep", action="store_true", help="keep the data at the end")
    args = parser.parse_args(argv)
    report = run(args.mentees, args.mentors, seed=args.seed, reset=args.reset, keep=args.keep)
    print(json.dumps(report), flush=True)
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
