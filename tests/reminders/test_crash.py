"""Exactly once, with real processes: Celery workers on a real Redis broker and two beat
schedulers at once, on the test database. A worker killed (SIGKILL) in the middle of a send
and restarted, every due email sent exactly once; an email refused three times by the mail
server, then accepted, sent once.

Runs when the tests run on PostgreSQL with a Redis (as in CI); the broker is a Redis database
of its own: CELERY_TEST_BROKER_URL, else REDIS_URL's server with database 14 (CI uses 0 for
the site and 15 for the tests' cache)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from mentorat.notifications.models import EmailState, Message, MessageStatus, Notification
from programmes.models import Departement
from tests.evaluations.factories import followed_pair
from vocabulary.departements import DEPARTEMENTS

PAIRS = 12
STALL_AT = 10  # the 10th email stalls: the worker is killed while sending it
ROOT = Path(__file__).resolve().parents[2]


def broker_url() -> str | None:
    if os.environ.get("CELERY_TEST_BROKER_URL"):
        return os.environ["CELERY_TEST_BROKER_URL"]
    if not settings.REDIS_URL:
        return None
    return urlsplit(settings.REDIS_URL)._replace(path="/14").geturl()


pytestmark = [
    pytest.mark.celery_workers,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not broker_url() or settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
        reason="needs PostgreSQL and Redis (set in CI)",
    ),
]


class Processes:
    def __init__(self, env, logs: Path):
        self.env, self.logs, self.started = env, logs, []

    def start(self, name: str, *args) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "mentorat", *args],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: the worker and its pool die together
        )
        self.started.append(process)
        return process

    def worker(self, name):
        return self.start(
            name,
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--loglevel=WARNING",
            f"--hostname={name}@%h",
            "--without-mingle",
            "--without-gossip",
        )

    def beat(self, name, folder: Path):
        return self.start(
            name,
            "beat",
            "--loglevel=WARNING",
            f"--schedule={folder / name}",
            f"--pidfile={folder / (name + '.pid')}",
        )

    @staticmethod
    def kill(process):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self):
        for process in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_killed_worker_two_beats_and_a_flaky_mail_server_still_send_each_email_once(tmp_path):
    # Transactional tests before this one emptied the tables, the data migration's too.
    Departement.objects.bulk_create(
        [Departement(code=code, name=name) for code, name in DEPARTEMENTS], ignore_conflicts=True
    )
    url = broker_url()
    redis.Redis.from_url(url).flushdb()  # this database is the test's own broker
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    started = timezone.localdate() - timezone.timedelta(days=50)  # late since a week
    pairs = [followed_pair(started_on=started) for _ in range(PAIRS)]
    flaky = pairs[0].mentor.user
    flaky.email = f"flaky-{flaky.pk}@exemple.fr"
    flaky.save(update_fields=["email"])
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.reminders.celery_settings",
        "INTEGRATION_DATABASE_NAME": connection.settings_dict["NAME"],
        "INTEGRATION_BROKER_URL": url,
        "INTEGRATION_MAIL_DIR": str(mail_dir),
        "INTEGRATION_STALL_AT": str(STALL_AT),
    }
    processes = Processes(env, tmp_path)
    try:
        first = processes.worker("first")
        processes.beat("beat-a", tmp_path)
        processes.beat("beat-b", tmp_path)
        wait_for((mail_dir / "stalled").exists, 90, "the worker to stall in a send")
        Processes.kill(first)  # SIGKILL in the middle of the batch
        assert Message.objects.filter(status=MessageStatus.SENT).count() < STALL_AT
        processes.worker("second")

        def all_sent():
            waiting = Notification.objects.filter(email_state=EmailState.WAITING).exists()
            return not waiting and not Message.objects.exclude(status=MessageStatus.SENT).exists()

        wait_for(all_sent, 90, "every message to be sent")
    finally:
        processes.stop_all()
    emailed = Notification.objects.exclude(email_state=EmailState.NONE)
    assert emailed.count() >= 3 * PAIRS  # late: the youth, the mentor, the referent
    assert Message.objects.count() == emailed.count()
    sent_files = sorted(path.name.split("-")[1] for path in mail_dir.glob("mail-*.eml"))
    assert len(sent_files) == len(set(sent_files)) == emailed.count()  # each exactly once
    flaky_message = Message.objects.get(to_email=flaky.email)
    assert flaky_message.attempts == 3 and flaky_message.status == MessageStatus.SENT
