from celery import shared_task

from .delivery import deliver, due_message_ids
from .emails import notifications_email


@shared_task
def deliver_message(message_id: int) -> bool:
    return deliver(message_id)


@shared_task
def deliver_pending_messages() -> int:
    """The periodic sweep: retries failures and sends what could not be queued."""
    return sum(deliver(message_id) for message_id in due_message_ids())


@shared_task
def email_notifications() -> int:
    """Make the emails of waiting notifications, a chunk per transaction, until none is left
    (the periodic sweep; also enqueued after each recording)."""
    made = total = 0
    while made := notifications_email():
        total += made
    return total
