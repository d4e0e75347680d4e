"""The sign-up peak and two outages, against a local gunicorn + PostgreSQL + Redis.

    .venv/bin/python -m benchmarks.load --minutes 1                       # the peak
    .venv/bin/python -m benchmarks.load --minutes 2 --drill postgres-restart
    .venv/bin/python -m benchmarks.load --minutes 2 --drill redis-stop

It starts its own PostgreSQL cluster and Redis on spare loopback ports (never the shared
ones, which it would otherwise have to restart), migrates, and runs gunicorn with the
platform's settings (the password hasher at its default cost). locust then sends youths'
sign-ups (default 6 a second) and page views (30 a second) for --minutes; a drill restarts
PostgreSQL or stops Redis for a while in the middle. At the end every sign-up the site
accepted must be in the database, with its parent's consent email in the outbox for an
under-15; no 500 at any time; a 503 only during a database outage, and then in French.
The last line printed is JSON: the figures and whether each check held (exit 1 if not).
"""

import argparse
import csv
import json
import os
import runpy
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(
    os.environ.get("PG_BIN")
    or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), "/usr/bin")
)


SIGNUP_EVERY = 3  # seconds between two sign-ups of one simulated youth


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(*command) -> list[str]:
    """initdb and pg_ctl refuse to run as root: run them as the postgres user then."""
    return (
        ["runuser", "-u", "postgres", "--", *map(str, command)]
        if os.geteuid() == 0
        else list(map(str, command))
    )


class Services:
    def __init__(self, workdir: Path, workers: int):
        self.workdir, self.workers = workdir, workers
        self.pg_port, self.redis_port, self.web_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.web_port}"
        self.pg_data = workdir / "pg"
        self.processes: list[subprocess.Popen] = []
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mentorat.settings.local",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.pg_port}/mentorat",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "CLIENT_IP_HEADER": "X-Real-IP",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://127.0.0.1:{self.web_port}",
            "MENTORAT_VAR_DIR": str(workdir / "var"),
            "LOG_LEVEL": "ERROR",
            # The worker sends the emails for real, into files: what was sent is counted
            # from the outbox's rows, the files are there to read.
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        }

    def start(self):
        self.pg_data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.workdir, "postgres")
            shutil.chown(self.pg_data, "postgres")
        subprocess.run(
            as_postgres(
                PG_BIN / "initdb",
                "-D",
                self.pg_data,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ),
            check=True,
            capture_output=True,
        )
        self.postgres("start")
        subprocess.run(
            [
                PG_BIN / "createdb",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.pg_port),
                "-U",
                "postgres",
                "mentorat",
            ],
            check=True,
        )
        self.redis_start()
        self.manage("migrate", "--verbosity", "0")
        # One Celery worker, as in production: it sends what the sign-ups queue, and while
        # Redis is away what could not be queued waits in the outbox for the sweep.
        self.processes.append(
            subprocess.Popen(
                [ROOT / ".venv/bin/celery", "-A", "mentorat", "worker", "--concurrency", "1"]
                + ["--loglevel", "ERROR"],
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        self.processes.append(
            subprocess.Popen(
                [
                    ROOT / ".venv/bin/gunicorn",
                    "mentorat.wsgi",
                    "--bind",
                    f"127.0.0.1:{self.web_port}",
                    "--workers",
                    str(self.workers),
                    "--timeout",
                    "30",
                    "--graceful-timeout",
                    "5",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        # Every worker booted (Django imported) before the clock starts: a page answers,
        # several times in a row.
        answered, deadline = 0, time.monotonic() + 180
        while answered < 3 * self.workers and time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}/", timeout=30).read()
                answered += 1
            except OSError:
                time.sleep(0.5)
        if answered:
            return
        raise RuntimeError("gunicorn did not start")

    def postgres(self, action: str):
        subprocess.run(
            as_postgres(
                PG_BIN / "pg_ctl",
                "-D",
                self.pg_data,
                "-w",
                "-l",
                self.pg_data / "log",
                "-o",
                f"-p {self.pg_port} -k {self.pg_data} -c listen_addresses=127.0.0.1",
                "-m",
                "fast",
                action,
            ),
            check=True,
            capture_output=True,
        )

    def redis_start(self):
        subprocess.run(
            [
                "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "yes",
                "--pidfile",
                str(self.workdir / "redis.pid"),
                "--dir",
                str(self.workdir),
            ],
            check=True,
        )

    def redis_stop(self):
        subprocess.run(
            ["redis-cli", "-p", str(self.redis_port), "shutdown", "nosave"], capture_output=True
        )

    def drill(self, drill: str, outage_seconds: float) -> float | None:
        """Take PostgreSQL or Redis away for a while, bring it back, and return how long the
        home page took to answer 200 again (None if it did not within a minute)."""
        if drill == "postgres-restart":
            self.postgres("stop")
            time.sleep(outage_seconds)
            self.postgres("start")
        else:
            self.redis_stop()
            time.sleep(outage_seconds)
            self.redis_start()
        back = time.monotonic()
        while time.monotonic() - back < 60:
            try:
                with urllib.request.urlopen(f"{self.url}/", timeout=10) as page:
                    if page.status == 200:
                        return round(time.monotonic() - back, 1)
            except OSError:
                time.sleep(0.5)
        return None

    def manage(self, *args) -> str:
        done = subprocess.run(
            [ROOT / ".venv/bin/python", "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:  # a worker still busy with a backlog
                process.kill()
                process.wait()
        self.redis_stop()
        try:
            self.postgres("stop")
        except subprocess.CalledProcessError:
            pass


CHECK_LOST = """
import json, sys, time
from collections import Counter
from mentorat.accounts.models import User
from mentorat.notifications.models import Message, MessageStatus
from mentorat.notifications.tasks import deliver_pending_messages
accepted = json.load(open(sys.argv[-1]))
emails = {row["email"] for row in accepted}
found = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
guardians = {row["guardian"] for row in accepted if row["guardian"]}
consents = Message.objects.filter(to_email__in=guardians)
told = set(consents.values_list("to_email", flat=True))
# The outbox drains: the worker sends what was queued, the periodic sweep (run here, as beat
# would every 5 minutes) what could not be queued while Redis was away.
deadline = time.monotonic() + 60
while consents.exclude(status=MessageStatus.SENT).exists() and time.monotonic() < deadline:
    deliver_pending_messages()
    time.sleep(1)
sent = Counter(consents.filter(status=MessageStatus.SENT).values_list("to_email", flat=True))
print(json.dumps({"accepted": len(emails), "in_database": len(found & emails),
                  "consents_due": len(guardians), "consents_in_outbox": len(told & guardians),
                  "consents_sent": len(set(sent) & guardians),
                  "consents_sent_twice": sum(1 for count in sent.values() if count > 1)}))
"""


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):  # "N/A": no request of this kind
        return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--signups-per-second", type=int, default=6)
    parser.add_argument("--views-per-second", type=int, default=30)
    # Repeatable: several drills in one run are spread evenly over it (CI runs both at once).
    parser.add_argument(
        "--drill", choices=["postgres-restart", "redis-stop"], action="append", default=[]
    )
    parser.add_argument("--outage-seconds", type=float, default=15.0)
    parser.add_argument(
        "--workers", type=int, help="gunicorn's workers (default: gunicorn.conf.py's)"
    )
    args = parser.parse_args()
    args.workers = args.workers or runpy.run_path(str(ROOT / "gunicorn.conf.py"))["workers"]

    workdir = Path(tempfile.mkdtemp(prefix="mentorat-load-"))
    services = Services(workdir, args.workers)
    seconds = args.minutes * 60
    outcome_file, csv_prefix = workdir / "outcome.json", workdir / "stats"
    # Each simulated youth signs up every SIGNUP_EVERY seconds (see the locustfile).
    users = args.signups_per_second * SIGNUP_EVERY + args.views_per_second
    try:
        services.start()
        locust = subprocess.Popen(
            [
                ROOT / ".venv/bin/locust",
                "-f",
                ROOT / "benchmarks/locustfile.py",
                "--headless",
                "--users",
                str(users),
                # Everyone arrives within 10 s rather than in one burst at the first second.
                "--spawn-rate",
                str(max(1, users // 10)),
                "--run-time",
                f"{int(seconds)}s",
                "--host",
                f"http://127.0.0.1:{services.web_port}",
                "--csv",
                csv_prefix,
                "--only-summary",
                "--loglevel",
                "ERROR",
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "LOAD_SIGNUPS_PER_SECOND": str(args.signups_per_second),
                "LOAD_VIEWS_PER_SECOND": str(args.views_per_second),
                "LOAD_SIGNUP_EVERY": str(SIGNUP_EVERY),
                "LOAD_OUTCOME_FILE": str(outcome_file),
            },
            stdout=subprocess.DEVNULL,
            stderr=sys.stderr,
        )
        started, recovered_after = time.monotonic(), {}
        for number, drill in enumerate(args.drill, start=1):
            # The n-th of k drills begins at n/(k+1) of the run.
            time.sleep(
                max(0, started + seconds * number / (len(args.drill) + 1) - time.monotonic())
            )
            recovered_after[drill] = services.drill(drill, args.outage_seconds)
        locust.wait(timeout=seconds + 120)
        outcome = json.loads(outcome_file.read_text())
        accepted_file = workdir / "accepted.json"
        accepted_file.write_text(json.dumps(outcome["accepted"]))
        script = CHECK_LOST.replace("sys.argv[-1]", repr(str(accepted_file)))
        lost = json.loads(services.manage("shell", "-c", script).strip().splitlines()[-1])
        with open(f"{csv_prefix}_stats.csv") as stats_file:
            rows = {row["Name"]: row for row in csv.DictReader(stats_file)}
    finally:
        services.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    total, signups = rows["Aggregated"], rows.get("inscription (envoi)", {})
    statuses = {int(code): count for code, count in outcome["statuses"].items()}
    requests = int(total["Request Count"])
    server_errors = sum(count for code, count in statuses.items() if code >= 500 and code != 503)
    unavailable = statuses.get(503, 0)
    result = {
        "benchmark": "load",
        "drill": args.drill,
        "minutes": args.minutes,
        "cores": os.cpu_count(),
        "gunicorn_workers": args.workers,
        "outage_seconds": args.outage_seconds if args.drill else 0,
        "recovered_after_seconds": recovered_after,
        "requests": requests,
        "requests_per_second": round(requests / seconds, 1),
        "signups_accepted": lost["accepted"],
        "signups_per_second": round(lost["accepted"] / seconds, 2),
        "signups_per_second_per_core": round(lost["accepted"] / seconds / (os.cpu_count() or 1), 2),
        "p95_ms": _number(total.get("95%")),
        "signup_p95_ms": _number(signups.get("95%")),
        "error_rate": round(int(total["Failure Count"]) / max(requests, 1), 5),
        "statuses": {str(code): count for code, count in sorted(statuses.items())},
        "server_errors_5xx_not_503": server_errors,
        "answers_503": unavailable,
        "answers_503_not_french": outcome["french_503"]["not_french"],
        **lost,
    }
    checks = {
        "nothing_lost": lost["in_database"] == lost["accepted"]
        and lost["consents_in_outbox"] == lost["consents_due"],
        "outbox_drained_once_each": lost["consents_sent"] == lost["consents_due"]
        and lost["consents_sent_twice"] == 0,
        "no_500": server_errors == 0,
        "503_only_when_the_database_is_away": unavailable == 0 or "postgres-restart" in args.drill,
        "503_in_french": outcome["french_503"]["not_french"] == 0,
    }
    if args.drill:
        checks["recovers_by_itself"] = None not in recovered_after.values()
    else:
        checks["p95_under_800_ms"] = result["p95_ms"] < 800
        checks["errors_under_0.1%"] = result["error_rate"] < 0.001
    result["checks"] = checks
    result["passed"] = all(checks.values())
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
