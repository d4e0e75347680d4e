"""Meetings on the pair's page: the mentor logs one, the youth confirms it or says it did not
happen; either plans the next one, cancels it, adds it to their calendar (.ics)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mentorat.states import InvalidTransition

from ..calendar import planned_meeting_ics
from ..enums import PairStatus
from ..forms import MeetingAnswerForm, MeetingLogForm, PlanForm
from ..models import Meeting, PlannedMeeting
from ..notify import tell_other_about_planned, tell_referent_about_meeting
from .pair import pair_and_viewer, pair_url


def add_model_errors(form, error: ValidationError) -> None:
    """A model's refusal, by field when it says which, next to that field."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def initial_date(request, today) -> datetime.date:
    try:
        return datetime.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return today


@require_http_methods(["GET", "POST"])
def meeting_log(request, pk):
    pair, viewer = pair_and_viewer(request, pk)
    if not viewer.is_mentor:
        raise PermissionDenied
    if pair.status != PairStatus.ACTIVE:
        messages.error(request, _("Ce binôme n’est plus en cours : pas de rencontre à noter."))
        return redirect(pair_url(pair))
    today = timezone.localdate()
    form = MeetingLogForm(
        data=request.POST or None,
        pair=pair,
        today=today,
        initial={"held_on": initial_date(request, today), "duration_minutes": 90},
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = Meeting.log(pair=pair, by=request.user, today=today, **form.cleaned_data)
        except ValidationError as error:
            add_model_errors(form, error)
        except InvalidTransition as refusal:
            form.add_error(None, refusal.message)
        else:
            if meeting.alert_referent:
                tell_referent_about_meeting(meeting, disputed=False)
            messages.success(
                request,
                _("Rencontre du %(date)s notée. Le jeune va la confirmer.")
                % {"date": meeting.held_on.strftime("%d/%m/%Y")},
            )
            return redirect(pair_url(pair))
    return render(
        request,
        "matching/meeting_log.html",
        {"pair": pair, "viewer": viewer, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def meeting_answer(request, pk, meeting_pk):
    pair, viewer = pair_and_viewer(request, pk)
    meeting = get_object_or_404(pair.meetings.all(), pk=meeting_pk)
    meeting.pair = pair
    if not viewer.is_youth:
        raise PermissionDenied
    if pair.status != PairStatus.ACTIVE:
        messages.error(request, _("Ton binôme est terminé : les rencontres ne changent plus."))
        return redirect(pair_url(pair))
    initial = {}
    if meeting.youth_confirmation:
        initial = {
            "happened": "yes" if meeting.is_confirmed else "no",
            "youth_note": meeting.youth_note,
        }
    form = MeetingAnswerForm(data=request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting.answer(
                by=request.user,
                happened=form.cleaned_data["happened"],
                note=form.cleaned_data["youth_note"],
            )
        except ValidationError as error:
            add_model_errors(form, error)
        except InvalidTransition as refusal:
            form.add_error(None, refusal.message)
        else:
            if not form.cleaned_data["happened"]:
                tell_referent_about_meeting(meeting, disputed=True)
            messages.success(
                request,
                _("Merci, c’est noté.")
                if form.cleaned_data["happened"]
                else _("C’est noté : ton référent va le lire."),
            )
            return redirect(pair_url(pair))
    return render(
        request,
        "matching/meeting_answer.html",
        {"pair": pair, "viewer": viewer, "meeting": meeting, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def meeting_plan(request, pk):
    pair, viewer = pair_and_viewer(request, pk)
    if not (viewer.is_youth or viewer.is_mentor):
        raise PermissionDenied
    if pair.status != PairStatus.ACTIVE:
        messages.error(request, _("Seul un binôme en cours planifie ses rencontres."))
        return redirect(pair_url(pair))
    now = timezone.now()
    form = PlanForm(data=request.POST or None, now=now, youth=viewer.is_youth)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            planned = PlannedMeeting.plan(
                pair=pair,
                by=request.user,
                starts_at=data["starts_at"],
                place=data["place"],
                video_link=data["video_link"],
                duration_minutes=data["duration_minutes"],
                now=now,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "starts_at" in error.error_dict:
                error = ValidationError({"day": error.error_dict["starts_at"]})
            add_model_errors(form, error)
        except InvalidTransition as refusal:
            form.add_error(None, refusal.message)
        else:
            tell_other_about_planned(planned, by=request.user)
            messages.success(
                request,
                _("Rencontre planifiée. Ajoute-la à ton agenda avec le fichier .ics.")
                if viewer.is_youth
                else _("Rencontre planifiée. Ajoutez-la à votre agenda avec le fichier .ics."),
            )
            return redirect(pair_url(pair) + "#planned")
    return render(
        request,
        "matching/meeting_plan.html",
        {"pair": pair, "viewer": viewer, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def planned_of(pair, planned_pk):
    planned = get_object_or_404(pair.planned_meetings.all(), pk=planned_pk)
    planned.pair = pair
    return planned


@require_POST
def planned_cancel(request, pk, planned_pk):
    pair, viewer = pair_and_viewer(request, pk)
    planned = planned_of(pair, planned_pk)
    if planned.cancelled_at is None:
        try:
            planned.cancel(by=request.user)
        except InvalidTransition as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Rencontre annulée."))
    return redirect(pair_url(pair))


@require_GET
def planned_ics(request, pk, planned_pk):
    pair, viewer = pair_and_viewer(request, pk)
    planned = planned_of(pair, planned_pk)
    response = HttpResponse(
        planned_meeting_ics(planned, url=request.build_absolute_uri(pair_url(pair))),
        content_type="text/calendar; charset=utf-8",
    )
    filename = f"rencontre-{timezone.localtime(planned.starts_at):%Y-%m-%d}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
