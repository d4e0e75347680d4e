"""The parent of a youth under 15: the request goes when the youth asks (programmes), then a
reminder 3 days and 7 days later while it waits; it expires at 30 days
(programmes.tasks.expire_overdue_consents).

The link of a request is stored hashed and cannot be read back, so a reminder carries a new
link, made as its email is made (never before): the request's token is replaced, the earlier
emails' link stops working, and the new token lives only in the email (a secret of the outbox).
"""

from datetime import timedelta

from django.utils import timezone

from mentorat.notifications.record import Due
from programmes.enums import ConsentDecision
from programmes.models import ParentalConsent
from programmes.tokens import new_token

from .. import kinds
from .common import Links, Moment, day
from .common import tr as _

REMINDER_DAYS = (3, 7)


def consent_reminders(moment: Moment, links: Links):
    waiting = (
        ParentalConsent.objects.filter(
            decision=ConsentDecision.PENDING,
            expires_at__gt=moment.now,
            requested_at__lte=moment.now - timedelta(days=REMINDER_DAYS[0]),
        )
        .order_by()
        .values(
            "pk",
            "guardian_email",
            "requested_at",
            "expires_at",
            "youth__user__first_name",
            "youth__programme__association__name",
        )
    )
    for row in waiting:
        waited = moment.now - row["requested_at"]
        step = max(days for days in REMINDER_DAYS if waited >= timedelta(days=days))
        facts = {
            "youth": row["youth__user__first_name"],
            "association": row["youth__programme__association__name"] or "",
            "day": day(timezone.localtime(row["expires_at"]), "j F Y"),
        }
        yield Due(
            key=f"reminder:{kinds.CONSENT_REMINDER}:consent-{row['pk']}:day-{step}",
            kind=kinds.CONSENT_REMINDER,
            email=row["guardian_email"],
            title=_("Rappel : %(youth)s attend votre accord pour participer au mentorat") % facts,
            body=_(
                "%(youth)s souhaite être accompagné·e par un mentor bénévole avec "
                "l’association %(association)s. Comme il ou elle a moins de 15 ans, votre "
                "accord est nécessaire. La demande reste ouverte jusqu’au %(day)s."
            )
            % facts
            + "\n\n"
            + _("Ce lien remplace celui des courriels précédents."),
            action=_("Donner ou refuser mon accord"),
            data={"consent": row["pk"]},
        )


def renew_consent_link(notification):
    """The consent link of a reminder, made now (see the module's note); None when the
    request no longer waits (answered, replaced or expired meanwhile): no email then."""
    from django.urls import reverse

    consent_id = notification.data.get("consent")
    token = new_token()
    renewed = ParentalConsent.objects.filter(
        pk=consent_id, decision=ConsentDecision.PENDING, expires_at__gt=timezone.now()
    ).update(token=token)
    if not renewed:
        return None
    return {"url": reverse("programmes:consent_answer", args=[token])}, [token]
