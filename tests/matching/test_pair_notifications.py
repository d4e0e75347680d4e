"""What the pair's life tells people by email: the referent hears of an alert and of a meeting
the youth disputes; the other person hears of a meeting planned, with the .ics link."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorat.notifications.models import Message
from tests.evaluations.factories import followed_pair, referent_of
from tests.matching.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    return followed_pair(started_on=timezone.localdate() - datetime.timedelta(days=20))


def log(client, pair, **extra):
    client.force_login(pair.mentor.user)
    data = {
        "held_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "duration_minutes": "90",
        "format": "phone",
        "private_note": "Il a évoqué des violences à la maison.",
        **extra,
    }
    assert client.post(reverse("matching:meeting_log", args=[pair.pk]), data).status_code == 302


def test_an_alert_reaches_the_referent_at_once(client, pair, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        log(client, pair, alert_referent="on")
    message = Message.objects.get()
    assert message.recipient == referent_of(pair)
    assert "alerter mon référent" in message.body_text
    assert reverse("matching:pair", args=[pair.pk]) in message.body_text
    # The private note stays on the site, behind the referent's sign-in.
    assert "violences" not in message.body_text


def test_no_alert_no_message(client, pair):
    log(client, pair)
    assert not Message.objects.exists()


def test_a_disputed_meeting_reaches_the_referent_once(client, pair):
    meeting = MeetingFactory(pair=pair)
    client.force_login(pair.youth.user)
    url = reverse("matching:meeting_answer", args=[pair.pk, meeting.pk])
    for note in ("On ne s’est pas vus.", "Toujours pas vus."):
        client.post(url, {"happened": "no", "youth_note": note})
    message = Message.objects.get()
    assert message.recipient == referent_of(pair)
    assert "On ne s’est pas vus." in message.body_text


def test_a_planned_meeting_reaches_the_other_person_with_its_calendar_link(client, pair):
    client.force_login(pair.youth.user)
    day = timezone.localdate() + datetime.timedelta(days=4)
    response = client.post(
        reverse("matching:meeting_plan", args=[pair.pk]),
        {"day": day.isoformat(), "start_time": "17:30", "duration_minutes": "90",
         "place": "Café du coin"},
    )  # fmt: skip
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.recipient == pair.mentor.user
    assert "Café du coin" in message.body_text
    assert "agenda.ics" in message.body_text
    assert "votre agenda" in message.body_text  # "vous" to the mentor
