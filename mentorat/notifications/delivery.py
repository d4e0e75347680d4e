"""Sending recorded messages. At most one worker sends a given row at a time."""

import hashlib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from .models import Message, MessageStatus
from .quiet import is_quiet


def deliver(message_id: int) -> bool:
    """Send one pending message; True when it went out. Safe to call twice."""
    with transaction.atomic():
        message = (
            Message.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=MessageStatus.PENDING)
            .first()
        )
        if message is None:  # already sent, given up, or being sent by another worker
            return False
        now = timezone.now()
        if message.quiet_hours and is_quiet(now):
            message.wait_for_morning(now)
            return False
        email = EmailMultiAlternatives(
            subject=message.subject,
            body=message.with_secrets(message.body_text),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.to_email],
            headers={
                **{name: message.with_secrets(value) for name, value in message.headers.items()},
                "Message-ID": message_id_header(message.key),
            },
        )
        if message.body_html:
            email.attach_alternative(message.with_secrets(message.body_html), "text/html")
        try:
            email.send()
        except Exception as exc:  # SMTP and network errors alike: try again later
            message.mark_attempt_failed(f"{type(exc).__name__}: {exc}")
            return False
        message.mark_sent()
        return True


def due_message_ids(limit: int = 500) -> list[int]:
    return list(
        Message.objects.due().order_by("next_attempt_at").values_list("pk", flat=True)[:limit]
    )


def message_id_header(key: str) -> str:
    """The same Message-ID for every attempt at one message: should a worker die between the
    mail server's acceptance and the commit that marks it sent, the copy sent again carries
    the same identifier, which mail systems use to recognise a duplicate."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "mentorat.local"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:40]}@{domain}>"
