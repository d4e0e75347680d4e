from celery import shared_task
from django.utils import timezone

from .compute import reminders_send


@shared_task
def send_reminders() -> int:
    """Periodic: record what is due now (each once, by its key); their emails follow."""
    return sum(reminders_send(timezone.now()).values())
