"""The sensitive records whose changes the audit trail keeps, and to whom each belongs.

django-auditlog follows these models and writes an entry for each change of the listed
fields. Free text (a refusal's reason, notes) is left out: the trail says who decided what
and when; the words stay in the record, where the retention rules remove them.
"""

from dataclasses import dataclass
from typing import Any

from auditlog.registry import auditlog
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.utils.translation import gettext_lazy as _

from matching.models import Pair
from mentorat.accounts.models import User
from programmes.models import (
    Association,
    LabelDecision,
    MentorProfile,
    ParentalConsent,
    Programme,
    StaffInvitation,
    StaffMembership,
    YouthProfile,
)


def _programme_association(programme_id) -> int | None:
    if programme_id is None:
        return None
    return (
        Programme.objects.filter(pk=programme_id).values_list("association_id", flat=True).first()
    )


def _participant_association(instance) -> int | None:
    cached = instance._state.fields_cache.get("programme")
    if cached is not None:
        return cached.association_id
    return _programme_association(instance.programme_id)


def _consent_association(consent) -> int | None:
    return (
        YouthProfile.objects.filter(pk=consent.youth_id)
        .values_list("programme__association_id", flat=True)
        .first()
    )


@dataclass(frozen=True)
class Tracked:
    model: type
    fields: tuple[str, ...]
    # The association the record belongs to (None: a national record, for the ministry).
    association: Any
    # How the trail names the record: a number, never a person's name (the trail outlives
    # an erased account; the page links to the record, which says who it is).
    noun: Any


TRACKED = (
    Tracked(
        YouthProfile,
        ("status", "programme", "reviewed_by", "parental_consent_given_at"),
        _participant_association,
        _("Jeune"),
    ),
    Tracked(
        MentorProfile,
        (
            "status",
            "programme",
            "reviewed_by",
            "referent",
            "attestation_date",
            "attestation_checked_by",
            "attestation_checked_at",
        ),
        _participant_association,
        _("Mentor"),
    ),
    Tracked(
        ParentalConsent,
        ("decision", "decided_at", "requested_by", "expires_at"),
        _consent_association,
        _("Accord parental"),
    ),
    Tracked(
        Pair,
        (
            "status",
            "youth_answer",
            "mentor_answer",
            "started_on",
            "ended_at",
            "closure_reason",
            "closure_requested_by",
            "rematch_requested_by",
        ),
        _participant_association,
        _("Binôme"),
    ),
    Tracked(
        LabelDecision,
        ("status", "decided_by", "campaign_year", "funding_euros"),
        lambda decision: decision.association_id,
        _("Décision de label"),
    ),
    Tracked(
        Association, ("label_status", "name"), lambda association: association.pk, _("Association")
    ),
    Tracked(
        StaffMembership,
        ("user", "association", "role"),
        lambda membership: membership.association_id,
        _("Membre d’équipe"),
    ),
    Tracked(
        StaffInvitation,
        ("role", "invited_by", "accepted_at"),
        lambda invitation: invitation.association_id,
        _("Invitation"),
    ),
    Tracked(
        User, ("role", "is_active", "is_staff", "is_superuser"), lambda user: None, _("Compte")
    ),
    # What the administration site did, as Django's admin log writes it.
    Tracked(
        AdminLogEntry,
        ("action_flag", "content_type", "object_id"),
        lambda entry: None,
        _("Action admin"),
    ),
)

BY_MODEL = {tracked.model: tracked for tracked in TRACKED}


def register_all() -> None:
    for tracked in TRACKED:
        auditlog.register(tracked.model, include_fields=list(tracked.fields))


def association_id_of(instance) -> int | None:
    tracked = BY_MODEL.get(instance._meta.concrete_model)
    return tracked.association(instance) if tracked else None


def name_of(instance) -> str:
    """The record as the trail names it: "Jeune n° 42"."""
    tracked = BY_MODEL.get(instance._meta.concrete_model)
    noun = tracked.noun if tracked else instance._meta.verbose_name
    return f"{noun} n° {instance.pk}"
