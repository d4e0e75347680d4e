from celery import shared_task

from .models import AuditEntry


@shared_task
def purge_expired_entries() -> int:
    """Entries older than the trail's retention (12 months) are deleted."""
    deleted, _by_model = AuditEntry.objects.expired().delete()
    return deleted
