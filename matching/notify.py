"""Messages this app sends as a pair lives: the referent hears at once of a mentor's alert and
of a meeting the youth says did not happen; the other person of the pair hears of a meeting
planned, with the link to add it to their calendar. (Reminders are computed elsewhere.)"""

from django.conf import settings
from django.urls import reverse

from mentorat.notifications.services import message_send
from programmes.enums import StaffRole


def followers_of(pair) -> list:
    """Who hears about a pair: the mentor's referent, or the association's coordinators when
    the mentor has none."""
    if pair.mentor.referent is not None:
        return [pair.mentor.referent]
    memberships = pair.programme.association.memberships.filter(role=StaffRole.COORDINATOR)
    return [membership.user for membership in memberships.select_related("user")]


def tell_referent_about_meeting(meeting, *, disputed: bool) -> None:
    """The mentor ticked "alerter mon référent", or the youth said the meeting did not happen:
    once per meeting and reason."""
    pair = meeting.pair
    url = settings.SITE_URL + reverse("matching:pair", args=[pair.pk])
    reason = "disputed" if disputed else "alert"
    for person in followers_of(pair):
        message_send(
            key=f"meeting-{meeting.pk}:{reason}:user-{person.pk}",
            to_email=person.email,
            template="meeting_alert",
            context={
                "person": person,
                "pair": pair,
                "meeting": meeting,
                "disputed": disputed,
                "url": url,
            },
            recipient=person,
            language=settings.LANGUAGE_CODE,
        )


def tell_other_about_planned(planned, *, by) -> None:
    pair = planned.pair
    other = pair.mentor.user if by.pk == pair.youth.user_id else pair.youth.user
    message_send(
        key=f"planned-meeting-{planned.pk}:planned:user-{other.pk}",
        to_email=other.email,
        template="meeting_planned",
        context={
            "person": other,
            "by": by,
            "planned": planned,
            "youth": other.pk == pair.youth.user_id,
            "url": settings.SITE_URL + reverse("matching:pair", args=[pair.pk]),
            "ics_url": settings.SITE_URL
            + reverse("matching:planned_ics", args=[pair.pk, planned.pk]),
        },
        recipient=other,
        language=settings.LANGUAGE_CODE,
    )
