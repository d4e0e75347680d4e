import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.enums import Channel, ContactWith
from evaluations.models import FollowUpNote, contact_due
from tests.accounts.factories import UserFactory
from tests.evaluations.factories import coordinator_of, followed_pair, outsiders_of, referent_of
from tests.programmes.factories import StaffMembershipFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)
DAY = datetime.timedelta(days=1)


def due(started_on, count=0, last=None, today=TODAY):
    return contact_due(
        started_on=started_on, contact_count=count, last_contact_on=last, today=today
    )


class TestContactDue:
    def test_a_new_pair_is_contacted_within_two_weeks(self):
        start = datetime.date(2026, 3, 1)
        assert due(start).due_on == datetime.date(2026, 3, 15)
        assert due(start).state == "soon"  # 5 days away
        assert due(start, today=datetime.date(2026, 3, 8)).state == "soon"
        assert due(start, today=datetime.date(2026, 3, 7)).state == "ok"
        assert due(start, today=datetime.date(2026, 3, 15)).state == "soon"
        assert due(start, today=datetime.date(2026, 3, 16)).state == "late"

    def test_a_second_contact_before_the_first_month_is_over(self):
        start = datetime.date(2026, 1, 31)
        # One contact in the first month: the second is due when the month ends (28 February).
        assert due(start, 1, datetime.date(2026, 2, 5)).due_on == datetime.date(2026, 2, 28)

    def test_then_a_month_after_the_last_contact(self):
        start = datetime.date(2026, 1, 1)
        assert due(start, 2, datetime.date(2026, 1, 20)).due_on == datetime.date(2026, 2, 20)
        # A single contact, late, after the first month: monthly from it.
        assert due(start, 1, datetime.date(2026, 2, 10)).due_on == datetime.date(2026, 3, 10)


def list_url(association):
    return reverse("evaluations:follow_up", args=[association.slug])


def pair_url(pair):
    return reverse("evaluations:pair_follow_up", args=[pair.programme.association.slug, pair.pk])


def note_data(**overrides):
    data = {
        "contacted_on": timezone.localdate().isoformat(),
        "contact_with": ContactWith.MENTOR,
        "channel": Channel.PHONE,
        "summary": "Tout va bien, rencontre prévue la semaine prochaine.",
        "action": "Rappeler le jeune dans 15 jours.",
    }
    data.update(overrides)
    return data


def test_a_referent_writes_a_follow_up_note(client):
    pair = followed_pair()
    referent = referent_of(pair)
    client.force_login(referent)

    response = client.post(pair_url(pair), note_data(), follow=True)

    note = FollowUpNote.objects.get()
    assert (note.pair, note.author, note.contacted_on) == (pair, referent, timezone.localdate())
    page = response.content.decode()
    assert "Contact de suivi enregistré." in page
    assert "Rappeler le jeune dans 15 jours." in page


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("contacted_on", "", "Indiquez la date du contact."),
        ("summary", "", "Dites en quelques mots ce qui s’est dit."),
        ("contact_with", "", "Indiquez avec qui vous avez parlé."),
    ],
)
def test_a_note_without_what_it_needs_is_refused_next_to_the_field(client, field, value, message):
    pair = followed_pair()
    client.force_login(referent_of(pair))

    response = client.post(pair_url(pair), note_data(**{field: value}))

    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert "Rappeler le jeune dans 15 jours." in response.content.decode()  # kept
    assert not FollowUpNote.objects.exists()


def test_a_contact_cannot_be_dated_in_the_future_or_before_the_pair(client):
    pair = followed_pair(started_on=timezone.localdate() - 10 * DAY)
    client.force_login(referent_of(pair))

    tomorrow = (timezone.localdate() + DAY).isoformat()
    response = client.post(pair_url(pair), note_data(contacted_on=tomorrow))
    assert response.context["form"].errors["contacted_on"] == [
        "Un contact ne peut pas être daté du futur."
    ]
    before = (pair.started_on - DAY).isoformat()
    response = client.post(pair_url(pair), note_data(contacted_on=before))
    assert (
        "le contact ne peut pas être plus ancien"
        in response.context["form"].errors["contacted_on"][0]
    )
    assert not FollowUpNote.objects.exists()


def test_the_database_refuses_a_contact_in_the_future():
    from django.db import IntegrityError

    pair = followed_pair()
    with pytest.raises(IntegrityError):
        FollowUpNote.objects.create(
            pair=pair,
            contacted_on=timezone.localdate() + DAY,
            contact_with=ContactWith.YOUTH,
            channel=Channel.PHONE,
            summary="?",
        )


def test_the_list_shows_who_is_due_for_a_contact(client):
    today = timezone.localdate()
    late = followed_pair(started_on=today - 20 * DAY)
    referent = referent_of(late)
    contacted = followed_pair(
        started_on=today - 20 * DAY, programme=late.programme, referent=referent
    )
    for day in (today - 15 * DAY, today - 2 * DAY):
        FollowUpNote.objects.create(
            pair=contacted,
            author=referent,
            contacted_on=day,
            contact_with=ContactWith.BOTH,
            channel=Channel.PHONE,
            summary="Point d’étape.",
        )
    client.force_login(referent)

    response = client.get(list_url(late.programme.association))

    rows = list(response.context["page_obj"])
    assert [row.pair for row in rows] == [late, contacted]
    assert rows[0].contact.is_late and not rows[1].contact.is_due
    # The late contact is flagged on the page; the one on time is not.
    assert response.content.decode().count("En retard depuis le") == 1
    assert dict(response.context["filters"])["a-contacter"] == 1
    due_only = client.get(list_url(late.programme.association), {"filtre": "a-contacter"})
    assert [row.pair for row in due_only.context["page_obj"]] == [late]


def test_a_referent_sees_only_the_pairs_of_their_mentors_a_coordinator_all(client):
    pair = followed_pair()
    association = pair.programme.association
    other = followed_pair(programme=pair.programme)

    client.force_login(referent_of(pair))
    rows = client.get(list_url(association)).context["page_obj"]
    assert [row.pair for row in rows] == [pair]
    assert client.get(pair_url(other)).status_code == 404

    client.force_login(coordinator_of(pair))
    rows = client.get(list_url(association)).context["page_obj"]
    assert {row.pair for row in rows} == {pair, other}
    assert client.get(pair_url(other)).status_code == 200


def test_nobody_else_opens_a_pairs_follow_up(client):
    pair = followed_pair()
    outsiders = outsiders_of(pair)
    for who, user in [("another referent", outsiders.other_referent)]:
        client.force_login(user)
        assert client.get(pair_url(pair)).status_code == 404, who
        assert client.post(pair_url(pair), note_data()).status_code == 404, who
    client.force_login(outsiders.other_coordinator)
    assert client.get(pair_url(pair)).status_code == 404
    assert client.get(list_url(pair.programme.association)).status_code == 404
    for user in (pair.youth.user, pair.mentor.user, UserFactory(ministry=True)):
        client.force_login(user)
        assert client.get(pair_url(pair)).status_code == 403
        assert client.get(list_url(pair.programme.association)).status_code == 403
    assert not FollowUpNote.objects.exists()


def test_the_list_takes_the_same_number_of_queries_for_any_number_of_pairs(
    client, django_assert_num_queries
):
    pair = followed_pair()
    coordinator = coordinator_of(pair)
    client.force_login(coordinator)
    url = list_url(pair.programme.association)
    client.get(url)  # warm up the session and the label's caches

    with django_assert_num_queries(QUERIES) as one:
        client.get(url)
    for _ in range(4):
        followed_pair(programme=pair.programme)
    with django_assert_num_queries(QUERIES):
        client.get(url)
    assert one


QUERIES = 8


def test_staff_of_two_associations_see_each_ones_pairs_in_its_own_list(client):
    pair = followed_pair()
    referent = referent_of(pair)
    elsewhere = followed_pair()
    StaffMembershipFactory(user=referent, association=elsewhere.programme.association)
    client.force_login(referent)

    rows = client.get(list_url(pair.programme.association)).context["page_obj"]
    assert [row.pair for row in rows] == [pair]
