"""One youth's best mentors, for staff who then propose one by hand."""

import numpy as np
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from programmes.access import staff_required
from programmes.enums import ParticipantStatus
from programmes.models import MentorProfile, YouthProfile

from ..engine import (
    DEPARTEMENT_CODES,
    NO_SECTOR,
    UNKNOWN_GENDER,
    Format,
    Gender,
    Language,
    Mentee,
    MenteeArrays,
    Need,
    Slot,
    UnmatchedReason,
    explain_pair,
    suggest_mentors,
)
from ..engine.reasons import unmatched_reasons
from ..explanations import broken_rule_text, explanation_lines, main_need, unmatched_reason_text
from ..models import Pair
from ..population import available_mentors, load_mentees, load_mentors
from ..services import ProposalRefused, explanation_as_json, pair_propose, weights_of

SUGGESTIONS = 10


def youth_of_staff(request, slug, pk) -> YouthProfile:
    youths = YouthProfile.objects.staffed_by(request.user).select_related(
        "user", "programme__association", "departement"
    )
    return get_object_or_404(youths, programme__association__slug=slug, pk=pk)


def mentee_of(arrays: MenteeArrays) -> Mentee:
    """The one youth of ``arrays`` as the engine's record, read as a batch reads it."""
    sector, gender = int(arrays.sector[0]), int(arrays.gender[0])
    return Mentee(
        id=int(arrays.ids[0]),
        departement=DEPARTEMENT_CODES[arrays.departement[0]],
        needs=Need.members_of(int(arrays.needs[0])),
        sector=None if sector == NO_SECTOR else sector,
        format=list(Format)[arrays.format[0]],
        availability=Slot.members_of(int(arrays.availability[0])),
        languages=Language.members_of(int(arrays.languages[0])),
        gender=None if gender == UNKNOWN_GENDER else list(Gender)[gender],
        same_gender_only=bool(arrays.same_gender_only[0]),
        is_minor=bool(arrays.is_minor[0]),
        matchable=bool(arrays.matchable[0]),
    )


def why_not_matchable(youth: YouthProfile) -> str | None:
    """Why this youth cannot be proposed a mentor now, in a sentence; None if they can."""
    if youth.status != ParticipantStatus.READY:
        return _("Ce jeune n’est pas prêt pour la mise en relation (inscription : %(status)s).") % {
            "status": youth.get_status_display()
        }
    if youth.needs_parental_consent and not youth.has_parental_consent:
        return _(
            "Ce jeune a moins de 15 ans et l’accord d’un parent n’est pas enregistré : "
            "il ne peut pas encore être mis en relation."
        )
    open_pair = youth.pairs.open().select_related("mentor__user").first()
    if open_pair is not None:
        return _("Ce jeune a déjà un binôme avec %(mentor)s (%(status)s).") % {
            "mentor": open_pair.mentor.user,
            "status": open_pair.get_status_display(),
        }
    if youth.pairs.finished_without_rematch().exists():
        return _(
            "Le mentorat de ce jeune est terminé. S’il a été arrêté avant terme, le jeune (ou "
            "l’association) peut demander un nouveau mentor depuis la page du binôme."
        )
    return None


@staff_required
@require_GET
def suggestions(request, slug, pk):
    youth = youth_of_staff(request, slug, pk)
    context = {
        "association": youth.programme.association,
        "programme": youth.programme,
        "youth": youth,
        "not_matchable": why_not_matchable(youth),
        "suggestions": [],
        "no_suggestion_reason": None,
    }
    if context["not_matchable"] is None:
        youth_arrays = load_mentees(YouthProfile.objects.filter(pk=youth.pk))
        mentors = load_mentors(available_mentors([youth.programme]))
        found = suggest_mentors(
            mentee_of(youth_arrays),
            mentors,
            weights=weights_of(youth.programme),
            excluded_mentor_ids=youth.pairs.values_list("mentor_id", flat=True),
            limit=SUGGESTIONS,
        )
        profiles = MentorProfile.objects.select_related("user", "departement").in_bulk(
            [suggestion.mentor_id for suggestion in found]
        )
        context["suggestions"] = [
            {
                "mentor": profiles[suggestion.mentor_id],
                "score": suggestion.score,
                "lines": explanation_lines(suggestion.explanation),
            }
            for suggestion in found
        ]
        if not found:
            context["no_suggestion_reason"] = no_suggestion_reason(youth_arrays, mentors)
    return render(request, "matching/suggestions.html", context)


def no_suggestion_reason(youth_arrays, mentors) -> str:
    """Why a youth has no candidate at all, as the batch would tell it."""
    position = unmatched_reasons(youth_arrays, mentors, np.array([0]), np.array([0]))[0]
    return unmatched_reason_text(
        list(UnmatchedReason)[position], need=main_need(int(youth_arrays.needs[0]))
    )


@staff_required
@require_POST
def propose(request, slug, pk, mentor_pk):
    youth = youth_of_staff(request, slug, pk)
    mentor = get_object_or_404(
        MentorProfile.objects.staffed_by(request.user).filter(programme=youth.programme_id),
        pk=mentor_pk,
    )
    try:
        pair = propose_by_hand(youth, mentor)
    except ProposalRefused as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect("matching:suggestions", slug=slug, pk=youth.pk)
    messages.success(
        request,
        _(
            "Proposition enregistrée : %(youth)s avec %(mentor)s. Validez-la pour l’envoyer "
            "à l’un et à l’autre."
        )
        % {"youth": youth.user, "mentor": mentor.user},
    )
    return redirect("matching:proposals", slug=slug, programme_slug=pair.programme.slug)


def propose_by_hand(youth: YouthProfile, mentor: MentorProfile) -> Pair:
    """Check the pair against the batch's hard rules, then hold the mentor's place."""
    refusal = why_not_matchable(youth)
    if refusal:
        raise ProposalRefused(refusal)
    if youth.pairs.filter(mentor=mentor).exists():
        raise ProposalRefused(_("Ce jeune et ce mentor ont déjà été proposés l’un à l’autre."))
    mentors = load_mentors(available_mentors([youth.programme]).filter(pk=mentor.pk))
    if not len(mentors):
        raise ProposalRefused(
            _(
                "Ce mentor n’est pas disponible : son inscription n’est pas validée ou il n’a "
                "plus de place libre."
            )
        )
    youth_arrays = load_mentees(YouthProfile.objects.filter(pk=youth.pk))
    explanation = explain_pair(youth_arrays, 0, mentors, 0, weights_of(youth.programme))
    if not explanation.feasible:
        raise ProposalRefused(
            _("Cette proposition enfreint les règles : %(rules)s.")
            % {"rules": " ; ".join(broken_rule_text(rule) for rule in explanation.broken_rules)}
        )
    return pair_propose(
        youth=youth,
        mentor=mentor,
        score=round(explanation.score, 2),
        explanation=explanation_as_json(explanation),
    )
