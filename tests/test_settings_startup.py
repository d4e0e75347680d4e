"""A wrong configuration stops the process at start with one readable line."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(settings_module, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_broken_database_url_fails_with_one_line():
    result = run_check("mentorat.settings.local", DATABASE_URL="postgress//oops")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("mentorat: configuration invalide — DATABASE_URL")
    assert len(result.stderr.strip().splitlines()) == 1


def test_production_refuses_to_start_without_a_secret():
    result = run_check("mentorat.settings.production", ALLOWED_HOSTS="mentorat.example.org")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "SECRET_KEY doit être fourni" in result.stderr


def test_production_starts_with_a_real_secret():
    result = run_check(
        "mentorat.settings.production",
        SECRET_KEY="une-clé-de-test-assez-longue-et-variée-pour-django-0123456789",
        ALLOWED_HOSTS="mentorat.example.org",
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode == 0, result.stderr
