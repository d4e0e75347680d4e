"""The staff's daily digest names what waits, each item with the link to its page, the first
few per section then "et N autres": registrations to vet, proposals to review or waiting for
an answer, late pairs and follow-up contacts due. A coordinator reads the association's late
pairs and contacts, a referent those of the mentors they follow."""

import datetime
import re

import pytest
from django.conf import settings

from mentorat.notifications.models import Notification
from mentorat.reminders import kinds
from tests.evaluations.factories import coordinator_of, followed_pair
from tests.matching.factories import PairFactory
from tests.programmes.factories import YouthProfileFactory

from .helpers import paris, run

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 1, 5)
NOW = paris(datetime.date(2026, 3, 2), 9)  # 8 weeks after the start: no meeting, all late
LINK = re.compile(r"^• (.+) : (https?://\S+)$", re.MULTILINE)


@pytest.fixture
def world():
    first = followed_pair(started_on=START, youth__user__first_name="Adam")
    programme, referent = first.programme, first.mentor.referent
    followed = [first] + [
        followed_pair(started_on=START, programme=programme, referent=referent) for _ in range(6)
    ]
    someone_else_s = followed_pair(started_on=START, programme=programme)
    to_vet = YouthProfileFactory(
        programme=programme, user__first_name="Inès", user__last_name="Martin"
    )
    proposed = PairFactory(youth__programme=programme, youth__user__first_name="Lina")
    waiting = PairFactory(
        youth__programme=programme,
        youth__user__first_name="Noé",
        approved=True,
        answer_deadline=NOW + datetime.timedelta(days=2),  # approved 5 days ago
    )
    return {
        "programme": programme,
        "referent": referent,
        "coordinator": coordinator_of(first),
        "followed": followed,
        "someone_else_s": someone_else_s,
        "to_vet": to_vet,
        "proposed": proposed,
        "waiting": waiting,
    }


def digest_of(user) -> Notification:
    return Notification.objects.get(kind=kinds.STAFF_DIGEST, recipient=user)


def sections(body: str) -> dict[str, list[str]]:
    """Each section's heading and its lines."""
    found = {}
    for part in body.split("\n\n")[1:]:
        heading, *lines = part.split("\n")
        found[heading] = lines
    return found


def test_the_coordinator_s_digest_names_each_item_with_its_link_then_the_others(world, client):
    run(NOW)
    digest = digest_of(world["coordinator"])
    assert digest.body.startswith("Ce qui vous attend aujourd’hui :")
    parts = sections(digest.body)
    slug = world["programme"].association.slug
    site = settings.SITE_URL
    assert parts["1 inscription à examiner :"] == [
        f"• Inès M., jeune : {site}/association/{slug}/inscriptions/jeunes/{world['to_vet'].pk}/"
    ]
    [proposed] = parts["1 proposition de binôme à examiner :"]
    assert proposed.startswith("• Lina et ") and proposed.endswith(
        f"/propositions/?proposition={world['proposed'].pk}"
    )
    [waiting] = parts["1 proposition sans réponse depuis plus de 3 jours :"]
    assert waiting.startswith("• Noé et ") and waiting.endswith("/binomes/?etat=reponses")
    late = parts["8 binômes en retard de rencontre :"]
    assert len(late) == 6 and late[-1] == "• et 3 autres"
    assert late[0].startswith("• Adam et ")
    contacts = parts["8 contacts de suivi à faire :"]
    assert len(contacts) == 6 and contacts[-1] == "• et 3 autres"
    assert digest.data == {"to_vet": 1, "to_review": 1, "waiting": 1, "late": 8, "contacts": 8}
    # Every link opens its page for the coordinator.
    client.force_login(world["coordinator"])
    links = LINK.findall(digest.body)
    assert len(links) == 1 + 1 + 1 + 5 + 5
    for _label, url in links:
        response = client.get(url.removeprefix(site), follow=True)
        assert response.status_code == 200, url
    # The proposal's link takes the coordinator to its row of the list, whatever its page.
    response = client.get(LINK.findall(proposed)[0][1].removeprefix(site))
    assert response.url.endswith(f"/propositions/#proposition-{world['proposed'].pk}")


def test_a_referent_reads_the_pairs_of_the_mentors_they_follow(world, client):
    run(NOW)
    digest = digest_of(world["referent"])
    parts = sections(digest.body)
    late = parts["7 binômes en retard de rencontre :"]
    assert late[-1] == "• et 2 autres"
    assert "7 contacts de suivi à faire :" in parts
    assert f"/suivi/binomes/{world['someone_else_s'].pk}/" not in digest.body
    client.force_login(world["referent"])
    for _label, url in LINK.findall(parts["7 binômes en retard de rencontre :"][0]):
        assert client.get(url.removeprefix(settings.SITE_URL)).status_code == 200


def test_the_digest_email_carries_the_links(world):
    from .helpers import outbox_to

    run(NOW)
    [email] = [m for m in outbox_to(world["coordinator"].email) if "récapitulatif" in m.subject]
    url = f"/inscriptions/jeunes/{world['to_vet'].pk}/"
    assert url in email.body
    html = email.alternatives[0][0]
    assert re.search(rf'<a href="https?://[^"]+{re.escape(url)}"', html)


def test_a_coordinator_who_also_follows_mentors_counts_each_pair_once(world):
    mentor = world["someone_else_s"].mentor
    mentor.referent = world["coordinator"]
    mentor.save(update_fields=["referent"])
    run(NOW)
    parts = sections(digest_of(world["coordinator"]).body)
    assert "8 binômes en retard de rencontre :" in parts
    assert "8 contacts de suivi à faire :" in parts
