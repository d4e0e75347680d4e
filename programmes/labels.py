"""The ministry's label decisions on an association, and the email that tells it."""

from django.conf import settings
from django.db import transaction

from mentorat.notifications.services import message_send

from .enums import LabelStatus
from .models import Association, LabelDecision


@transaction.atomic
def association_label_decide(
    *,
    association: Association,
    status: LabelStatus,
    by,
    reason: str = "",
    campaign_year: int | None = None,
    funding_euros: int | None = None,
) -> LabelDecision:
    """Record the decision (refused by LABEL_TRANSITIONS when the label's state does not
    allow it) and tell the association's contact, after commit."""
    decision = association.decide_label(
        status, by=by, reason=reason, campaign_year=campaign_year, funding_euros=funding_euros
    )
    label_decision_notify(decision)
    return decision


def label_decision_notify(decision: LabelDecision) -> None:
    association = decision.association
    if not association.contact_email:
        return
    message_send(
        key=f"label-decision:{decision.pk}",
        to_email=association.contact_email,
        template="label_decision",
        context={"association": association, "decision": decision, "LabelStatus": LabelStatus},
        # The association's contact reads French, whatever the ministry's screen shows.
        language=settings.LANGUAGE_CODE,
    )
