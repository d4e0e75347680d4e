"""Meetings from the pair's page: the mentor logs, the youth confirms or disputes, either plans
the next one and downloads it for their calendar."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from matching.enums import ClosureReason, MeetingTopic, YouthConfirmation
from matching.models import Meeting, PlannedMeeting
from programmes import flags
from tests.evaluations.factories import coordinator_of, followed_pair, outsiders_of, referent_of
from tests.matching.factories import MeetingFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def pair():
    return followed_pair(started_on=TODAY() - datetime.timedelta(days=30))


def log_url(pair):
    return reverse("matching:meeting_log", args=[pair.pk])


def meeting_data(**overrides):
    data = {
        "held_on": (TODAY() - datetime.timedelta(days=1)).isoformat(),
        "duration_minutes": "90",
        "format": "in_person",
        "topics": ["cv", "interview"],
        "topics_other": "Lettre pour Decathlon",
        "shared_note": "On a refait le CV.",
        "private_note": "Semble fatigué.",
    }
    data.update(overrides)
    return data


def test_the_mentor_logs_a_meeting_in_one_form(client, pair):
    client.force_login(pair.mentor.user)
    assert client.get(log_url(pair)).status_code == 200
    response = client.post(log_url(pair), meeting_data(alert_referent="on"))
    assert response.status_code == 302
    assert response["Location"] == reverse("matching:pair", args=[pair.pk])
    meeting = Meeting.objects.get(pair=pair)
    assert meeting.duration_minutes == 90
    assert meeting.topics == flags.mask_of(MeetingTopic, ["cv", "interview"])
    assert meeting.alert_referent
    assert meeting.private_note == "Semble fatigué."
    assert meeting.logged_by == pair.mentor.user


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"held_on": (TODAY() + datetime.timedelta(days=1)).isoformat()}, "held_on", "futur"),
        ({"held_on": "2020-01-01"}, "held_on", "a commencé le"),
        ({"duration_minutes": "4"}, "duration_minutes", "au moins 5 minutes"),
        ({"duration_minutes": "481"}, "duration_minutes", "au plus 8 heures"),
        ({"duration_minutes": "une heure"}, "duration_minutes", "en chiffres"),
        ({"format": ""}, "format", "Choisissez le format"),
    ],
)
def test_each_refusal_is_shown_next_to_its_field_and_nothing_typed_is_lost(
    client, pair, overrides, field, message
):
    client.force_login(pair.mentor.user)
    response = client.post(log_url(pair), meeting_data(**overrides))
    assert response.status_code == 400
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    body = response.content.decode()
    assert "On a refait le CV." in body
    assert "Semble fatigué." in body
    assert "Lettre pour Decathlon" in body
    assert not Meeting.objects.exists()


def test_a_second_meeting_on_the_same_date_asks_for_a_confirmation(client, pair):
    held_on = TODAY() - datetime.timedelta(days=2)
    MeetingFactory(pair=pair, held_on=held_on)
    client.force_login(pair.mentor.user)
    data = meeting_data(held_on=held_on.isoformat())
    response = client.post(log_url(pair), data)
    assert response.status_code == 400
    assert "déjà notée à cette date" in " ".join(response.context["form"].errors["held_on"])
    assert "Oui, c’est bien une autre rencontre" in response.content.decode()
    response = client.post(log_url(pair), {**data, "same_date_confirmed": "on"})
    assert response.status_code == 302
    assert Meeting.objects.filter(pair=pair, held_on=held_on).count() == 2


def test_the_confirmation_box_is_not_shown_before_it_is_needed(client, pair):
    client.force_login(pair.mentor.user)
    assert "Oui, c’est bien une autre rencontre" not in client.get(log_url(pair)).content.decode()


@pytest.mark.parametrize("role", ["youth", "referent", "coordinator"])
def test_only_the_mentor_logs_meetings(client, pair, role):
    user = {
        "youth": pair.youth.user,
        "referent": referent_of(pair),
        "coordinator": coordinator_of(pair),
    }[role]
    client.force_login(user)
    assert client.post(log_url(pair), meeting_data()).status_code == 403
    assert not Meeting.objects.exists()


def test_outsiders_cannot_reach_the_meeting_pages(client, pair):
    meeting = MeetingFactory(pair=pair)
    planned = PlannedMeeting.plan(
        pair=pair,
        by=pair.mentor.user,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        place="Médiathèque",
    )
    urls = [
        log_url(pair),
        reverse("matching:meeting_answer", args=[pair.pk, meeting.pk]),
        reverse("matching:meeting_plan", args=[pair.pk]),
        reverse("matching:planned_ics", args=[pair.pk, planned.pk]),
    ]
    for who, user in outsiders_of(pair).all():
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, (who, url)
        cancel = reverse("matching:planned_cancel", args=[pair.pk, planned.pk])
        assert client.post(cancel).status_code == 404, who


def test_the_youth_confirms_a_meeting(client, pair):
    meeting = MeetingFactory(pair=pair)
    client.force_login(pair.youth.user)
    url = reverse("matching:meeting_answer", args=[pair.pk, meeting.pk])
    page = client.get(url).content.decode()
    assert meeting.shared_note in page
    response = client.post(url, {"happened": "yes"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.youth_confirmation == YouthConfirmation.CONFIRMED


def test_the_youth_says_a_meeting_did_not_happen_with_a_word(client, pair):
    meeting = MeetingFactory(pair=pair, private_note="Note pour le référent seulement")
    client.force_login(pair.youth.user)
    url = reverse("matching:meeting_answer", args=[pair.pk, meeting.pk])
    assert "Note pour le référent seulement" not in client.get(url).content.decode()
    response = client.post(url, {"happened": "no"})
    assert response.status_code == 400
    assert "youth_note" in response.context["form"].errors
    response = client.post(url, {"happened": "no", "youth_note": "Il n’est pas venu."})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.youth_confirmation == YouthConfirmation.DISPUTED
    assert meeting.youth_note == "Il n’est pas venu."
    # The referent sees the disagreement on the pair's page.
    client.force_login(referent_of(pair))
    body = client.get(reverse("matching:pair", args=[pair.pk])).content.decode()
    assert "Il n’est pas venu." in body
    assert "À regarder" in body


def test_the_mentor_does_not_answer_for_the_youth(client, pair):
    meeting = MeetingFactory(pair=pair)
    client.force_login(pair.mentor.user)
    url = reverse("matching:meeting_answer", args=[pair.pk, meeting.pk])
    assert client.post(url, {"happened": "yes"}).status_code == 403


def plan_data(**overrides):
    day = TODAY() + datetime.timedelta(days=5)
    data = {"day": day.isoformat(), "start_time": "18:30", "duration_minutes": "90", "place": ""}
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ["youth", "mentor"])
def test_either_plans_the_next_meeting_and_both_get_an_ics(client, pair, role):
    user = pair.youth.user if role == "youth" else pair.mentor.user
    client.force_login(user)
    url = reverse("matching:meeting_plan", args=[pair.pk])
    response = client.post(url, plan_data(video_link="https://visio.example.org/abc"))
    assert response.status_code == 302
    planned = PlannedMeeting.objects.get(pair=pair)
    assert planned.planned_by == user
    for person in (pair.youth.user, pair.mentor.user):
        client.force_login(person)
        page = client.get(reverse("matching:pair", args=[pair.pk])).content.decode()
        ics_url = reverse("matching:planned_ics", args=[pair.pk, planned.pk])
        assert ics_url in page
        response = client.get(ics_url)
        assert response["Content-Type"].startswith("text/calendar")
        assert "attachment" in response["Content-Disposition"]
        (event,) = Calendar.from_ical(response.content).walk("VEVENT")
        assert event.decoded("dtstart") == planned.starts_at
        assert str(event["location"]) == "https://visio.example.org/abc"
        assert f"planned-meeting-{planned.pk}@" in str(event["uid"])


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"place": ""}, "place"),
        ({"day": (TODAY() - datetime.timedelta(days=1)).isoformat(), "place": "Café"}, "day"),
        ({"video_link": "pas un lien", "place": ""}, "video_link"),
    ],
)
def test_a_plan_without_place_or_in_the_past_is_refused(client, pair, overrides, field):
    client.force_login(pair.mentor.user)
    response = client.post(reverse("matching:meeting_plan", args=[pair.pk]), plan_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not PlannedMeeting.objects.exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("youth", ["Indique un lieu ou un lien de visio.", "Choisis l’heure de la rencontre."]),
        (
            "mentor",
            ["Indiquez un lieu ou un lien de visio.", "Choisissez l’heure de la rencontre."],
        ),
    ],
)
def test_the_plan_form_says_tu_to_the_youth_and_vous_to_the_mentor(client, pair, role, expected):
    client.force_login(pair.youth.user if role == "youth" else pair.mentor.user)
    url = reverse("matching:meeting_plan", args=[pair.pk])
    errors = client.post(url, plan_data(place="", start_time="")).context["form"].errors
    assert [errors["place"][0], errors["start_time"][0]] == expected
    past = (TODAY() - datetime.timedelta(days=1)).isoformat()
    errors = client.post(url, plan_data(day=past, place="Café")).context["form"].errors
    assert errors["day"] == [
        "Choisis une date et une heure à venir."
        if role == "youth"
        else "Choisissez une date et une heure à venir."
    ]


def test_a_planned_meeting_is_cancelled_and_its_ics_says_so(client, pair):
    planned = PlannedMeeting.plan(
        pair=pair,
        by=pair.mentor.user,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        place="Médiathèque",
    )
    client.force_login(pair.youth.user)
    response = client.post(reverse("matching:planned_cancel", args=[pair.pk, planned.pk]))
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.cancelled_at is not None
    ics = client.get(reverse("matching:planned_ics", args=[pair.pk, planned.pk])).content
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"


def test_a_closed_pair_logs_nothing_more(client, pair):
    pair.end_early(
        by=pair.mentor.user, reason=ClosureReason.NO_CONTACT, details="Plus de nouvelles"
    )
    client.force_login(pair.mentor.user)
    response = client.post(log_url(pair), meeting_data())
    assert response.status_code == 302
    assert not Meeting.objects.exists()
