"""The audit trail's pages: an association's staff read its trail, the ministry all of it."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from mentorat.accounts.enums import Role
from mentorat.pagination import paginate
from programmes.models import Association

from .display import changes_of, what_happened
from .models import AuditEntry, AuditEvent

ENTRIES_PER_PAGE = 50


class TrailFilterForm(forms.Form):
    event = forms.ChoiceField(
        label=_("Événement"), choices=[("", _("Tous")), *AuditEvent.choices], required=False
    )

    def filter(self, entries):
        if self.is_valid() and self.cleaned_data["event"]:
            return entries.filter(event=self.cleaned_data["event"])
        return entries


def _reads_everything(user) -> bool:
    return user.is_superuser or user.role == Role.MINISTRY


@require_GET
def trail(request):
    """The ministry's national trail; staff are sent to their (first) association's."""
    if request.user.role == Role.STAFF:
        association = Association.objects.filter(memberships__user=request.user).order_by("name")
        first = association.first()
        if first is None:
            raise PermissionDenied
        return redirect("audit:association_trail", slug=first.slug)
    if not _reads_everything(request.user):
        raise PermissionDenied
    return _render(request, AuditEntry.objects.visible_to(request.user), association=None)


@require_GET
def association_trail(request, slug):
    if not (request.user.role == Role.STAFF or _reads_everything(request.user)):
        raise PermissionDenied
    associations = (
        Association.objects.all()
        if _reads_everything(request.user)
        else Association.objects.filter(memberships__user=request.user)
    )
    association = get_object_or_404(associations, slug=slug)
    entries = AuditEntry.objects.visible_to(request.user).for_association(association)
    return _render(request, entries, association=association)


def _render(request, entries, *, association):
    filters = TrailFilterForm(data=request.GET)
    page = paginate(request, filters.filter(entries).for_listing(), ENTRIES_PER_PAGE)
    rows = [
        {"entry": entry, "what": what_happened(entry), "changes": changes_of(entry)}
        for entry in page
    ]
    return render(
        request,
        "audit/trail.html",
        {"association": association, "filters": filters, "page_obj": page, "rows": rows},
    )
