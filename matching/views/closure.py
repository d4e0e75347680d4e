"""The end of a pair: "objectifs atteints" asked by the youth or the mentor and confirmed by
staff; an early end by any of them with a reason; a new mentor asked for an ended-early youth.
The model's methods decide; their refusals are shown, never swallowed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mentorat.states import InvalidTransition

from ..enums import PairStatus
from ..forms import CompletionConfirmForm, EndEarlyForm
from .pair import pair_and_viewer, pair_url, pairs_of


def locked(request, pk):
    """The pair, its row locked for the length of the request's transaction."""
    queryset = pairs_of(request.user).select_for_update(of=("self",))
    return pair_and_viewer(request, pk, queryset=queryset)


@require_POST
@transaction.atomic
def completion_request(request, pk):
    pair, viewer = locked(request, pk)
    if not (viewer.is_youth or viewer.is_mentor):
        raise PermissionDenied
    try:
        pair.request_completion(by=request.user)
    except InvalidTransition as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("Clôture demandée : ton référent va la confirmer.")
            if viewer.is_youth
            else _("Clôture demandée : le référent va la confirmer."),
        )
    return redirect(pair_url(pair) + "#closure")


@require_http_methods(["GET", "POST"])
@transaction.atomic
def completion_confirm(request, pk):
    pair, viewer = locked(request, pk)
    if not viewer.is_staff:
        raise PermissionDenied
    if not pair.completion_requested:
        messages.error(
            request, _("La clôture « objectifs atteints » est demandée par le jeune ou le mentor.")
        )
        return redirect(pair_url(pair))
    form = CompletionConfirmForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pair.complete(by=request.user, details=form.cleaned_data["details"])
        except InvalidTransition as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request,
                _(
                    "Mentorat clôturé : objectifs atteints. Le jeune et le mentor sont invités "
                    "à remplir le questionnaire de fin et leur bilan."
                ),
            )
            return redirect(pair_url(pair))
    objectives = pair.objectives.all()
    return render(
        request,
        "matching/completion_confirm.html",
        {"pair": pair, "viewer": viewer, "form": form, "objectives": objectives},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@transaction.atomic
def end_early(request, pk):
    pair, viewer = locked(request, pk)
    if pair.status != PairStatus.ACTIVE:
        messages.error(request, _("Ce binôme n’est plus en cours."))
        return redirect(pair_url(pair))
    form = EndEarlyForm(data=request.POST or None, youth=viewer.is_youth)
    if request.method == "POST" and form.is_valid():
        try:
            pair.end_early(by=request.user, **form.cleaned_data)
        except InvalidTransition as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request,
                _("Ton mentorat est arrêté. Tu peux demander un nouveau mentor.")
                if viewer.is_youth
                else _("Le mentorat est arrêté. Le jeune peut demander un nouveau mentor."),
            )
            return redirect(pair_url(pair))
    return render(
        request,
        "matching/end_early.html",
        {"pair": pair, "viewer": viewer, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@transaction.atomic
def rematch(request, pk):
    pair, viewer = locked(request, pk)
    if not (viewer.is_youth or viewer.is_staff):
        raise PermissionDenied
    try:
        pair.request_rematch(by=request.user)
    except InvalidTransition as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("C’est demandé : l’association va te proposer un nouveau mentor.")
            if viewer.is_youth
            else _("C’est demandé : le jeune revient parmi ceux à mettre en relation."),
        )
    return redirect(pair_url(pair))
