"""The demo's pairs: every state and cadence status, meetings awaiting confirmation, disputed and
alerting, objectives with their history, a planned meeting; each page shows something real."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from matching.enums import CadenceStatus, ObjectiveChangeKind, PairStatus, YouthConfirmation
from matching.models import Meeting, ObjectiveChange, Pair, PlannedMeeting
from mentorat.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    # The pair-life demo's pairs; the history's year of pairs (for the dashboards) is left out.
    call_command("seed_demo", "--without-history", stdout=open("/dev/null", "w"))


def pair_of(email):
    return Pair.objects.select_related("youth__user", "mentor__user").get(
        youth__user__email=f"{email}@demo.mentorat.local"
    )


def test_the_demo_has_pairs_in_every_state_and_cadence_status(seeded):
    pairs = Pair.objects.with_cadence()
    assert set(pairs.values_list("status", flat=True)) >= {
        PairStatus.ACTIVE,
        PairStatus.COMPLETED,
        PairStatus.ENDED_EARLY,
    }
    assert set(pairs.active().values_list("cadence_status", flat=True)) == set(CadenceStatus)
    assert pair_of("jeune.sofiane").cadence().status == CadenceStatus.UP_TO_DATE
    assert pair_of("jeune.lina").cadence().status == CadenceStatus.DUE_SOON
    assert pair_of("jeune.kevin").cadence().status == CadenceStatus.LATE
    assert pair_of("jeune.aicha").completion_requested
    assert pair_of("jeune.hugo").why_not_completable() is None
    assert pair_of("jeune.manon").status == PairStatus.COMPLETED
    chloe, yanis = pair_of("jeune.chloe"), pair_of("jeune.yanis")
    assert chloe.status == yanis.status == PairStatus.ENDED_EARLY
    assert chloe.rematch_requested_at and not yanis.rematch_requested_at

    meetings = Meeting.objects.all()
    assert meetings.awaiting_confirmation().exists()
    assert meetings.filter(youth_confirmation=YouthConfirmation.DISPUTED).exists()
    assert meetings.alerting().exists()
    assert set(ObjectiveChange.objects.values_list("kind", flat=True)) == set(ObjectiveChangeKind)
    assert PlannedMeeting.objects.filter(starts_at__gt=timezone.now()).exists()
    # Everything in the past happened in the past.
    assert not meetings.filter(held_on__gt=timezone.localdate()).exists()
    assert not ObjectiveChange.objects.filter(at__gt=timezone.now()).exists()


def test_every_pair_page_opens_for_each_of_its_people(client, seeded):
    referent = User.objects.get(email="referent@demo.mentorat.local")
    coordinator = User.objects.get(email="coordination@demo.mentorat.local")
    for pair in Pair.objects.select_related("youth__user", "mentor__user"):
        url = reverse("matching:pair", args=[pair.pk])
        for user in (pair.youth.user, pair.mentor.user, referent, coordinator):
            client.force_login(user)
            assert client.get(url).status_code == 200, (pair, user)


def test_the_printed_logins_find_their_pair_and_something_to_do(client, seeded):
    showcase = pair_of("jeune")
    url = reverse("matching:pair", args=[showcase.pk])
    client.force_login(showcase.youth.user)
    response = client.get(url)
    labels = [step.label for step in response.context["steps"]]
    assert "Remplir ton questionnaire de départ" in labels
    assert "Écrire tes objectifs avec ton mentor" in labels
    client.force_login(showcase.mentor.user)
    assert "Noter une rencontre" in client.get(url).content.decode()
    referent = User.objects.get(email="referent@demo.mentorat.local")
    client.force_login(referent)
    response = client.get(reverse("matching:pair", args=[pair_of("jeune.aicha").pk]))
    assert "Confirmer la clôture « objectifs atteints »" in [
        step.label for step in response.context["steps"]
    ]
    sofiane = pair_of("jeune.sofiane")
    client.force_login(sofiane.mentor.user)
    page = client.get(reverse("matching:pair", args=[sofiane.pk])).content.decode()
    assert "Ajouter à mon agenda (.ics)" in page
    client.force_login(pair_of("jeune.yanis").youth.user)
    response = client.get(reverse("matching:pair", args=[pair_of("jeune.yanis").pk]))
    assert "Demander un nouveau mentor" in response.content.decode()
