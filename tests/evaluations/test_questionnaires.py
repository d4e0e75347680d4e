import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.enums import END_ONLY_DIMENSIONS, Dimension, ItemKind, QuestionnaireKind
from evaluations.models import Questionnaire, Response
from evaluations.progress import compare
from programmes.models import InvalidTransition
from tests.evaluations.factories import (
    coordinator_of,
    fill,
    followed_pair,
    form_data,
    outsiders_of,
    referent_of,
)
from tests.matching.factories import complete
from tests.programmes.factories import AssociationFactory

pytestmark = pytest.mark.django_db

START, END = QuestionnaireKind.START, QuestionnaireKind.END


def url(pair, moment="depart"):
    return reverse("evaluations:questionnaire", args=[pair.pk, moment])


def current(kind, association=None):
    return Questionnaire.objects.current(kind=kind, association=association)


def test_the_platform_ships_a_start_and_an_end_questionnaire():
    start, end = current(START), current(END)
    start_codes = set(start.items.values_list("code", flat=True))
    end_items = list(end.items.all())

    assert start.version == end.version == 1
    # Every dimension of the self-evaluation is asked, and asked again at the end.
    assert {item.dimension for item in start.items.all()} == {
        d for d in Dimension.values if d not in END_ONLY_DIMENSIONS
    }
    assert start_codes < {item.code for item in end_items}
    assert {item.dimension for item in end_items} >= set(END_ONLY_DIMENSIONS)
    assert {item.kind for item in end_items} == set(ItemKind.values)


def test_an_association_answers_its_own_latest_version_else_the_platforms():
    association = AssociationFactory()
    assert current(START, association) == current(START)

    items = [{"code": "a", "dimension": Dimension.NETWORK, "kind": ItemKind.LIKERT, "text": "A"}]
    first = Questionnaire.publish(kind=START, association=association, items=items)
    second = Questionnaire.publish(kind=START, association=association, items=items)

    assert (first.version, second.version) == (1, 2)
    assert current(START, association) == second
    assert current(END, association) == current(END)
    assert current(START, AssociationFactory()) == current(START)


def test_the_youth_fills_the_start_questionnaire(client):
    pair = followed_pair()
    client.force_login(pair.youth.user)
    page = client.get(url(pair))
    assert "Je crois en ma capacité à réussir" in page.content.decode()

    data = form_data(current(START), scale=2, text="Devenir infirmière")
    response = client.post(url(pair), data, follow=True)

    recorded = Response.objects.get(pair=pair, kind=START)
    assert recorded.answers.count() == current(START).items.count()
    assert recorded.answers.get(item__code="projet_en_une_phrase").text == "Devenir infirmière"
    assert recorded.answers.get(item__code="confiance_capacites").number == 2
    assert "Merci, tes réponses sont enregistrées" in response.content.decode()
    assert "Devenir infirmière" in response.content.decode()


def test_missing_answers_are_shown_next_to_the_question_and_the_others_kept(client):
    pair = followed_pair()
    client.force_login(pair.youth.user)
    data = form_data(current(START), scale=4)
    del data["pratique_cv"]

    response = client.post(url(pair), data)

    assert response.status_code == 400
    assert response.context["form"].errors["pratique_cv"] == ["Choisis une réponse."]
    page = response.content.decode()
    assert 'id="id_confiance_capacites_3" checked' in page
    assert not Response.objects.exists()


def test_a_questionnaire_is_filled_once():
    pair = followed_pair()
    fill(pair)
    with pytest.raises(InvalidTransition):
        fill(pair)


def test_a_second_submission_changes_nothing(client):
    pair = followed_pair()
    fill(pair, scale=2)
    client.force_login(pair.youth.user)

    client.post(url(pair), form_data(current(START), scale=5))

    assert Response.objects.get().answers.filter(number=5).count() == 0


@pytest.mark.parametrize("reader", ["mentor", "referent", "coordinator"])
def test_the_mentor_and_the_staff_read_the_answers(client, reader):
    pair = followed_pair()
    fill(pair, text="Devenir infirmière")
    user = {
        "mentor": pair.mentor.user,
        "referent": referent_of(pair),
        "coordinator": coordinator_of(pair),
    }[reader]
    client.force_login(user)

    page = client.get(url(pair)).content.decode()

    assert "Devenir infirmière" in page
    assert "Envoyer mes réponses" not in page


def test_the_mentor_cannot_answer_for_the_youth(client):
    pair = followed_pair()
    client.force_login(pair.mentor.user)

    assert "n’a pas encore rempli" in client.get(url(pair)).content.decode()
    assert client.post(url(pair), form_data(current(START))).status_code == 403
    assert not Response.objects.exists()


def test_nobody_else_sees_a_pairs_questionnaire(client):
    pair = followed_pair()
    fill(pair)
    for who, user in outsiders_of(pair).all():
        client.force_login(user)
        assert client.get(url(pair)).status_code == 404, who
        assert client.get(url(pair, "fin")).status_code == 404, who


def test_an_unknown_moment_is_a_404(client):
    pair = followed_pair()
    client.force_login(pair.youth.user)
    assert client.get(url(pair, "milieu")).status_code == 404


def test_the_end_questionnaire_opens_at_closure_and_shows_the_progress(client):
    pair = followed_pair()
    fill(pair, scale=2, yes=0)
    client.force_login(pair.youth.user)
    assert "à la fin de ton mentorat" in client.get(url(pair, "fin")).content.decode()

    complete(pair)
    assert "Envoyer mes réponses" in client.get(url(pair, "fin")).content.decode()
    client.post(url(pair, "fin"), form_data(current(END), scale=4, yes=1, pair=pair))

    client.force_login(pair.mentor.user)
    response = client.get(url(pair, "fin"))
    progress = {row.label: row for row in response.context["progress"]}
    confidence = progress["Confiance en soi"]
    assert (confidence.start_mean, confidence.end_mean, confidence.delta_display) == (2, 4, "+2,0")
    network = progress["Réseau"]
    assert [(item.start, item.end) for item in network.items if item.kind == "yes_no"] == [
        ("Non", "Oui")
    ]
    # Looking back on the mentoring has nothing to compare with.
    assert "Satisfaction" not in progress
    assert 'id="progress"' in response.content.decode()


def test_without_a_start_questionnaire_the_end_shows_no_progress(client):
    pair = followed_pair()
    complete(pair)
    fill(pair, END)
    client.force_login(pair.mentor.user)

    response = client.get(url(pair, "fin"))

    assert response.context["progress"] is None
    assert "pas de comparaison possible" in response.content.decode()


def test_the_start_questionnaire_closes_with_the_pair(client):
    pair = followed_pair()
    pair.end_early(by=pair.mentor.user, reason="moved_away", details="Déménagement")
    client.force_login(pair.youth.user)

    assert "Envoyer mes réponses" not in client.get(url(pair)).content.decode()
    response = client.post(url(pair), form_data(current(START)), follow=True)
    assert "ne peut plus être rempli" in response.content.decode()
    assert not Response.objects.exists()


def test_progress_compares_item_by_item_across_versions():
    """The association rewords an item (same code) and adds one after the start was filled:
    the reworded item compares, the new one does not."""
    pair = followed_pair()
    fill(pair, scale=1)
    association = pair.programme.association
    items = [
        {
            "code": "confiance_capacites",
            "dimension": Dimension.CONFIDENCE,
            "kind": ItemKind.LIKERT,
            "text": "J’ai confiance dans ce que je sais faire.",
        },
        {
            "code": "nouvelle",
            "dimension": Dimension.CONFIDENCE,
            "kind": ItemKind.LIKERT,
            "text": "?",
        },
    ]
    Questionnaire.publish(kind=END, association=association, items=items)
    complete(pair)
    end = fill(pair, END, scale=5)

    (confidence,) = compare(Response.objects.get(kind=START), end)

    assert [item.text for item in confidence.items] == ["J’ai confiance dans ce que je sais faire."]
    assert confidence.delta == 4


def test_at_the_end_the_youth_says_whether_each_objective_was_reached(client):
    pair = followed_pair()
    complete(pair)
    (objective,) = pair.objectives.all()
    client.force_login(pair.youth.user)
    assert objective.text in client.get(url(pair, "fin")).content.decode()

    response = client.post(url(pair, "fin"), form_data(current(END)))
    assert response.status_code == 400
    assert response.context["form"].errors[f"objective_{objective.pk}"] == ["Choisis une réponse."]

    data = form_data(current(END)) | {f"objective_{objective.pk}": "partly"}
    client.post(url(pair, "fin"), data)

    (outcome,) = Response.objects.get(kind=END).objective_outcomes.all()
    assert (outcome.objective, outcome.outcome) == (objective, "partly")
    client.force_login(pair.mentor.user)
    assert "En partie" in client.get(url(pair, "fin")).content.decode()


def test_the_end_questionnaire_opens_when_closure_is_asked_for(client):
    from matching.models.cadence import minimum_reached_on
    from tests.matching.factories import ObjectiveFactory

    pair = followed_pair()
    pair.started_on = timezone.localdate() - timezone.timedelta(days=200)
    pair.save(update_fields=["started_on"])
    assert minimum_reached_on(pair) <= timezone.localdate()
    ObjectiveFactory(pair=pair, reached=True)
    pair.request_completion(by=pair.youth.user)
    client.force_login(pair.youth.user)

    assert "Envoyer mes réponses" in client.get(url(pair, "fin")).content.decode()
