"""The pair's page: each person of the pair and its staff see their own view of it; anyone
else gets a 404; the page costs the same queries whatever the number of meetings."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.enums import ClosureReason, PairStatus
from matching.models import Meeting, Objective, PlannedMeeting
from tests.evaluations.factories import coordinator_of, followed_pair, outsiders_of, referent_of
from tests.matching.factories import MeetingFactory, ObjectiveFactory, PairFactory

pytestmark = pytest.mark.django_db


def page(client, user, pair):
    client.force_login(user)
    return client.get(reverse("matching:pair", args=[pair.pk]))


@pytest.fixture
def pair():
    return followed_pair(started_on=timezone.localdate() - datetime.timedelta(days=20))


def members(pair):
    return {
        "youth": pair.youth.user,
        "mentor": pair.mentor.user,
        "referent": referent_of(pair),
        "coordinator": coordinator_of(pair),
    }


@pytest.mark.parametrize("role", ["youth", "mentor", "referent", "coordinator"])
def test_each_person_of_the_pair_and_its_staff_open_the_page(client, pair, role):
    response = page(client, members(pair)[role], pair)
    assert response.status_code == 200
    assert response.context["viewer"].role == role
    body = response.content.decode()
    assert pair.youth.user.get_full_name() in body
    assert pair.mentor.user.get_full_name() in body


def test_anyone_else_gets_a_404(client, pair):
    for who, user in outsiders_of(pair).all():
        assert page(client, user, pair).status_code == 404, who


def test_a_proposal_not_yet_started_has_no_page(client):
    pair = PairFactory(approved=True)
    assert page(client, pair.youth.user, pair).status_code == 404


def test_the_cadence_status_and_its_due_date_are_shown(client, pair):
    body = page(client, pair.mentor.user, pair).content.decode()
    due = pair.started_on + datetime.timedelta(days=42)
    assert "À jour" in body
    assert due.strftime("%-d") in body


def test_a_late_pair_shows_it(client):
    pair = followed_pair(started_on=timezone.localdate() - datetime.timedelta(days=50))
    response = page(client, pair.youth.user, pair)
    assert response.context["cadence"].status == "late"
    assert "Planifier ta prochaine rencontre" in response.content.decode()


def test_the_private_note_never_reaches_the_youth(client, pair):
    MeetingFactory(pair=pair, private_note="Je m’inquiète pour sa famille", shared_note="CV revu")
    youth_page = page(client, pair.youth.user, pair).content.decode()
    assert "CV revu" in youth_page
    assert "Je m’inquiète pour sa famille" not in youth_page
    for role in ("mentor", "referent", "coordinator"):
        body = page(client, members(pair)[role], pair).content.decode()
        assert "Je m’inquiète pour sa famille" in body, role


def test_the_youths_word_on_a_meeting_that_did_not_happen_never_reaches_the_mentor(client, pair):
    meeting = MeetingFactory(pair=pair)
    meeting.answer(by=pair.youth.user, happened=False, note="Il n’est jamais venu")
    mentor_page = page(client, pair.mentor.user, pair).content.decode()
    assert "Il n’est jamais venu" not in mentor_page
    for role in ("youth", "referent", "coordinator"):
        body = page(client, members(pair)[role], pair).content.decode()
        assert "Il n’est jamais venu" in body, role


def test_the_youth_is_asked_to_confirm_a_meeting(client, pair):
    meeting = MeetingFactory(pair=pair)
    response = page(client, pair.youth.user, pair)
    labels = [step.label for step in response.context["steps"]]
    assert labels[0].startswith("Confirmer ta rencontre du")
    assert reverse("matching:meeting_answer", args=[pair.pk, meeting.pk]) in (
        response.content.decode()
    )


def test_the_timeline_shows_meetings_objectives_plans_and_changes(client, pair):
    mentor = pair.mentor.user
    Meeting.log(
        pair=pair,
        by=mentor,
        held_on=pair.started_on + datetime.timedelta(days=2),
        duration_minutes=95,
        format="in_person",
    )
    objective = Objective.propose(pair=pair, by=pair.youth.user, text="Trouver un stage")
    objective.set_status(by=mentor, status="reached")
    PlannedMeeting.plan(
        pair=pair,
        by=mentor,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        place="Café de la gare",
    )
    body = page(client, referent_of(pair), pair)
    text = body.content.decode()
    assert "Objectif proposé : « Trouver un stage »" in text
    assert "Objectif atteint : « Trouver un stage »" in text
    assert "Rencontre planifiée le" in text
    assert "Café de la gare" in text
    assert "Rencontre du" in text


def test_staff_are_asked_to_confirm_a_requested_closure(client):
    pair = followed_pair(started_on=timezone.localdate() - datetime.timedelta(days=200))
    ObjectiveFactory(pair=pair, reached=True)
    pair.request_completion(by=pair.youth.user)
    response = page(client, referent_of(pair), pair)
    assert [step.label for step in response.context["steps"]][0] == (
        "Confirmer la clôture « objectifs atteints »"
    )


def test_a_closed_pair_stays_readable(client, pair):
    pair.end_early(by=pair.mentor.user, reason=ClosureReason.MOVED_AWAY, details="Je pars à Lyon")
    assert pair.status == PairStatus.ENDED_EARLY
    for role, user in members(pair).items():
        response = page(client, user, pair)
        assert response.status_code == 200, role
        assert "Arrêté avant terme" in response.content.decode()
    assert "Je pars à Lyon" not in page(client, pair.youth.user, pair).content.decode()
    assert "Demander un nouveau mentor" in page(client, pair.youth.user, pair).content.decode()


# Session, user, savepoint pair, the pair with its cadence, the viewer's role (2), objectives and
# their changes, meetings, planned meetings, state changes, then what evaluations adds (8),
# and the savepoint's release.
PAGE_QUERIES = 20


@pytest.mark.parametrize("role", ["youth", "mentor", "referent", "coordinator"])
def test_the_page_costs_the_same_whatever_the_number_of_meetings(
    client, pair, role, django_assert_max_num_queries
):
    client.force_login(members(pair)[role])
    url = reverse("matching:pair", args=[pair.pk])
    for days in range(12):
        MeetingFactory(pair=pair, held_on=pair.started_on + datetime.timedelta(days=days))
        ObjectiveFactory(pair=pair)
    with django_assert_max_num_queries(PAGE_QUERIES):
        assert client.get(url).status_code == 200


def test_the_query_count_is_pinned(client, pair, django_assert_num_queries):
    MeetingFactory(pair=pair)
    ObjectiveFactory(pair=pair)
    client.force_login(referent_of(pair))
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get(reverse("matching:pair", args=[pair.pk])).status_code == 200


def staff_list(client, pair, tab):
    client.force_login(coordinator_of(pair))
    programme = pair.programme
    url = reverse("matching:pairs", args=[programme.association.slug, programme.slug])
    return client.get(url, {"etat": tab})


def test_staff_lists_link_running_pairs_with_their_cadence(client):
    pair = followed_pair(started_on=timezone.localdate() - datetime.timedelta(days=50))
    response = staff_list(client, pair, "en-cours")
    body = response.content.decode()
    assert reverse("matching:pair", args=[pair.pk]) in body
    assert "En retard" in body


def test_closed_pairs_have_their_tab_and_stay_readable(client, pair):
    pair.end_early(by=pair.youth.user, reason=ClosureReason.NO_FIT, details="Pas d’entente")
    response = staff_list(client, pair, "termines")
    assert list(response.context["page_obj"]) == [pair]
    body = response.content.decode()
    assert "Le binôme ne fonctionnait pas" in body
    assert reverse("matching:pair", args=[pair.pk]) in body
    assert dict((tab.slug, count) for tab, count in response.context["tabs"])["termines"] == 1


def test_the_running_tab_costs_the_same_with_its_cadence(client, django_assert_num_queries):
    pair = followed_pair()
    client.force_login(coordinator_of(pair))
    programme = pair.programme
    url = reverse("matching:pairs", args=[programme.association.slug, programme.slug])
    # session, user, savepoint, programme, tab counts, page count, rows, the header's unread
    # count, release
    with django_assert_num_queries(9):
        client.get(url, {"etat": "en-cours"})
    for _ in range(4):
        followed_pair(programme=programme)
    with django_assert_num_queries(9):
        assert len(client.get(url, {"etat": "en-cours"}).context["page_obj"]) == 5
