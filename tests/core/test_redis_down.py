"""Redis away (a port where nothing listens): every page still answers, limits fail open."""

import logging
import socket

import pytest
from django.core import mail
from django.urls import reverse

from mentorat.celery import app as celery_app
from mentorat.core import cache as fail_open_cache
from mentorat.settings.environment import redis_cache
from programmes.models import MentorProfile, YouthProfile
from tests.accounts.factories import PASSWORD, UserFactory
from tests.programmes.factories import ParentalConsentFactory
from tests.programmes.test_mentor_signup import mentor_data
from tests.programmes.test_youth_signup import youth_data

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    """A port that was free a moment ago: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    """The cache and the broker both on a Redis that is not there."""
    url = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = {"default": redis_cache(url, timeout=1.0)}
    fail_open_cache.outages.clear()
    conf = celery_app.conf
    saved = (
        conf.broker_url,
        conf.task_always_eager,
        celery_app._pool,
        celery_app.amqp._producer_pool,
    )
    conf.broker_url, conf.task_always_eager = url, False
    celery_app._pool = celery_app.amqp._producer_pool = None
    yield url
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
    conf.broker_url, conf.task_always_eager = saved[0], saved[1]
    celery_app._pool, celery_app.amqp._producer_pool = saved[2], saved[3]
    fail_open_cache.outages.clear()


def test_login_answers_and_the_outage_is_logged_once(client, redis_down, caplog):
    UserFactory(email="karim@exemple.fr", mentor=True)
    login = reverse("account_login")

    with caplog.at_level(logging.WARNING, logger="mentorat.core.cache"):
        wrong = client.post(login, {"login": "karim@exemple.fr", "password": "non"})
        right = client.post(login, {"login": "karim@exemple.fr", "password": PASSWORD})

    assert wrong.status_code == 200
    assert right.status_code == 302 and right.url == reverse("core:dashboard")
    [warning] = [r for r in caplog.records if r.name == "mentorat.core.cache"]
    assert "rate limits are not applied" in warning.getMessage()


def test_password_reset_and_change_answer(client, redis_down):
    user = UserFactory(email="karim@exemple.fr")

    response = client.post(reverse("account_reset_password"), {"email": "karim@exemple.fr"})
    assert response.status_code == 302
    assert mail.outbox == []  # the broker is away: the message waits for the sweep

    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "Nouveau-mdp-42", "password2": "Nouveau-mdp-42"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nouveau-mdp-42")


def test_both_sign_ups_answer(client, redis_down):
    youth = client.post(reverse("programmes:youth_signup"), youth_data())
    mentor = client.post(reverse("programmes:mentor_signup"), mentor_data())

    assert youth.status_code == mentor.status_code == 302
    assert YouthProfile.objects.exists() and MentorProfile.objects.exists()


def test_completing_a_registration_answers(client, redis_down):
    client.force_login(UserFactory(mentor=True))
    data = {
        key: value
        for key, value in mentor_data().items()
        if key not in {"first_name", "last_name", "email", "password1", "password2"}
    }
    response = client.post(reverse("programmes:complete_registration"), data)

    assert response.status_code == 302
    assert MentorProfile.objects.exists()


def test_consent_renewal_answers(client, redis_down):
    consent = ParentalConsentFactory()
    client.force_login(consent.youth.user)

    response = client.post(
        reverse("programmes:consent_renew"),
        {"guardian_name": "Karim Martin", "guardian_email": "karim@exemple.fr"},
    )

    assert response.status_code == 302


def test_healthz_says_503(client, redis_down):
    response = client.get(reverse("core:healthz"))

    assert response.status_code == 503
    assert response.json()["cache"].startswith("error")
    assert response.json()["broker"].startswith("error")
    assert response.json()["database"] == "ok"
