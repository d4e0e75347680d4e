"""Recording notifications in bulk: any number in a few statements, each once only.

A caller (the reminders, every few minutes) computes what is due at a moment as `Due` rows,
each named by a key that says who, what, about which object and for which period. They are
inserted with ``ignore_conflicts`` on the key: what was recorded before is left alone, so a
task retried, a redelivered message or two schedulers at once record each notification once.
Each call tags its rows with a batch of its own; reading the batch back tells which rows this
call inserted, and only those are counted and emailed by it.
"""

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Count

from .kinds import kind_of
from .models import EmailState, Notification, NotificationPreference
from .quiet import next_allowed

BATCH_SIZE = 5000


@dataclass(frozen=True)
class Due:
    key: str
    kind: str
    title: str
    recipient_id: int | None = None
    email: str = ""
    body: str = ""
    url: str = ""
    action: str = ""
    familiar: bool = False
    data: dict = field(default_factory=dict)


def emails_turned_off(kinds: Iterable[str]) -> set[tuple[int, str]]:
    """(user id, kind) pairs whose email the person turned off (one query)."""
    return set(
        NotificationPreference.objects.filter(kind__in=list(kinds), by_email=False).values_list(
            "user_id", "kind"
        )
    )


def notifications_record(dues: list[Due], *, now: datetime) -> Counter:
    """Insert the notifications not yet recorded; returns how many were new, per kind.
    Their emails are made by `notifications_email` (enqueued after commit)."""
    if not dues:
        return Counter()
    kinds = {due.kind for due in dues}
    turned_off = emails_turned_off(
        code for code in kinds if (kind_of(code) is None or not kind_of(code).essential)
    )
    batch = uuid.uuid4().hex
    send_after = next_allowed(now)
    rows = []
    for due in dues:
        emailed = due.email and (due.recipient_id, due.kind) not in turned_off
        rows.append(
            Notification(
                key=due.key,
                kind=due.kind,
                recipient_id=due.recipient_id,
                email=due.email,
                title=due.title[:255],
                body=due.body,
                url=due.url,
                action=due.action,
                familiar=due.familiar,
                data=due.data,
                created_at=now,
                send_after=send_after,
                email_state=EmailState.WAITING if emailed else EmailState.NONE,
                batch=batch,
            )
        )
    with transaction.atomic():
        Notification.objects.bulk_create(rows, batch_size=BATCH_SIZE, ignore_conflicts=True)
        created = Counter(
            dict(
                Notification.objects.filter(batch=batch)
                .values_list("kind")
                .annotate(n=Count("pk"))
                .order_by()
            )
        )
        if created:
            transaction.on_commit(enqueue_emails)
    return created


def not_yet_recorded(dues: list[Due]) -> Counter:
    """What `notifications_record` would insert, per kind, without writing (a dry run)."""
    keys = [due.key for due in dues]
    known = set()
    for start in range(0, len(keys), BATCH_SIZE):
        known.update(
            Notification.objects.filter(key__in=keys[start : start + BATCH_SIZE]).values_list(
                "key", flat=True
            )
        )
    return Counter(due.kind for due in dues if due.key not in known)


def enqueue_emails() -> None:
    """Ask a worker to make the waiting emails now; if the broker is away, the periodic
    sweep makes them."""
    from .services import logger
    from .tasks import email_notifications

    try:
        email_notifications.apply_async(retry=False)
    except Exception:  # any broker failure: the sweep picks them up
        logger.warning("Broker unavailable, notifications left for the sweep")
