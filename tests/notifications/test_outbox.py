import os
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from mentorat.notifications.emails import email_of
from mentorat.notifications.models import MAX_ATTEMPTS, Message, MessageStatus, Notification
from mentorat.notifications.services import message_send
from mentorat.notifications.tasks import deliver_message, deliver_pending_messages
from mentorat.reminders import kinds
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def send_welcome(user, key="welcome:test"):
    return message_send(
        key=key,
        to_email=user.email,
        template="welcome",
        context={"user": user, "dashboard_url": "https://mentorat.example/mon-espace/"},
        recipient=user,
    )


def test_a_message_is_rendered_in_french_and_delivered_after_commit(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(first_name="Inès", youth=True)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = send_welcome(user)
    assert mail.outbox == []  # nothing leaves before the transaction commits

    for callback in callbacks:
        callback()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.sent_at
    sent = mail.outbox[0]
    assert sent.subject == "Bienvenue sur Mentorat"
    assert "Bonjour Inès," in sent.body
    assert "https://mentorat.example/mon-espace/" in sent.alternatives[0][0]


def test_the_same_key_never_records_or_sends_twice(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = send_welcome(user)
        second = send_welcome(user)

    assert first.pk == second.pk
    assert Message.objects.count() == 1
    assert len(mail.outbox) == 1
    assert deliver_message(first.pk) is False  # redelivered task: already sent, nothing happens
    assert len(mail.outbox) == 1


def test_a_message_is_rendered_in_the_language_asked_for():
    message = message_send(
        key="welcome:en",
        to_email="a@exemple.fr",
        template="welcome",
        context={"user": UserFactory(), "dashboard_url": "x"},
        language="en",
    )
    assert message.subject == "Welcome to Mentorat"


def test_a_failed_send_is_retried_with_backoff_then_given_up():
    message = send_welcome(UserFactory())

    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("SMTP")):
        assert deliver_message(message.pk) is False
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.PENDING, 1)
    assert "SMTP" in message.last_error
    assert message.next_attempt_at > timezone.now()
    assert deliver_pending_messages() == 0  # not due yet

    Message.objects.filter(pk=message.pk).update(
        attempts=MAX_ATTEMPTS - 1, next_attempt_at=timezone.now()
    )
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("SMTP")):
        deliver_pending_messages()
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED


def test_when_the_broker_is_down_the_message_waits_for_the_sweep(
    django_capture_on_commit_callbacks,
):
    with mock.patch(
        "mentorat.notifications.tasks.deliver_message.apply_async",
        side_effect=ConnectionError("broker down"),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            message = send_welcome(UserFactory())

    assert mail.outbox == []
    assert Message.objects.get(pk=message.pk).status == MessageStatus.PENDING
    assert deliver_pending_messages() == 1
    assert len(mail.outbox) == 1


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a real Redis (REDIS_URL)")
def test_delivery_is_published_to_the_real_broker(settings):
    """Outside eager mode the task really goes through Redis, and the queue holds it."""
    from mentorat.celery import app

    app.conf.task_always_eager = False
    try:
        with app.connection_for_write() as connection:
            connection.default_channel.queue_purge("celery")
            deliver_message.apply_async(args=[123456], retry=False, connection=connection)
            assert connection.default_channel.client.llen("celery") == 1
            connection.default_channel.queue_purge("celery")
    finally:
        app.conf.task_always_eager = True


def test_the_text_part_says_names_as_they_are_the_html_part_escapes_them():
    """Plain text is not HTML: "N'Diaye" and "&" stay so in the subject and the text part
    (a template's message and a notification's alike); the HTML part escapes them."""
    user = UserFactory(first_name="Anne & Loïc", last_name="N'Diaye", youth=True)
    welcome = send_welcome(user)
    notification = Notification.objects.create(
        key="test:names",
        kind=kinds.CADENCE_LATE,
        recipient=user,
        email=user.email,
        title="Rencontre avec Karim O'Neil & co",
        body="Karim O'Neil <karim@exemple.fr> attend ta réponse.",
    )
    email_of(notification)
    late = Message.objects.get(key="test:names")
    assert "Bonjour Anne & Loïc," in welcome.body_text
    assert "Bonjour Anne &amp; Loïc," in welcome.body_html
    assert late.subject == "Rencontre avec Karim O'Neil & co"
    assert "Karim O'Neil <karim@exemple.fr> attend ta réponse." in late.body_text
    assert "Karim O&#x27;Neil &lt;" in late.body_html
    assert "<karim@" not in late.body_html
    for body in (welcome.body_text, late.body_text):
        assert "&amp;" not in body and "&#x27;" not in body and "&lt;" not in body
