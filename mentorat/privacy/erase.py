"""Erasure (RGPD, article 17): names and free text go, what the figures count stays.

An erased person's account remains, anonymised and unusable, so that their pairs, meetings
and sign-up still count in the programme's figures: the département, the birth year, the
situation and the states stay; names, addresses, phone, words they or others wrote about
them go. An open pair ends (its other person and the association see why).
"""

import datetime

from allauth.account.models import EmailAddress
from django.apps import apps
from django.db import models, transaction
from django.utils import timezone

from evaluations.models import ClosureEvaluation, FollowUpNote, MeetingEvaluation
from evaluations.models.questionnaires import Answer
from matching.enums import ClosureReason, PairStatus
from matching.models import Meeting, Objective, Pair, PairEvent
from mentorat.events import person_erased
from mentorat.notifications.models import Message, Notification
from programmes.models import MentorProfile, ParentalConsent, StaffMembership, YouthProfile

from .models import ClearedPair, Erasure, ErasureCause

ERASED_DOMAIN = "efface.invalid"
ERASED_TEXT = "[effacé]"
# Why an erased person's open pair stopped, as its other person and staff read it.
ERASED_REASON = "Compte effacé à la demande de la personne (RGPD)."


def erased_email(user) -> str:
    return f"efface-{user.pk}@{ERASED_DOMAIN}"


def pairs_of(user):
    return Pair.objects.filter(models.Q(youth__user=user) | models.Q(mentor__user=user))


def _end_open_pairs(user, *, now):
    for pair in pairs_of(user).open().select_related("youth", "mentor"):
        if pair.status == PairStatus.PROPOSED:
            pair.reject(by=user, reason=ERASED_REASON)
        elif pair.status == PairStatus.APPROVED:
            pair.answer(by=user, accepted=False, reason=ERASED_REASON, now=now)
        else:
            reason = (
                ClosureReason.YOUTH_WITHDREW
                if pair.youth.user_id == user.pk
                else ClosureReason.MENTOR_UNAVAILABLE
            )
            pair.end_early(by=user, reason=reason, details=ERASED_REASON, now=now)


def pair_notes_clear(pairs) -> None:
    """The free text written in and about these pairs goes; states, dates and counts stay."""
    pair_ids = list(pairs.values_list("pk", flat=True))
    Pair.objects.filter(pk__in=pair_ids).update(closure_details="")
    PairEvent.objects.filter(pair__in=pair_ids).exclude(reason="").update(reason=ERASED_TEXT)
    Meeting.objects.filter(pair__in=pair_ids).update(
        shared_note="", private_note="", youth_note="", topics_other=""
    )
    MeetingEvaluation.objects.filter(meeting__pair__in=pair_ids).update(comment="")
    ClosureEvaluation.objects.filter(pair__in=pair_ids).update(comment="")
    FollowUpNote.objects.filter(pair__in=pair_ids).update(summary=ERASED_TEXT, action="")
    Answer.objects.filter(response__pair__in=pair_ids).exclude(text="").update(text="")
    Objective.objects.filter(pair__in=pair_ids).update(text=ERASED_TEXT)
    apps.get_model("matching", "ObjectiveChange").objects.filter(
        objective__pair__in=pair_ids
    ).update(text=ERASED_TEXT)


@transaction.atomic
def person_erase(*, user, cause: ErasureCause = ErasureCause.REQUEST, now=None) -> Erasure:
    """Anonymise this person everywhere; idempotent (an erased account is erased once)."""
    existing = Erasure.objects.filter(user=user).first()
    if existing is not None:
        return existing
    now = now or timezone.now()
    _end_open_pairs(user, now=now)
    pair_notes_clear(pairs_of(user))
    ClearedPair.objects.bulk_create(
        [ClearedPair(pair=pair, at=now) for pair in pairs_of(user).closed()],
        ignore_conflicts=True,
    )

    for youth in YouthProfile.objects.filter(user=user):
        # The birth year stays for the figures by age, the day goes.
        youth.birth_date = datetime.date(youth.birth_date.year, 1, 1)
        youth.phone = youth.expectations = ""
        # A refusal is always motivated (a database rule): its words go, the fact stays.
        youth.status_reason = ERASED_TEXT if youth.status_reason else ""
        youth.postal_code = "00000"
        youth.possible_duplicate_of = None
        youth.save()
        ParentalConsent.objects.filter(youth=youth).update(
            guardian_name="",
            guardian_email=f"parent-{youth.pk}@{ERASED_DOMAIN}",
            signed_name="",
            reopen_reason="",
        )
        YouthProfile.objects.filter(possible_duplicate_of=youth).update(possible_duplicate_of=None)
    MentorProfile.objects.filter(user=user).update(
        phone="", profession=ERASED_TEXT, postal_code="00000"
    )
    MentorProfile.objects.filter(user=user).exclude(status_reason="").update(
        status_reason=ERASED_TEXT
    )
    StaffMembership.objects.filter(user=user).delete()
    Message.objects.filter(
        models.Q(recipient=user) | models.Q(to_email__iexact=user.email)
    ).delete()
    Notification.objects.filter(
        models.Q(recipient=user) | models.Q(email__iexact=user.email)
    ).delete()
    EmailAddress.objects.filter(user=user).delete()
    if apps.is_installed("allauth.mfa"):
        apps.get_model("mfa", "Authenticator").objects.filter(user=user).delete()

    user.first_name = user.last_name = ""
    user.email = erased_email(user)
    user.is_active = False
    user.set_unusable_password()
    user.save()
    erasure = Erasure.objects.create(user=user, at=now, cause=cause)
    person_erased.send(sender=type(user), user=user)
    return erasure
