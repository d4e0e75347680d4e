"""Making the emails of recorded notifications, a chunk at a time, outside quiet hours.

A worker locks the chunk it takes (``skip_locked``: two workers take different rows), records
each email in the outbox under the notification's key (``message_record``: once only) and
marks the rows done, in one transaction. A worker killed half-way leaves its rows waiting for
the next sweep; nothing is emailed twice, nothing is lost.
"""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .kinds import kind_of
from .links import preference_token
from .models import EmailState, Notification
from .quiet import is_quiet
from .services import message_record, render_text

CHUNK = 200


def notifications_email(*, now: datetime | None = None, limit: int = CHUNK) -> int:
    """Make the emails of up to ``limit`` waiting notifications; returns how many."""
    now = now or timezone.now()
    if is_quiet(now):
        return 0
    with transaction.atomic():
        rows = list(
            Notification.objects.emails_waiting(now)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .order_by("send_after", "pk")[:limit]
        )
        for notification in rows:
            email_of(notification)
        Notification.objects.filter(pk__in=[row.pk for row in rows]).update(
            email_state=EmailState.QUEUED
        )
    return len(rows)


def email_of(notification: Notification) -> None:
    """Record the notification's email in the outbox, in French (text and HTML)."""
    kind = kind_of(notification.kind)
    context, secrets = {}, []
    if kind is not None and kind.renew is not None:
        renewed = kind.renew(notification)
        if renewed is None:  # what it was about is over: no email
            return
        context, secrets = renewed
    url = context.pop("url", None) or notification.url
    if url.startswith("/"):
        url = settings.SITE_URL + url
    preference_url, headers = "", {}
    if notification.recipient_id and kind is not None and not kind.essential:
        token = preference_token(user_id=notification.recipient_id, kind=notification.kind)
        secrets.append(token)
        preference_url = settings.SITE_URL + reverse("notifications:one_click", args=[token])
        headers = list_unsubscribe(preference_url)
    context.update(
        {
            "notification": notification,
            "person": notification.recipient,
            "paragraphs": [line for line in notification.body.split("\n\n") if line.strip()],
            "url": url,
            "kind_label": kind.label if kind else "",
            "preference_url": preference_url,
            "preferences_url": settings.SITE_URL + reverse("notifications:preferences")
            if notification.recipient_id
            else "",
        }
    )
    with translation.override(settings.LANGUAGE_CODE):
        body_text = render_text("notifications/email/notification.txt", context)
        body_html = render_to_string("notifications/email/notification.html", context)
    message_record(
        key=notification.key,
        to_email=notification.email,
        subject=notification.title,
        body_text=body_text,
        body_html=body_html,
        recipient=notification.recipient,
        secrets=secrets,
        headers=headers,
        quiet_hours=True,
    )


def list_unsubscribe(url: str) -> dict[str, str]:
    """The headers a mail client shows as its own "unsubscribe" button (RFC 2369), and with
    which it turns the email off in one click by a POST to the same signed link (RFC 8058,
    which asks for an https link: over http, the button opens the page that asks)."""
    headers = {"List-Unsubscribe": f"<{url}>"}
    if url.startswith("https://"):
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return headers
