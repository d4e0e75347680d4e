"""Recording notifications in bulk: any number in a few statements, each once only.

A caller (the reminders, every few minutes) computes what is due at a moment as `Due` rows,
each named by a key that says who, what, about which object and for which period. They are
inserted with ``ignore_conflicts`` on the key: what was recorded before is left alone, so a
task retried, a redelivered message or two schedulers at once record each notification once.
The insert says which rows it made (RETURNING; elsewhere, the batch tag each call puts on its
rows): only those are counted by it.
"""

import json
import uuid
from collections import Counter
from collections.abc import Iterable
from contextlib import nullcontext
from datetime import datetime
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import Count

from .kinds import kind_of
from .models import EmailState, Notification, NotificationPreference
from .quiet import next_allowed

BATCH_SIZE = 5000


class Due(NamedTuple):
    """One notification to record (a tuple: the rules make hundreds of thousands a run)."""

    key: str
    kind: str
    title: str
    recipient_id: int | None = None
    email: str = ""
    body: str = ""
    url: str = ""
    action: str = ""
    familiar: bool = False
    data: dict | None = None


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
    waiting, none = EmailState.WAITING.value, EmailState.NONE.value
    rows = [
        (
            due.key,
            due.kind,
            due.recipient_id,
            due.email,
            due.title[:255],
            due.body,
            due.url,
            due.action,
            due.familiar,
            json.dumps(due.data) if due.data else "{}",
            waiting if due.email and (due.recipient_id, due.kind) not in turned_off else none,
        )
        for due in dues
    ]
    shared = {"created_at": now, "send_after": next_allowed(now), "batch": batch}
    with transaction.atomic():
        created = insert_ignoring_known_keys(rows, shared=shared)
        if created:
            transaction.on_commit(enqueue_emails)
    return created


# Each row's own columns (``data`` as JSON text); the run's are `shared`.
COLUMNS = (
    "key",
    "kind",
    "recipient_id",
    "email",
    "title",
    "body",
    "url",
    "action",
    "familiar",
    "data",
    "email_state",
)


def insert_ignoring_known_keys(rows: list[tuple], *, shared: dict) -> Counter:
    """INSERT ... ON CONFLICT (key) DO NOTHING of rows of COLUMNS, each with the ``shared``
    values (the run's moment and batch). On PostgreSQL the rows are streamed with COPY into a
    temporary table first (four statements for any number of rows, no model instance built,
    the shared values sent once); elsewhere `bulk_create(ignore_conflicts=True)` in batches.
    Returns the rows inserted (not those already known), per kind."""
    if connection.vendor != "postgresql":
        Notification.objects.bulk_create(
            (
                Notification(
                    **dict(zip(COLUMNS, row, strict=True)) | {"data": json.loads(row[9])},
                    **shared,
                )
                for row in rows
            ),
            batch_size=BATCH_SIZE,
            ignore_conflicts=True,
        )
        return Counter(
            dict(
                Notification.objects.filter(batch=shared["batch"])
                .values_list("kind")
                .annotate(n=Count("pk"))
                .order_by()
            )
        )
    table = connection.ops.quote_name(Notification._meta.db_table)
    columns = ", ".join(COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE incoming_notification ON COMMIT DROP AS "
            f"SELECT {columns} FROM {table} WITH NO DATA"
        )
        sql = f"COPY incoming_notification ({columns}) FROM STDIN"
        logged = cursor.debug_sql(sql) if hasattr(cursor, "debug_sql") else nullcontext()
        with logged, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(
            f"INSERT INTO {table} ({columns}, {', '.join(shared)}) "
            f"SELECT {columns}, {', '.join(['%s'] * len(shared))} FROM incoming_notification "
            f"ON CONFLICT (key) DO NOTHING RETURNING kind",
            list(shared.values()),
        )
        created = Counter(kind for (kind,) in cursor.fetchall())
        cursor.execute("DROP TABLE incoming_notification")
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
