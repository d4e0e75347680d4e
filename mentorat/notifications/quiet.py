"""Quiet hours: nothing the platform sends on its own goes out between 20:00 and 08:00, Paris
time; what falls due at night waits for the morning. (Emails a person asked for, such as a
password reset, are not reminders and go at once.)"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

PARIS = ZoneInfo("Europe/Paris")
QUIET_FROM = time(20, 0)
QUIET_UNTIL = time(8, 0)


def is_quiet(moment: datetime) -> bool:
    if not getattr(settings, "NOTIFICATIONS_QUIET_HOURS", True):  # off in the crash test only
        return False
    local = moment.astimezone(PARIS).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL


def next_allowed(moment: datetime) -> datetime:
    """``moment`` itself outside quiet hours, else the next 08:00 in Paris (the same day
    before 08:00, the next day after 20:00). 08:00 is never in a daylight-saving gap."""
    if not is_quiet(moment):
        return moment
    local = moment.astimezone(PARIS)
    day = local.date() if local.time() < QUIET_UNTIL else local.date() + timedelta(days=1)
    return datetime.combine(day, QUIET_UNTIL, tzinfo=PARIS)
