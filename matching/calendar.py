"""A planned meeting as an iCalendar file, for the youth's and the mentor's calendars."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def planned_meeting_ics(planned, *, url: str = "") -> bytes:
    """One VEVENT; the same UID for both people and every download, so that a calendar
    updates the event instead of adding a second one, and cancels it once it is cancelled."""
    pair = planned.pair
    calendar = Calendar()
    calendar.add("prodid", "-//mentorat//rencontres//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if planned.cancelled_at else "PUBLISH")
    event = Event()
    host = settings.SITE_URL.split("://")[-1].strip("/") or "mentorat"
    event.add("uid", f"planned-meeting-{planned.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", planned.starts_at)
    event.add("dtend", planned.starts_at + timedelta(minutes=planned.duration_minutes))
    event.add(
        "summary",
        _("Rencontre de mentorat : %(youth)s et %(mentor)s")
        % {
            "youth": pair.youth.user.get_full_name(),
            "mentor": pair.mentor.user.get_full_name(),
        },
    )
    if planned.place:
        event.add("location", planned.place)
    elif planned.video_link:
        event.add("location", planned.video_link)
    description = [planned.video_link] if planned.video_link else []
    if url:
        description.append(_("Le binôme sur la plateforme : %(url)s") % {"url": url})
        event.add("url", url)
    if description:
        event.add("description", "\n".join(description))
    event.add("status", "CANCELLED" if planned.cancelled_at else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()
