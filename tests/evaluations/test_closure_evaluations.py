import pytest
from django.urls import reverse

from evaluations.models import ClosureEvaluation
from tests.evaluations.factories import coordinator_of, followed_pair, outsiders_of, referent_of
from tests.matching.factories import complete

pytestmark = pytest.mark.django_db


def url(pair):
    return reverse("evaluations:closure_evaluation", args=[pair.pk])


@pytest.fixture
def closed():
    return complete(followed_pair())


def test_the_review_waits_for_the_closure(client):
    pair = followed_pair()
    client.force_login(pair.youth.user)
    assert "quand le mentorat se termine" in client.get(url(pair)).content.decode()
    client.post(url(pair), {"usefulness": "4", "again": "yes"})
    assert not ClosureEvaluation.objects.exists()


def test_an_early_end_opens_the_review_too(client):
    pair = followed_pair()
    pair.end_early(by=pair.mentor.user, reason="moved_away", details="Déménagement à Lyon")
    client.force_login(pair.mentor.user)
    assert (
        "Seriez-vous prêt·e à accompagner un autre jeune ?"
        in client.get(url(pair)).content.decode()
    )


def test_both_review_their_mentoring_at_closure(client, closed):
    client.force_login(closed.youth.user)
    assert "Referais-tu un mentorat ?" in client.get(url(closed)).content.decode()
    client.post(url(closed), {"usefulness": "5", "again": "yes", "comment": "Merci Karim"})
    client.force_login(closed.mentor.user)
    client.post(url(closed), {"usefulness": "4", "again": "no", "comment": "Pause d’un an"})

    youth, mentor = ClosureEvaluation.objects.order_by("role").reverse()
    assert (youth.role, youth.usefulness, youth.again) == ("youth", 5, True)
    assert (mentor.role, mentor.usefulness, mentor.again) == ("mentor", 4, False)


def test_a_missing_answer_is_refused_next_to_the_field(client, closed):
    client.force_login(closed.youth.user)
    response = client.post(url(closed), {"again": "yes", "comment": "Bien"})
    assert response.status_code == 400
    assert response.context["form"].errors["usefulness"] == ["Choisis une réponse."]
    assert not ClosureEvaluation.objects.exists()


def test_a_review_is_made_once(client, closed):
    client.force_login(closed.youth.user)
    client.post(url(closed), {"usefulness": "5", "again": "yes"})
    client.post(url(closed), {"usefulness": "1", "again": "no"})
    assert ClosureEvaluation.objects.get().usefulness == 5


def test_staff_read_both_each_person_their_own(client, closed):
    ClosureEvaluation.record(
        pair=closed, by=closed.youth.user, usefulness=5, again=True, comment="Jeune : merci"
    )
    ClosureEvaluation.record(
        pair=closed, by=closed.mentor.user, usefulness=3, again=False, comment="Mentor : difficile"
    )
    for user in (referent_of(closed), coordinator_of(closed)):
        client.force_login(user)
        page = client.get(url(closed)).content.decode()
        assert "Jeune : merci" in page and "Mentor : difficile" in page
    client.force_login(closed.youth.user)
    page = client.get(url(closed)).content.decode()
    assert "Jeune : merci" in page and "Mentor : difficile" not in page
    client.force_login(closed.mentor.user)
    page = client.get(url(closed)).content.decode()
    assert "Jeune : merci" not in page and "Mentor : difficile" in page


def test_nobody_else_reads_or_writes_it(client, closed):
    for who, user in outsiders_of(closed).all():
        client.force_login(user)
        assert client.get(url(closed)).status_code == 404, who
        assert client.post(url(closed), {"usefulness": "1", "again": "no"}).status_code == 404, who
    client.force_login(referent_of(closed))
    assert client.post(url(closed), {"usefulness": "1", "again": "no"}).status_code == 403
    assert not ClosureEvaluation.objects.exists()
