from celery import shared_task

from .summaries import refresh


@shared_task
def refresh_dashboards() -> int:
    """Rebuild the summaries the dashboards read (idempotent: a rebuild replaces the last)."""
    return refresh().pairs
