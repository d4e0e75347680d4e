"""One youth's best mentors, for staff who then propose one by hand (``pair_propose``)."""

import numpy as np
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from programmes.access import staff_required
from programmes.models import MentorProfile, YouthProfile

from ..engine import (
    UnmatchedReason,
    suggest_mentors,
)
from ..engine.reasons import unmatched_reasons
from ..explanations import explanation_lines, main_need, unmatched_reason_text
from ..population import available_mentors, load_mentees, load_mentors
from ..services import ProposalRefused, pair_propose, weights_of, why_not_matchable

SUGGESTIONS = 10


def youth_of_staff(request, slug, pk) -> YouthProfile:
    youths = YouthProfile.objects.staffed_by(request.user).select_related(
        "user", "programme__association", "departement"
    )
    return get_object_or_404(youths, programme__association__slug=slug, pk=pk)


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
            youth_arrays.record(0),
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
        pair = pair_propose(youth=youth, mentor=mentor)
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
