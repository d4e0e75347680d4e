"""The pair's page: one page per pair for its youth, its mentor, the mentor's referent and the
association's coordinators, each with their own view of it (matching.pair_page.viewer_of).

Who, since when, the objectives, the timeline, the cadence status with its due date, the next
steps of the person looking, and the sections the apps above add. Another's pair is a 404."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from .. import pair_page
from ..enums import CLOSED_PAIR_STATUSES, PairStatus
from ..models import MAX_OBJECTIVES, Objective, ObjectiveChange, Pair, PairEvent
from .pair_timeline import PairData, own_entries, own_steps


def pairs_of(user):
    """The pairs this person may open, once started (before, the proposal lives on "Mes
    binômes" and on the staff's lists). Closed pairs stay readable."""
    return (
        Pair.objects.visible_to(user)
        .filter(started_on__isnull=False)
        .select_related("programme__association", "youth__user", "mentor__user")
    )


def pair_and_viewer(request, pk, *, queryset=None):
    """The pair (404 if not this person's to see) and how they look at it."""
    pair = get_object_or_404(queryset if queryset is not None else pairs_of(request.user), pk=pk)
    viewer = pair_page.viewer_of(pair, request.user)
    if viewer is None:  # visible_to and viewer_of are the same rule; never trust one alone
        raise Http404
    return pair, viewer


def pair_url(pair) -> str:
    return reverse("matching:pair", args=[pair.pk])


def load(pair, today, now) -> PairData:
    objectives = list(
        Objective.objects.filter(pair=pair).prefetch_related(
            Prefetch("changes", queryset=ObjectiveChange.objects.select_related("by"))
        )
    )
    return PairData(
        meetings=list(pair.meetings.order_by("-held_on", "-pk")),
        objectives=objectives,
        changes=[change for objective in objectives for change in objective.changes.all()],
        planned=list(pair.planned_meetings.select_related("planned_by")),
        events=list(PairEvent.objects.filter(pair=pair).select_related("by")),
        cadence=pair.cadence(today),
        today=today,
        now=now,
    )


@require_GET
def pair_detail(request, pk):
    today, now = timezone.localdate(), timezone.now()
    pair, viewer = pair_and_viewer(
        request,
        pk,
        queryset=pairs_of(request.user)
        .with_cadence(today)
        .select_related("closure_requested_by", "mentor__referent"),
    )
    data = load(pair, today, now)
    entries = sorted(
        [*own_entries(pair, viewer, data), *pair_page.timeline_entries(pair, viewer)],
        key=lambda entry: entry.at,
        reverse=True,
    )
    steps = sorted(
        [*own_steps(pair, viewer, data), *pair_page.next_steps(pair, viewer)],
        key=lambda step: step.priority,
    )
    active = pair.status == PairStatus.ACTIVE
    participant = viewer.is_youth or viewer.is_mentor
    return render(
        request,
        "matching/pair.html",
        {
            "pair": pair,
            "viewer": viewer,
            "youth_view": viewer.is_youth,
            "staff_view": viewer.is_staff,
            "data": data,
            "cadence": data.cadence,
            "entries": entries,
            "steps": steps,
            "sections": pair_page.sections(pair, viewer),
            "active": active,
            "closed": pair.status in CLOSED_PAIR_STATUSES,
            "can_write": active and participant,
            "can_add_objective": active
            and participant
            and len(data.open_objectives) < MAX_OBJECTIVES,
            "why_not_completable": pair.why_not_completable(today) if active else None,
        },
    )
