"""Referents follow the pairs of their mentors, coordinators all of their association's:
sorted by risk, with who is due for a follow-up contact, and the dated notes of each contact."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from matching.enums import PairStatus
from mentorat.pagination import paginate
from programmes.access import association_of_staff, is_coordinator, staff_required

from ..access import followed_pairs
from ..forms.followup import FollowUpNoteForm
from ..models import FollowUpNote, Response
from ..risk import follow_up_rows

PAGE_SIZE = 50
RECENT_MEETINGS = 12
FILTERS = ("tous", "a-contacter", "a-risque")


@staff_required
@require_GET
def follow_up(request, slug):
    association = association_of_staff(request, slug)
    today = timezone.localdate()
    rows = follow_up_rows(
        followed_pairs(request.user, association).filter(status=PairStatus.ACTIVE), today=today
    )
    current = request.GET.get("filtre") if request.GET.get("filtre") in FILTERS else "tous"
    counts = {
        "tous": len(rows),
        "a-contacter": sum(row.contact.is_due for row in rows),
        "a-risque": sum(bool(row.signals) for row in rows),
    }
    if current == "a-contacter":
        rows = [row for row in rows if row.contact.is_due]
    elif current == "a-risque":
        rows = [row for row in rows if row.signals]
    page = paginate(request, rows, PAGE_SIZE)
    return render(
        request,
        "evaluations/follow_up.html",
        {
            "association": association,
            "section": "follow_up",
            "coordinator": is_coordinator(request.user, association),
            "filters": [(name, counts[name]) for name in FILTERS],
            "current_filter": current,
            "page_obj": page,
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def pair_follow_up(request, slug, pk):
    association = association_of_staff(request, slug)
    pair = get_object_or_404(
        followed_pairs(request.user, association).select_related(
            "programme__association", "youth__user", "mentor__user", "mentor__referent"
        ),
        pk=pk,
    )
    form = FollowUpNoteForm(data=request.POST or None, pair=pair)
    if request.method == "POST" and form.is_valid():
        form.save(author=request.user)
        messages.success(request, _("Contact de suivi enregistré."))
        return redirect("evaluations:pair_follow_up", slug=association.slug, pk=pair.pk)
    notes = FollowUpNote.objects.filter(pair=pair).select_related("author")
    meetings = pair.meetings.prefetch_related("evaluations").order_by("-held_on", "-pk")
    filled = set(Response.objects.filter(pair=pair).values_list("kind", flat=True))
    (row,) = follow_up_rows(type(pair).objects.filter(pk=pair.pk), today=timezone.localdate())
    return render(
        request,
        "evaluations/pair_follow_up.html",
        {
            "association": association,
            "section": "follow_up",
            "pair": pair,
            "row": row,
            "notes": notes,
            "meetings": meetings[:RECENT_MEETINGS],
            "filled": filled,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )
