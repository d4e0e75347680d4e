"""Objectives, closure and rematch from the pair's page, through the model's own methods."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.enums import ClosureReason, ObjectiveChangeKind, ObjectiveStatus, PairStatus
from matching.models import Objective, ObjectiveChange, Pair
from matching.population import matchable_youths
from programmes import flags
from programmes.enums import Need
from tests.evaluations.factories import coordinator_of, followed_pair, outsiders_of, referent_of
from tests.matching.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    pair = followed_pair(started_on=timezone.localdate() - datetime.timedelta(days=30))
    pair.youth.needs = flags.mask_of(Need, [Need.INTERNSHIP, Need.SELF_CONFIDENCE])
    pair.youth.save(update_fields=["needs"])
    return pair


@pytest.fixture
def old_pair():
    """A pair past its six months."""
    return followed_pair(started_on=timezone.localdate() - datetime.timedelta(days=200))


def pair_page(client, pair):
    return client.get(reverse("matching:pair", args=[pair.pk])).content.decode()


def test_objectives_are_suggested_from_the_youths_needs(client, pair):
    client.force_login(pair.youth.user)
    url = reverse("matching:objective_add", args=[pair.pk])
    page = client.get(url).content.decode()
    assert "Décrocher un stage" in page
    assert "Prendre la parole avec plus d’assurance" in page
    response = client.get(url + "?suggestion=0")
    assert response.context["form"].initial["text"] == response.context["suggestions"][0]


@pytest.mark.parametrize("role", ["youth", "mentor"])
def test_either_adds_an_objective_and_the_other_sees_it_in_the_timeline(client, pair, role):
    user, other = pair.youth.user, pair.mentor.user
    if role == "mentor":
        user, other = other, user
    client.force_login(user)
    response = client.post(
        reverse("matching:objective_add", args=[pair.pk]),
        {"text": "Décrocher un stage de 3e", "target_date": "2031-05-01"},
    )
    assert response.status_code == 302
    objective = Objective.objects.get(pair=pair)
    assert objective.created_by == user
    assert objective.target_date == datetime.date(2031, 5, 1)
    client.force_login(other)
    assert "Objectif proposé : « Décrocher un stage de 3e »" in pair_page(client, pair)


def test_a_sixth_objective_is_refused_next_to_the_field(client, pair):
    for _ in range(5):
        Objective.propose(pair=pair, by=pair.mentor.user, text="Un objectif")
    client.force_login(pair.youth.user)
    response = client.post(reverse("matching:objective_add", args=[pair.pk]), {"text": "Encore"})
    assert response.status_code == 400
    # The model's refusal, said with "tu" to the youth.
    assert response.context["form"].errors["text"] == [
        "Cinq objectifs au plus : abandonnes-en un avant d’en ajouter."
    ]
    assert Objective.objects.filter(pair=pair).count() == 5
    client.force_login(pair.mentor.user)
    response = client.post(reverse("matching:objective_add", args=[pair.pk]), {"text": "Encore"})
    assert response.context["form"].errors["text"] == [
        "Cinq objectifs au plus : abandonnez-en un avant d’en ajouter."
    ]


@pytest.mark.parametrize(
    ("role", "objective", "reason"),
    [
        (
            "youth",
            "Écris l’objectif en une phrase courte.",
            "Choisis le motif de l’arrêt dans la liste.",
        ),
        (
            "mentor",
            "Écrivez l’objectif en une phrase courte.",
            "Choisissez le motif de l’arrêt dans la liste.",
        ),
    ],
)
def test_objective_and_early_end_refusals_say_tu_to_the_youth(
    client, pair, role, objective, reason
):
    client.force_login(pair.youth.user if role == "youth" else pair.mentor.user)
    response = client.post(reverse("matching:objective_add", args=[pair.pk]), {"text": ""})
    assert response.context["form"].errors["text"] == [objective]
    edit = ObjectiveFactory(pair=pair)
    response = client.post(
        reverse("matching:objective_edit", args=[pair.pk, edit.pk]), {"text": "  "}
    )
    assert response.context["form"].errors["text"] == [objective]
    response = client.post(reverse("matching:end_early", args=[pair.pk]), {"details": "x"})
    assert response.context["form"].errors["reason"] == [reason]


def test_an_objective_is_edited_then_reached_with_its_history(client, pair):
    objective = Objective.propose(pair=pair, by=pair.youth.user, text="Trouver un stage")
    url = reverse("matching:objective_edit", args=[pair.pk, objective.pk])
    client.force_login(pair.mentor.user)
    assert client.post(url, {"text": "Trouver un stage en mars"}).status_code == 302
    assert client.post(url, {"status": ObjectiveStatus.REACHED}).status_code == 302
    objective.refresh_from_db()
    assert (objective.text, objective.status) == ("Trouver un stage en mars", "reached")
    kinds = list(ObjectiveChange.objects.filter(objective=objective).values_list("kind", flat=True))
    assert kinds == [ObjectiveChangeKind.PROPOSED, ObjectiveChangeKind.EDITED, "status"]
    client.force_login(pair.youth.user)
    page = pair_page(client, pair)
    assert "Objectif modifié : « Trouver un stage en mars »" in page
    assert "Objectif atteint : « Trouver un stage en mars »" in page


@pytest.mark.parametrize("role", ["referent", "coordinator"])
def test_staff_read_objectives_but_do_not_write_them(client, pair, role):
    objective = ObjectiveFactory(pair=pair)
    client.force_login(referent_of(pair) if role == "referent" else coordinator_of(pair))
    assert (
        client.post(reverse("matching:objective_add", args=[pair.pk]), {"text": "x"}).status_code
        == 403
    )
    edit = reverse("matching:objective_edit", args=[pair.pk, objective.pk])
    assert client.post(edit, {"status": "reached"}).status_code == 403


def test_outsiders_get_404_on_objectives_and_closure(client, pair):
    objective = ObjectiveFactory(pair=pair)
    urls = [
        reverse("matching:objective_add", args=[pair.pk]),
        reverse("matching:objective_edit", args=[pair.pk, objective.pk]),
        reverse("matching:completion_request", args=[pair.pk]),
        reverse("matching:completion_confirm", args=[pair.pk]),
        reverse("matching:end_early", args=[pair.pk]),
        reverse("matching:rematch", args=[pair.pk]),
    ]
    for who, user in outsiders_of(pair).all():
        client.force_login(user)
        for url in urls:
            assert client.post(url).status_code == 404, (who, url)


def test_closing_before_the_minimum_shows_why_not(client, pair):
    client.force_login(pair.mentor.user)
    page = pair_page(client, pair)
    assert "Le mentorat dure au moins 6 mois" in page
    response = client.post(reverse("matching:completion_request", args=[pair.pk]), follow=True)
    assert "Le mentorat dure au moins 6 mois" in response.content.decode()
    pair.refresh_from_db()
    assert not pair.completion_requested


def test_objectives_reached_asked_by_the_youth_confirmed_by_the_referent(client, old_pair):
    pair = old_pair
    client.force_login(pair.youth.user)
    assert "Marquez d’abord au moins un objectif comme atteint" in pair_page(client, pair)
    ObjectiveFactory(pair=pair, reached=True)
    assert client.post(reverse("matching:completion_request", args=[pair.pk])).status_code == 302
    pair.refresh_from_db()
    assert pair.completion_requested
    # Only staff confirm.
    confirm = reverse("matching:completion_confirm", args=[pair.pk])
    assert client.post(confirm).status_code == 403
    client.force_login(referent_of(pair))
    assert "Confirmer la clôture" in pair_page(client, pair)
    assert client.get(confirm).status_code == 200
    response = client.post(confirm, {"details": "Stage trouvé, bravo."})
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == PairStatus.COMPLETED
    client.force_login(pair.youth.user)
    page = pair_page(client, pair)
    assert "Mentorat terminé : objectifs atteints" in page
    assert "Stage trouvé, bravo." not in page  # staff's words


@pytest.mark.parametrize("role", ["youth", "mentor", "referent", "coordinator"])
def test_anyone_of_the_pair_ends_it_early_with_a_reason(client, pair, role):
    user = {
        "youth": pair.youth.user,
        "mentor": pair.mentor.user,
        "referent": referent_of(pair),
        "coordinator": coordinator_of(pair),
    }[role]
    client.force_login(user)
    url = reverse("matching:end_early", args=[pair.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": ClosureReason.MOVED_AWAY})
    assert response.status_code == 400
    assert "details" in response.context["form"].errors
    response = client.post(url, {"reason": ClosureReason.OBJECTIVES_REACHED, "details": "x"})
    assert response.status_code == 400
    assert "reason" in response.context["form"].errors
    places = pair.mentor.open_pairs
    response = client.post(url, {"reason": ClosureReason.MOVED_AWAY, "details": "Départ à Lyon"})
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == PairStatus.ENDED_EARLY
    assert pair.closure_requested_by == user
    pair.mentor.refresh_from_db()
    assert pair.mentor.open_pairs == places - 1


def test_an_ended_early_youth_asks_for_a_new_mentor(client, pair):
    pair.end_early(by=pair.mentor.user, reason=ClosureReason.MENTOR_UNAVAILABLE, details="Mutation")
    assert pair.youth not in matchable_youths([pair.programme])
    client.force_login(pair.youth.user)
    page = pair_page(client, pair)
    assert "Demander un nouveau mentor" in page
    response = client.post(reverse("matching:rematch", args=[pair.pk]))
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.rematch_requested_by == pair.youth.user
    assert "Nouveau mentor demandé" in pair_page(client, pair)
    assert pair.youth in matchable_youths([pair.programme])


def test_staff_ask_a_new_mentor_for_the_youth_but_not_the_mentor(client, pair):
    pair.end_early(by=pair.youth.user, reason=ClosureReason.NO_FIT, details="Pas d’accord")
    url = reverse("matching:rematch", args=[pair.pk])
    client.force_login(pair.mentor.user)
    assert client.post(url).status_code == 403
    client.force_login(coordinator_of(pair))
    assert client.post(url).status_code == 302
    assert Pair.objects.get(pk=pair.pk).rematch_requested_at is not None


def test_a_rematch_is_refused_for_an_active_pair(client, pair):
    client.force_login(pair.youth.user)
    response = client.post(reverse("matching:rematch", args=[pair.pk]), follow=True)
    assert "arrêté avant terme" in response.content.decode()
    assert Pair.objects.get(pk=pair.pk).rematch_requested_at is None
