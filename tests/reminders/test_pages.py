"""The person's notification list with its unread count in the header, the preferences page,
and the signed one-click link of each email (without logging in)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from mentorat.notifications.links import preference_token
from mentorat.notifications.models import Notification, NotificationPreference
from mentorat.reminders import kinds
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def notify(user, number: int, kind=kinds.CADENCE_DUE_SOON, url="/mes-binomes/"):
    return Notification.objects.create(
        key=f"test:{user.pk}:{number}",
        kind=kind,
        recipient=user,
        email=user.email,
        title=f"Rappel {number}",
        body="Une rencontre est à prévoir.",
        url=url,
    )


def test_the_header_counts_unread_notifications_and_the_list_shows_them(client):
    youth = UserFactory(youth=True)
    for number in range(3):
        notify(youth, number)
    notify(UserFactory(mentor=True), 9)
    client.force_login(youth)
    listing = client.get(reverse("notifications:list")).content.decode()
    assert "3 non lues" in listing
    assert "Rappel 2" in listing and "Rappel 9" not in listing
    assert "Choisir ce que tu reçois" in listing


def test_the_list_page_costs_the_same_queries_for_3_or_30_notifications(
    client, django_assert_num_queries
):
    youth = UserFactory(youth=True)
    client.force_login(youth)
    for number in range(3):
        notify(youth, number)
    client.get(reverse("notifications:list"))  # warm the session
    with django_assert_num_queries(8) as few:
        client.get(reverse("notifications:list"))
    for number in range(3, 30):
        notify(youth, number)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("notifications:list"))


def test_opening_one_marks_it_read_and_goes_to_its_page_and_another_s_is_a_404(client):
    youth, mentor = UserFactory(youth=True), UserFactory(mentor=True)
    mine, theirs = notify(youth, 1), notify(mentor, 2)
    client.force_login(youth)
    response = client.get(reverse("notifications:open", args=[mine.pk]))
    assert response.status_code == 302 and response.url == "/mes-binomes/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert client.get(reverse("notifications:open", args=[theirs.pk])).status_code == 404


def test_an_outside_link_is_never_followed(client):
    youth = UserFactory(youth=True)
    row = notify(youth, 1, url="https://ailleurs.example/")
    client.force_login(youth)
    response = client.get(reverse("notifications:open", args=[row.pk]))
    assert response.url == reverse("notifications:list")


def test_mark_all_read(client):
    youth = UserFactory(youth=True)
    notify(youth, 1), notify(youth, 2)
    client.force_login(youth)
    client.post(reverse("notifications:list"))
    assert not Notification.objects.filter(recipient=youth, read_at__isnull=True).exists()


def test_the_list_needs_a_login(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302 and "/comptes/login/" in response.url


def test_preferences_list_only_the_kinds_of_the_person_that_may_be_turned_off(client):
    mentor = UserFactory(mentor=True)
    client.force_login(mentor)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Rencontre à évaluer" in page
    assert "Questionnaire de départ" not in page  # a youth's
    assert "Attestation d’honorabilité expirée" not in page  # essential
    client.post(reverse("notifications:preferences"), {kinds.CADENCE_LATE: "on"})
    chosen = dict(
        NotificationPreference.objects.filter(user=mentor).values_list("kind", "by_email")
    )
    assert kinds.CADENCE_LATE not in chosen  # left as it was: by email
    assert chosen[kinds.MEETING_TO_RATE] is False


@pytest.mark.parametrize(
    ("role", "said"),
    [
        ("youth", "Tes préférences sont enregistrées."),
        ("mentor", "Vos préférences sont enregistrées."),
    ],
)
def test_saving_preferences_says_tu_to_a_youth_and_vous_to_an_adult(client, role, said):
    person = UserFactory(**{role: True})
    client.force_login(person)
    # Every box unticked: the browser posts no field at all, and that is saved too.
    page = client.post(reverse("notifications:preferences"), {}, follow=True).content.decode()
    assert said in page
    chosen = NotificationPreference.objects.filter(user=person)
    assert chosen.exists() and not chosen.filter(by_email=True).exists()


def test_the_one_click_link_asks_then_turns_the_email_off_without_login(client):
    youth = UserFactory(youth=True)
    url = reverse(
        "notifications:one_click",
        args=[preference_token(user_id=youth.pk, kind=kinds.CADENCE_LATE)],
    )
    page = client.get(url)
    assert page.status_code == 200 and "Ne plus recevoir" in page.content.decode()
    assert not NotificationPreference.objects.exists()  # a mail scanner's GET changes nothing
    done = client.post(url)
    assert "tu ne recevras plus" in done.content.decode()
    assert not NotificationPreference.objects.get(user=youth, kind=kinds.CADENCE_LATE).by_email


@pytest.mark.parametrize("token", ["nimporte-quoi", None])
def test_a_forged_or_essential_one_click_link_is_a_404(client, token):
    youth = UserFactory(youth=True)
    token = token or preference_token(user_id=youth.pk, kind=kinds.REFERENT_ALERT)
    assert client.get(reverse("notifications:one_click", args=[token])).status_code == 404
    assert client.post(reverse("notifications:one_click", args=[token])).status_code == 404


def test_send_reminders_is_a_dry_run_unless_told(capsys):
    import datetime

    from tests.evaluations.factories import followed_pair

    followed_pair(started_on=datetime.date(2026, 1, 5))
    call_command("send_reminders", "--now", "2026-02-17T09:00")
    out = capsys.readouterr().out
    assert "cadence_late" in out and "dry run" in out
    assert not Notification.objects.exists()
    call_command("send_reminders", "--now", "2026-02-17T09:00", "--wet-run")
    assert Notification.objects.filter(kind=kinds.CADENCE_LATE).count() == 2
    call_command("send_reminders", "--now", "2026-02-17T09:00")
    assert "total                                0" in capsys.readouterr().out
