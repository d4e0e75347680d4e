"""Vetting: an association's decision on a youth or a mentor, and the email that tells them."""

from collections.abc import Callable

from django.conf import settings
from django.db import transaction

from mentorat.notifications.services import message_send
from mentorat.states import InvalidTransition

from .models import MentorProfile
from .models.participants import Participant

# Why someone may not be refused now, as apps above this one know it (matching registers "a
# pair under way" when it starts): each check returns a sentence, or None.
REJECTION_BLOCKERS: list[Callable[[Participant], str | None]] = []


def block_rejection(check: Callable[[Participant], str | None]):
    """Register a check run before a refusal; programmes itself never reads the other apps."""
    REJECTION_BLOCKERS.append(check)
    return check


@transaction.atomic
def participant_approve(*, participant: Participant, by, dashboard_url: str) -> Participant:
    """Ready for matching; the person is told what happens next."""
    participant = _locked(participant)
    participant.approve(by=by)
    _tell(participant, template="review_approved", dashboard_url=dashboard_url)
    return participant


@transaction.atomic
def participant_reject(
    *, participant: Participant, by, reason: str, dashboard_url: str
) -> Participant:
    """Refused with a reason, which the person reads in the email. Someone with a pair or a
    proposal under way is not refused: the pair is closed or declined first."""
    participant = _locked(participant)
    for check in REJECTION_BLOCKERS:
        blocker = check(participant)
        if blocker:
            raise InvalidTransition(blocker)
    participant.reject(by=by, reason=reason)
    _tell(participant, template="review_rejected", dashboard_url=dashboard_url)
    return participant


def _locked(participant: Participant) -> Participant:
    """The row locked, so a double click decides once (the second sees the first's result)."""
    return (
        type(participant)
        .objects.select_for_update(of=("self",))
        .select_related("user", "programme__association")
        .get(pk=participant.pk)
    )


def _tell(participant: Participant, *, template: str, dashboard_url: str) -> None:
    user = participant.user
    message_send(
        # One message per decision: the decision's time tells two decisions apart.
        key=(
            f"{template}:{participant._meta.model_name}-{participant.pk}:"
            f"{participant.reviewed_at.isoformat()}"
        ),
        to_email=user.email,
        template=template,
        context={
            "first_name": user.first_name,
            "is_mentor": isinstance(participant, MentorProfile),
            "may_mentor_minors": isinstance(participant, MentorProfile)
            and participant.has_valid_attestation(),
            "association_name": participant.association.name if participant.association else "",
            "reason": participant.status_reason,
            "dashboard_url": dashboard_url,
        },
        recipient=user,
        # The person's own language is not known: the programme's language, not the staff's.
        language=settings.LANGUAGE_CODE,
    )
