"""The youth and the mentor evaluate each meeting, and their mentoring at closure; the
association's staff read both evaluations; the mentor reads the youth's, without the comment
unless the youth shared it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from programmes.models import InvalidTransition

from ..enums import EvaluatorRole
from ..forms.meetings import ClosureEvaluationForm, MeetingEvaluationForm
from ..models import ClosureEvaluation, MeetingEvaluation, evaluator_role
from ..notify import tell_referent_about_fit
from .questionnaires import readable_pair


def back_to_pair(pair, role=None) -> str:
    """The pair's page, for everyone who may read it."""
    return reverse("matching:pair", args=[pair.pk])


def visible_evaluations(evaluations, role):
    """What this person may read of the evaluations: everything for staff (role None), their
    own and the other's rating for the mentor (the youth's comment only if shared), their own
    for the youth."""
    shown = []
    for evaluation in evaluations:
        if role is None or evaluation.role == role:
            shown.append((evaluation, True))
        elif role == EvaluatorRole.MENTOR:
            shown.append((evaluation, evaluation.comment_shared))
    return shown


@require_http_methods(["GET", "POST"])
def meeting_evaluation(request, pk, meeting_pk):
    pair = readable_pair(request, pk)
    meeting = get_object_or_404(pair.meetings.all(), pk=meeting_pk)
    meeting.pair = pair
    role = evaluator_role(pair, request.user)
    evaluations = list(meeting.evaluations.all())
    mine = next((evaluation for evaluation in evaluations if evaluation.role == role), None)
    context = {
        "pair": pair,
        "back_url": back_to_pair(pair, role),
        "meeting": meeting,
        "role": role,
        "evaluations": visible_evaluations(evaluations, role),
    }
    refusal = MeetingEvaluation.refusal(meeting, request.user) if role else ""
    if role is None or mine is not None or refusal:
        if request.method == "POST":
            if role is None:
                raise PermissionDenied
            messages.error(request, refusal or _("Cette rencontre est déjà évaluée."))
            return redirect("evaluations:meeting_evaluation", pk=pair.pk, meeting_pk=meeting.pk)
        context["refusal"] = refusal if mine is None else ""
        return render(request, "evaluations/meeting_evaluation.html", context)

    asks_fit = MeetingEvaluation.asks_fit(meeting, role)
    form = MeetingEvaluationForm(data=request.POST or None, role=role, asks_fit=asks_fit)
    if request.method == "POST" and form.is_valid():
        try:
            evaluation = MeetingEvaluation.record(
                meeting=meeting, by=request.user, **form.cleaned_data
            )
        except InvalidTransition as refusal:
            messages.error(request, refusal.message)
            return redirect("evaluations:meeting_evaluation", pk=pair.pk, meeting_pk=meeting.pk)
        if evaluation.fit:
            tell_referent_about_fit(evaluation)
        messages.success(
            request,
            _("Merci, ton avis est enregistré.")
            if role == EvaluatorRole.YOUTH
            else _("Merci, votre avis est enregistré."),
        )
        return redirect("evaluations:meeting_evaluation", pk=pair.pk, meeting_pk=meeting.pk)
    context.update(form=form, asks_fit=asks_fit)
    status = 400 if request.method == "POST" else 200
    return render(request, "evaluations/meeting_evaluation_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def closure_evaluation(request, pk):
    pair = readable_pair(request, pk)
    role = evaluator_role(pair, request.user)
    evaluations = list(pair.closure_evaluations.all())
    mine = next((evaluation for evaluation in evaluations if evaluation.role == role), None)
    context = {"pair": pair, "role": role, "back_url": back_to_pair(pair, role)}
    if role is None or mine is not None or not ClosureEvaluation.is_open(pair):
        if request.method == "POST":
            if role is None:
                raise PermissionDenied
            return redirect("evaluations:closure_evaluation", pk=pair.pk)
        # Staff read both; each of the two their own.
        context["evaluations"] = [e for e in evaluations if role is None or e.role == role]
        context["not_open"] = not ClosureEvaluation.is_open(pair)
        return render(request, "evaluations/closure_evaluation.html", context)
    form = ClosureEvaluationForm(data=request.POST or None, role=role)
    if request.method == "POST" and form.is_valid():
        try:
            ClosureEvaluation.record(pair=pair, by=request.user, **form.cleaned_data)
        except InvalidTransition as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request,
                _("Merci pour ton bilan.")
                if role == EvaluatorRole.YOUTH
                else _("Merci pour votre bilan."),
            )
        return redirect("evaluations:closure_evaluation", pk=pair.pk)
    context["form"] = form
    status = 400 if request.method == "POST" else 200
    return render(request, "evaluations/closure_evaluation_form.html", context, status=status)
