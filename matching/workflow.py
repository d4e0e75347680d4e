"""A pair's changes as people live them: each change, then the people concerned are told.

Each function locks the pair's row first, so that a double click or two people answering at
the same moment act one after the other, on the pair as the other left it.
"""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mentorat.notifications.services import message_send
from mentorat.states import InvalidTransition
from programmes.models import MentorProfile, YouthProfile

from .enums import PairStatus
from .models import Pair


def _locked(pair: Pair) -> Pair:
    return (
        Pair.objects.select_for_update(of=("self",))
        .select_related("programme__association", "youth__user", "mentor__user")
        .get(pk=pair.pk)
    )


def _tell_both(pair: Pair, event: str) -> None:
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
            },
            recipient=person.user,
            # The people are told in the programme's language, not the one staff browse in.
            language=settings.LANGUAGE_CODE,
        )


def check_still_allowed(pair: Pair, today: date | None = None) -> None:
    """The rules a proposal met when it was made may have changed since: check them again
    before sending it and before starting the pair, through the same QuerySet rules as the
    batch loader (one query each for the youth and the mentor)."""
    today = today or timezone.localdate()
    if not pair.programme.association.is_labelled:
        raise InvalidTransition(_("L’association n’est plus labellisée : pas de nouveau binôme."))
    youth = YouthProfile.objects.with_is_minor(today).with_is_matchable(today).get(pk=pair.youth_id)
    mentor = (
        MentorProfile.objects.matchable(today)
        .with_valid_attestation(today)
        .filter(pk=pair.mentor_id)
        .first()
    )
    if not youth.matchable or mentor is None:
        raise InvalidTransition(
            _("Le jeune ou le mentor n’est plus prêt pour la mise en relation.")
        )
    if youth.minor and not mentor.attestation_valid:
        raise InvalidTransition(
            _("Le jeune est mineur et l’attestation d’honorabilité du mentor n’est plus valide.")
        )


@transaction.atomic
def pair_approve(*, pair: Pair, by) -> Pair:
    pair = _locked(pair)
    check_still_allowed(pair)
    pair.approve(by=by)
    _tell_both(pair, "proposed")
    return pair


@transaction.atomic
def pair_reject(*, pair: Pair, by, reason: str) -> Pair:
    pair = _locked(pair)
    pair.reject(by=by, reason=reason)
    return pair


@transaction.atomic
def pair_answer(*, pair: Pair, by, accepted: bool, reason: str = "") -> Pair:
    pair = _locked(pair)
    if accepted:
        check_still_allowed(pair)
    pair.answer(by=by, accepted=accepted, reason=reason)
    if pair.status == PairStatus.ACTIVE:
        _tell_both(pair, "started")
    elif pair.status == PairStatus.DECLINED:
        _tell_both(pair, "declined")
    return pair


@transaction.atomic
def pair_expire(*, pair: Pair) -> bool:
    """Expire one overdue proposal; False when it was answered or expired meanwhile."""
    locked = Pair.objects.select_for_update(of=("self",)).filter(pk=pair.pk).overdue().first()
    if locked is None:
        return False
    locked.expire()
    _tell_both(locked, "expired")
    return True
