from celery import shared_task
from django.conf import settings

from .signup import consents_expire_overdue


@shared_task
def expire_overdue_consents() -> int:
    """Daily: unanswered parental consent requests past 30 days become expired (idempotent)."""
    return consents_expire_overdue(base_url=settings.SITE_URL)
