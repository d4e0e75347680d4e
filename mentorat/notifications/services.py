"""The one way the platform writes to a person."""

import logging
from collections.abc import Sequence

from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

from .models import Message, secret_placeholder

logger = logging.getLogger(__name__)


def render_text(template_name: str, context: dict) -> str:
    """A plain-text template (a subject, an email's text part): nothing in it is escaped, it
    is not HTML ("Karim N'Diaye", "Duo & Co", not "N&#x27;Diaye", "&amp;")."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def message_send(
    *,
    key: str,
    to_email: str,
    template: str,
    context: dict,
    recipient=None,
    language: str | None = None,
    secrets: Sequence[str] = (),
) -> Message:
    """Record the message under `key` (once only) and have it delivered after commit.

    `template` names three files under templates/notifications/email/: `<template>.subject.txt`,
    `.txt` and `.html`. They are rendered now, in the recipient's language (by default the
    current one), so that delivery never depends on objects that may have changed since.
    `secrets` are the tokens the message carries (in its links): they are kept out of the
    stored bodies and forgotten once the message is sent (see `Message`).
    """
    with translation.override(language or translation.get_language()):
        subject = " ".join(
            render_text(f"notifications/email/{template}.subject.txt", context).split()
        )
        body_text = render_text(f"notifications/email/{template}.txt", context)
        body_html = render_to_string(f"notifications/email/{template}.html", context)
    return message_record(
        key=key,
        to_email=to_email,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        recipient=recipient,
        secrets=secrets,
    )


def message_record(
    *,
    key: str,
    to_email: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    recipient=None,
    secrets: Sequence[str] = (),
    headers: dict[str, str] | None = None,
    quiet_hours: bool = False,
) -> Message:
    """Record an already rendered message (allauth renders its own) and queue its delivery.
    `headers` are extra email headers; the secrets they hold are kept apart as the bodies'.
    `quiet_hours`: the platform sends it on its own, so never between 20:00 and 08:00 (its
    retries included); what a person just asked for (a reset link) goes at once."""
    kept = []
    headers = dict(headers or {})
    # The shortest first: a token inside a link is taken out and the rest of the link stays
    # readable; a link that held it is then no longer found, and not kept.
    for secret in sorted({secret for secret in secrets if secret}, key=len):
        in_headers = any(secret in value for value in headers.values())
        if secret in body_text or secret in body_html or in_headers:
            kept.append(secret)
            placeholder = secret_placeholder(len(kept))
            body_text = body_text.replace(secret, placeholder)
            body_html = body_html.replace(secret, placeholder)
            headers = {name: value.replace(secret, placeholder) for name, value in headers.items()}
    message, created = Message.objects.get_or_create(
        key=key,
        defaults={
            "to_email": to_email,
            "subject": subject[:255],
            "body_text": body_text,
            "body_html": body_html,
            "recipient": recipient,
            "secrets": kept,
            "headers": headers,
            "quiet_hours": quiet_hours,
        },
    )
    if created:
        transaction.on_commit(lambda: enqueue_delivery(message.pk))
    return message


def enqueue_delivery(message_id: int) -> None:
    """Queue delivery; if the broker is away the row stays pending for the periodic sweep."""
    from .tasks import deliver_message

    try:
        deliver_message.apply_async(args=[message_id], retry=False)
    except Exception:  # any broker failure: the sweep will pick the message up
        logger.warning("Broker unavailable, message %s left for the sweep", message_id)
