import os

from celery import Celery
from celery.signals import setup_logging

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentorat.settings.local")

app = Celery("mentorat")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@setup_logging.connect
def log_like_the_web_server(**kwargs):
    """The worker's lines go through the platform's LOGGING: one format, each line once."""
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)
