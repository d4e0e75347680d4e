"""A pair's changes as people live them: each change, then the people concerned are told."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from mentorat.notifications.services import message_send

from .models import Pair


def _tell_both(pair: Pair, event: str, **context) -> None:
    for person, other in ((pair.youth, pair.mentor), (pair.mentor, pair.youth)):
        message_send(
            key=f"pair-{pair.pk}:{event}:user-{person.user_id}",
            to_email=person.user.email,
            template=f"pair_{event}",
            context={
                "pair": pair,
                "person": person.user,
                "other": other.user,
                "is_youth": person == pair.youth,
                "space_url": settings.SITE_URL + reverse("matching:my_pairs"),
                **context,
            },
            recipient=person.user,
        )


@transaction.atomic
def pair_approve(*, pair: Pair, by) -> Pair:
    pair.approve(by=by)
    _tell_both(pair, "proposed")
    return pair


@transaction.atomic
def pair_answer(*, pair: Pair, by, accepted: bool, reason: str = "") -> Pair:
    pair.answer(by=by, accepted=accepted, reason=reason)
    if pair.status == "active":
        _tell_both(pair, "started")
    elif pair.status == "declined":
        _tell_both(pair, "declined")
    return pair


@transaction.atomic
def pair_expire(*, pair: Pair) -> bool:
    """Expire one overdue proposal; False when it was answered or expired meanwhile."""
    locked = Pair.objects.select_for_update().filter(pk=pair.pk).overdue().first()
    if locked is None:
        return False
    locked.expire()
    _tell_both(locked, "expired")
    return True
