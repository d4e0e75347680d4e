"""Each non-essential email carries its signed one-click link as `List-Unsubscribe`, and
`List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): the mail client's own button
POSTs to it without cookies nor CSRF token, and only that kind's email stops."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client, override_settings

from mentorat.notifications.models import Message, NotificationPreference
from mentorat.reminders import kinds
from tests.evaluations.factories import followed_pair

from .helpers import outbox_to, paris, run

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 1, 5)
DUE_SOON = paris(START + datetime.timedelta(days=35))
HEADER = re.compile(r"^<(https?://[^>]+)>$")


def header_link(message) -> str:
    return HEADER.match(message.extra_headers["List-Unsubscribe"])[1]


@override_settings(SITE_URL="https://mentorat.example")
def test_a_reminder_carries_the_one_click_headers_and_the_mail_client_s_post_works():
    pair = followed_pair(started_on=START)
    assert run(DUE_SOON)[kinds.CADENCE_DUE_SOON] == 2
    email = outbox_to(pair.youth.user.email)[0]
    link = header_link(email)
    assert link.startswith("https://mentorat.example/notifications/preferences/")
    assert link in email.body  # the same signed link as the one in the email's footer
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The outbox never kept the token, in the headers no more than in the bodies.
    stored = Message.objects.get(key__contains=f"pair-{pair.pk}:", to_email=pair.youth.user.email)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert (
        token not in str(stored.headers)
        and "[[lien personnel" in stored.headers["List-Unsubscribe"]
    )

    # The mail client: no session, no CSRF cookie, the RFC 8058 body.
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        link.removeprefix("https://mentorat.example"),
        {"List-Unsubscribe": "One-Click"},
        secure=True,
    )
    assert response.status_code == 200
    chosen = dict(
        NotificationPreference.objects.filter(user=pair.youth.user).values_list("kind", "by_email")
    )
    assert chosen == {kinds.CADENCE_DUE_SOON: False}  # that kind only
    # The mentor's link is the mentor's own: their email still comes.
    assert not NotificationPreference.objects.filter(user=pair.mentor.user).exists()


@override_settings(SITE_URL="https://mentorat.example")
def test_an_essential_email_has_no_unsubscribe_header():
    pair = followed_pair(started_on=START)
    mentor = pair.mentor
    mentor.attestation_date = START - datetime.timedelta(days=200)
    mentor.attestation_checked_at = paris(START)
    mentor.save(update_fields=["attestation_date", "attestation_checked_at"])
    run(paris(START + datetime.timedelta(days=1)))
    expired = [m for m in outbox_to(mentor.user.email) if "attestation" in m.subject]
    assert expired and all("List-Unsubscribe" not in m.extra_headers for m in expired)


@override_settings(SITE_URL="http://127.0.0.1:8000")
def test_over_http_the_header_opens_the_page_but_never_claims_one_click():
    pair = followed_pair(started_on=START)
    run(DUE_SOON)
    email = outbox_to(pair.mentor.user.email)[0]
    assert header_link(email).startswith("http://127.0.0.1:8000/notifications/preferences/")
    assert "List-Unsubscribe-Post" not in email.extra_headers
    assert all("List-Unsubscribe-Post" not in sent.extra_headers for sent in mail.outbox)
