"""Objectives on the pair's page: the youth and the mentor write 1 to 5 together (suggested
from the youth's needs), edit them and mark their progress; the other sees each change in the
timeline."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mentorat.states import InvalidTransition

from ..enums import ObjectiveStatus, PairStatus
from ..forms import ObjectiveForm, ObjectiveStatusForm
from ..models import MAX_OBJECTIVES, Objective, suggested_objectives
from .meetings import add_model_errors
from .pair import pair_and_viewer, pair_url, pairs_of


def writable(request, pk):
    pair, viewer = pair_and_viewer(request, pk)
    if not (viewer.is_youth or viewer.is_mentor):
        raise PermissionDenied
    return pair, viewer


@require_http_methods(["GET", "POST"])
def objective_add(request, pk):
    pair, viewer = writable(request, pk)
    if pair.status != PairStatus.ACTIVE:
        messages.error(request, _("Les objectifs ne changent que pendant le mentorat."))
        return redirect(pair_url(pair))
    existing = list(Objective.objects.filter(pair=pair))
    suggestions = [
        text for text in suggested_objectives(pair.youth) if text not in {o.text for o in existing}
    ]
    initial = {}
    if request.GET.get("suggestion", "").isdigit():
        index = int(request.GET["suggestion"])
        if index < len(suggestions):
            initial["text"] = suggestions[index]
    form = ObjectiveForm(data=request.POST or None, initial=initial, youth=viewer.is_youth)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                # The pair's row locked: two additions at once cannot make a sixth.
                locked = pairs_of(request.user).select_for_update(of=("self",)).get(pk=pair.pk)
                Objective.propose(pair=locked, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_model_errors(form, error)
        except InvalidTransition as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Objectif ajouté."))
            if request.POST.get("again") and len(existing) + 1 < MAX_OBJECTIVES:
                return redirect("matching:objective_add", pk=pair.pk)
            return redirect(pair_url(pair) + "#objectives")
    return render(
        request,
        "matching/objective_form.html",
        {
            "pair": pair,
            "viewer": viewer,
            "form": form,
            "objectives": existing,
            "suggestions": suggestions,
            "adding": True,
            "max_objectives": MAX_OBJECTIVES,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def objective_edit(request, pk, objective_pk):
    pair, viewer = writable(request, pk)
    objective = get_object_or_404(Objective.objects.filter(pair=pair), pk=objective_pk)
    objective.pair = pair
    if pair.status != PairStatus.ACTIVE:
        messages.error(request, _("Les objectifs ne changent que pendant le mentorat."))
        return redirect(pair_url(pair))
    posted = request.POST if request.method == "POST" else None
    status_post = posted is not None and "status" in posted
    form = ObjectiveForm(
        data=None if status_post else posted,
        initial={"text": objective.text, "target_date": objective.target_date},
        youth=viewer.is_youth,
    )
    status_form = ObjectiveStatusForm(
        data=posted if status_post else None, initial={"status": objective.status}
    )
    bound = status_form if status_post else form
    if posted is not None and bound.is_valid():
        try:
            if status_post:
                objective.set_status(
                    by=request.user, status=ObjectiveStatus(status_form.cleaned_data["status"])
                )
            else:
                objective.edit(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_model_errors(bound, error)
        except InvalidTransition as refusal:
            bound.add_error(None, refusal.message)
        else:
            messages.success(request, _("Objectif mis à jour."))
            return redirect(pair_url(pair) + "#objectives")
    return render(
        request,
        "matching/objective_form.html",
        {
            "pair": pair,
            "viewer": viewer,
            "objective": objective,
            "form": form,
            "status_form": status_form,
            "adding": False,
        },
        status=400 if posted is not None else 200,
    )
