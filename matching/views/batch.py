"""Batch matching from the site: staff start one for a programme, the ministry one for every
programme; it runs in the background (Celery) and its page shows progress, then the summary."""

from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mentorat.pagination import paginate
from mentorat.states import counts_by_status
from programmes.access import (
    is_coordinator,
    ministry_required,
    programme_coordinated,
    programme_of_staff,
    staff_required,
)

from ..enums import ACTIVE_RUN_STATUSES, OPEN_PAIR_STATUSES, RunStatus
from ..explanations import (
    unmatched_by_departement,
    unmatched_by_reason,
    unmatched_reason_text,
)
from ..models import MatchingRun, Pair
from ..population import matchable_youths
from ..services import NATIONAL_SCOPE, RunRefused, run_start
from ..tasks import run_matching_batch

PAGE_SIZE = 50
RECENT_RUNS = 10


@staff_required
@require_GET
def programme_matching(request, slug, programme_slug):
    """A programme's matching: start a batch, its recent runs, the youths still waiting."""
    programme = programme_of_staff(request, slug, programme_slug)
    waiting = (
        matchable_youths([programme])
        .select_related("user", "departement")
        .order_by("created_at", "pk")  # the longest waiting first
    )
    page = paginate(request, waiting, PAGE_SIZE)
    # Why the last batch left each of these youths out.
    last_run = programme.matching_runs.filter(status=RunStatus.DONE).first()
    reasons = {
        row.youth_id: unmatched_reason_text(row.reason, need=row.need or None)
        for row in (last_run.unmatched.filter(youth__in=page.object_list) if last_run else [])
    }
    for youth in page.object_list:
        youth.unmatched_reason = reasons.get(youth.pk, "")
    return render(
        request,
        "matching/programme.html",
        {
            "association": programme.association,
            "programme": programme,
            "runs": programme.matching_runs.select_related("started_by", "programme__association")[
                :RECENT_RUNS
            ],
            "counts": counts_by_status(
                Pair.objects.filter(programme=programme), OPEN_PAIR_STATUSES
            ),
            "page_obj": page,
            "can_manage": is_coordinator(request.user, programme.association),
        },
    )


@staff_required
@require_POST
def run_launch(request, slug, programme_slug):
    programme = programme_coordinated(request, slug, programme_slug)
    run = start(request, programme=programme)
    if run is None:
        return redirect("matching:programme", slug=slug, programme_slug=programme_slug)
    return redirect("matching:run", slug=slug, programme_slug=programme_slug, pk=run.pk)


def start(request, *, programme) -> MatchingRun | None:
    """Record the run, and queue it once that record is committed; None if refused."""
    try:
        run = run_start(programme=programme, by=request.user)
    except RunRefused as refusal:
        messages.error(request, " ".join(refusal.messages))
        return None
    # robust: a broker that cannot be reached must not break the page; the run stays queued.
    transaction.on_commit(lambda: run_matching_batch.delay(run.pk), robust=True)
    messages.success(request, _("La mise en relation est lancée."))
    return run


@staff_required
@require_GET
def run_detail(request, slug, programme_slug, pk):
    programme = programme_of_staff(request, slug, programme_slug)
    run = get_object_or_404(programme.matching_runs.select_related("started_by"), pk=pk)
    return render_run(
        request,
        run,
        "matching/run.html",
        progress_url=reverse("matching:run_progress", args=[slug, programme_slug, pk]),
        association=programme.association,
        programme=programme,
    )


@staff_required
@require_GET
def run_progress(request, slug, programme_slug, pk):
    programme = programme_of_staff(request, slug, programme_slug)
    return progress_of(get_object_or_404(programme.matching_runs, pk=pk))


@ministry_required
@require_http_methods(["GET", "POST"])
def national(request):
    """The ministry starts a batch over every labelled programme, and sees its runs."""
    if request.method == "POST":
        run = start(request, programme=None)
        if run is None:
            return redirect("matching:national")
        return redirect("matching:national_run", pk=run.pk)
    return render(
        request,
        "matching/national.html",
        {"runs": national_runs().select_related("started_by")[:RECENT_RUNS]},
    )


@ministry_required
@require_GET
def national_run(request, pk):
    run = get_object_or_404(national_runs().select_related("started_by"), pk=pk)
    progress_url = reverse("matching:national_run_progress", args=[pk])
    return render_run(request, run, "matching/national_run.html", progress_url=progress_url)


@ministry_required
@require_GET
def national_run_progress(request, pk):
    return progress_of(get_object_or_404(national_runs(), pk=pk))


def national_runs():
    return MatchingRun.objects.filter(programme=None, scope=NATIONAL_SCOPE)


def render_run(request, run, template, *, progress_url, **context):
    return render(
        request,
        template,
        {
            "run": run,
            "in_progress": run.status in ACTIVE_RUN_STATUSES,
            "progress_url": progress_url,
            "unmatched_by_reason": unmatched_by_reason(run.summary),
            "unmatched_by_departement": unmatched_by_departement(run.summary),
            "unmatched_total": sum(run.summary.get("unmatched", {}).values()),
            **context,
        },
    )


def progress_of(run) -> JsonResponse:
    """What the run page's script polls; it reloads the page once the run is over."""
    return JsonResponse(
        {
            "status": run.status,
            "status_label": run.get_status_display(),
            "progress": run.progress,
            "finished": run.status not in ACTIVE_RUN_STATUSES,
        }
    )
