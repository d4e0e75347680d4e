"""Messages this app sends: a "non" to the fit question reaches the referent at once."""

from django.conf import settings
from django.urls import reverse

from mentorat.notifications.services import message_send
from programmes.enums import StaffRole

from .enums import Fit


def tell_referent_about_fit(evaluation) -> None:
    """After a first meeting, someone said the pair does not suit them: their mentor's
    referent is told (the association's coordinators when the mentor has none)."""
    if evaluation.fit != Fit.NO:
        return
    pair = evaluation.meeting.pair
    association = pair.programme.association
    if pair.mentor.referent is not None:
        recipients = [pair.mentor.referent]
    else:
        recipients = [
            membership.user
            for membership in association.memberships.filter(
                role=StaffRole.COORDINATOR
            ).select_related("user")
        ]
    url = settings.SITE_URL + reverse(
        "evaluations:pair_follow_up", args=[association.slug, pair.pk]
    )
    for person in recipients:
        message_send(
            key=f"meeting-evaluation-{evaluation.pk}:fit-no:user-{person.pk}",
            to_email=person.email,
            template="pair_fit_no",
            context={
                "person": person,
                "pair": pair,
                "evaluation": evaluation,
                "by_youth": evaluation.role == "youth",
                "url": url,
            },
            recipient=person,
            language=settings.LANGUAGE_CODE,
        )
