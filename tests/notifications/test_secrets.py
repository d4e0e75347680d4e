"""Secrets in emails (reset and confirmation links, consent and invitation tokens) never stay in
the outbox once delivered, and the admin never shows them."""

import importlib
import re
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from mentorat.notifications.models import MAX_ATTEMPTS, Message, MessageStatus
from mentorat.notifications.tasks import deliver_pending_messages
from programmes import signup
from tests.accounts.factories import PASSWORD, UserFactory
from tests.programmes.factories import YouthProfileFactory

pytestmark = pytest.mark.django_db

RESET_LINK = re.compile(r"https?://\S+/comptes/password/reset/key/[\w-]+/")
CONFIRM_LINK = re.compile(r"https?://\S+/comptes/confirm-email/[^/\s]+/")
CONSENT_LINK = re.compile(r"https?://\S+/accord-parental/[\w-]+/")


def stored(message: Message) -> str:
    message.refresh_from_db()
    return message.body_text + message.body_html


def test_a_password_reset_link_is_emailed_but_never_kept(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="karim@exemple.fr")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("account_reset_password"), {"email": "karim@exemple.fr"})
    message = Message.objects.get()
    assert "/comptes/password/reset/key/" in stored(message)
    assert not RESET_LINK.search(stored(message))  # not even before delivery
    assert "[[lien personnel 1]]" in message.body_text

    for callback in callbacks:
        callback()
    link = RESET_LINK.search(mail.outbox[0].body)[0]
    assert link in mail.outbox[0].alternatives[0][0]  # the HTML part has it too
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.secrets == []
    assert link.rsplit("/", 2)[-2] not in stored(message)
    # The link works for the person who received it.
    response = client.post(
        client.get(link).url, {"password1": "Nouveau-mdp-42", "password2": "Nouveau-mdp-42"}
    )
    assert response.status_code == 302


def test_an_address_confirmation_key_is_never_kept(client, django_capture_on_commit_callbacks):
    UserFactory(email="karim@exemple.fr", verified_email=False)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_login"), {"login": "karim@exemple.fr", "password": PASSWORD})

    link = CONFIRM_LINK.search(mail.outbox[0].body)[0]
    key = link.rsplit("/", 2)[-2]
    message = Message.objects.get(key__startswith="account:email_confirmation")
    assert key not in stored(message) and message.secrets == []


def test_a_consent_token_is_never_kept(django_capture_on_commit_callbacks):
    youth = YouthProfileFactory(under_15=True)

    with django_capture_on_commit_callbacks(execute=True):
        signup.consent_request(
            youth=youth,
            guardian_name="Sophie Martin",
            guardian_email="sophie@exemple.fr",
            base_url="https://mentorat.example/",
            by=youth.user,
        )

    link = CONSENT_LINK.search(mail.outbox[0].body)[0]
    message = Message.objects.get(to_email="sophie@exemple.fr")
    assert link.rsplit("/", 2)[-2] not in stored(message)


def test_a_message_given_up_forgets_its_secrets(client):
    UserFactory(email="karim@exemple.fr")
    with mock.patch("mentorat.notifications.services.enqueue_delivery"):
        client.post(reverse("account_reset_password"), {"email": "karim@exemple.fr"})
    message = Message.objects.get()
    assert len(message.secrets) == 1

    Message.objects.update(attempts=MAX_ATTEMPTS - 1)
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("SMTP")):
        deliver_pending_messages()

    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED and message.secrets == []


def test_a_sent_message_cannot_keep_secrets():
    with pytest.raises(IntegrityError):
        Message.objects.create(
            key="x",
            to_email="a@exemple.fr",
            subject="s",
            body_text="b",
            status=MessageStatus.SENT,
            sent_at=timezone.now(),
            secrets=["token"],
        )


def test_the_admin_never_shows_a_pending_messages_secret(client):
    UserFactory(email="karim@exemple.fr")
    with mock.patch("mentorat.notifications.services.enqueue_delivery"):
        client.post(reverse("account_reset_password"), {"email": "karim@exemple.fr"})
    message = Message.objects.get()
    [secret] = message.secrets
    # Someone who may only view messages: what took over an account before.
    viewer = UserFactory(ministry=True, is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_message"))
    client.force_login(viewer)

    page = client.get(reverse("admin:notifications_message_change", args=[message.pk]))

    assert page.status_code == 200
    assert "[[lien personnel 1]]" in page.content.decode()
    assert secret not in page.content.decode()


def test_messages_recorded_before_keep_no_secret_once_migrated():
    migration = importlib.import_module(
        "mentorat.notifications.migrations.0002_secrets_kept_apart_until_delivery"
    )
    before = MigrationExecutor(connection).loader.project_state(
        ("notifications", "0002_secrets_kept_apart_until_delivery")
    )
    body = "Ouvrez https://mentorat.example/accord-parental/{}/ pour répondre."
    sent = Message.objects.create(
        key="consent-request:youth-1:1",
        to_email="a@exemple.fr",
        subject="s",
        body_text=body.format("jeton-envoye"),
        status=MessageStatus.SENT,
        sent_at=timezone.now(),
    )
    pending = Message.objects.create(
        key="staff-invitation:2",
        to_email="b@exemple.fr",
        subject="s",
        body_text="https://mentorat.example/invitation/jeton-a-envoyer/",
        body_html='<a href="https://mentorat.example/invitation/jeton-a-envoyer/">lien</a>',
    )

    migration.take_secrets_out_of_stored_bodies(before.apps, None)

    sent.refresh_from_db()
    pending.refresh_from_db()
    assert "jeton-envoye" not in sent.body_text and sent.secrets == []
    assert "jeton-a-envoyer" not in pending.body_text + pending.body_html
    assert pending.secrets == ["jeton-a-envoyer"]
    assert pending.with_secrets(pending.body_html) == (
        '<a href="https://mentorat.example/invitation/jeton-a-envoyer/">lien</a>'
    )
