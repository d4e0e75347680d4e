"""Settings of the Celery worker and beat processes the crash test starts: the test database
(committed rows), a Redis broker of their own, emails written to a folder by a backend that
can fail, fast retries, quiet hours off (the test runs at any hour), schedules every second."""

import os

from celery.schedules import schedule

from mentorat.settings.test import *  # noqa: F403
from mentorat.settings.test import DATABASES

DATABASES["default"]["NAME"] = os.environ["INTEGRATION_DATABASE_NAME"]
DATABASES["default"]["TEST"] = {"NAME": os.environ["INTEGRATION_DATABASE_NAME"]}
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ["INTEGRATION_BROKER_URL"]
EMAIL_BACKEND = "tests.reminders.mailbox.EmailBackend"
NOTIFICATIONS_RETRY_BASE_SECONDS = 0.5
NOTIFICATIONS_QUIET_HOURS = False
CELERY_BEAT_SCHEDULE = {
    "send-reminders": {
        "task": "mentorat.reminders.tasks.send_reminders",
        "schedule": schedule(1.0),
    },
    "email-notifications": {
        "task": "mentorat.notifications.tasks.email_notifications",
        "schedule": schedule(1.0),
    },
    "deliver-pending-messages": {
        "task": "mentorat.notifications.tasks.deliver_pending_messages",
        "schedule": schedule(1.0),
    },
}
CELERY_BEAT_SCHEDULER = "celery.beat:PersistentScheduler"
