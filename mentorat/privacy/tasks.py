import logging

from celery import shared_task

from .cleanup import apply_retention

logger = logging.getLogger(__name__)


@shared_task
def apply_retention_rules(wet_run: bool = False) -> int:
    """The retention rules; a dry run unless the schedule says wet_run (it does)."""
    return apply_retention(wet_run=wet_run, out=logger.info)
