"""The embedded default (SQLite) holds a login while the worker writes."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# Runs in its own process, on its own SQLite file: a worker thread records an email and holds
# its transaction open while a visitor logs in (the login writes the session).
SCRIPT = textwrap.dedent(
    """
    import threading, time
    import django
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from mentorat.notifications.models import Message
    from tests.accounts.factories import PASSWORD, UserFactory

    call_command("migrate", verbosity=0)
    print("journal:", connection.cursor().execute("PRAGMA journal_mode").fetchone()[0])
    UserFactory(email="karim@exemple.fr", mentor=True)
    writing, done = threading.Event(), threading.Event()

    def worker():
        with transaction.atomic():
            Message.objects.first()  # reads, then writes: what a task does
            Message.objects.create(key="k", to_email="a@b.fr", subject="s", body_text="b")
            writing.set()
            time.sleep(1.5)
        done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    writing.wait()
    response = Client(HTTP_HOST="127.0.0.1").post(
        "/comptes/login/", {"login": "karim@exemple.fr", "password": PASSWORD}
    )
    thread.join()
    print("login:", response.status_code, response.get("Location"))
    print("worker:", "done" if done.is_set() else "failed")
    """
)


def test_a_login_while_the_worker_writes_is_not_database_is_locked(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "TEST_CACHE_URL"}},
        "DJANGO_SETTINGS_MODULE": "mentorat.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MENTORAT_VAR_DIR": str(tmp_path / "var"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert "journal: wal" in result.stdout
    assert "login: 302 /mon-espace/" in result.stdout
    assert "worker: done" in result.stdout
