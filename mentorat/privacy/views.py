"""A person's rights on their data: read and download all of it, and have it erased."""

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from mentorat import retention
from mentorat.events import data_exported

from .collect import as_json, personal_data
from .erase import pairs_of, person_erase
from .forms import ErasureForm


def _exported(request, what: str, rows: int) -> None:
    data_exported.send(sender=None, by=request.user, association=None, what=what, rows=rows)


@never_cache
@require_GET
def my_data(request):
    sections = personal_data(request.user)
    _exported(request, _("mes données (page)"), sum(len(s.records) for s in sections))
    return render(
        request,
        "privacy/my_data.html",
        {
            "sections": sections,
            "retention": {
                "inactive_months": retention.months(retention.INACTIVE_ACCOUNT),
                "notes_months": retention.months(retention.CLOSED_PAIR_NOTES),
            },
        },
    )


@never_cache
@require_GET
def my_data_json(request):
    data = as_json(request.user)
    _exported(
        request,
        _("mes données (fichier JSON)"),
        sum(len(v) for v in data.values() if isinstance(v, list)),
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mes-donnees-mentorat-{day}.json"'
    return response


@never_cache
def erase(request):
    form = ErasureForm(data=request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        person_erase(user=request.user)
        logout(request)
        return redirect("privacy:erased")
    open_pairs = pairs_of(request.user).open().count() if request.user.pk else 0
    return render(request, "privacy/erase.html", {"form": form, "open_pairs": open_pairs})


@login_not_required
@require_GET
def erased(request):
    return render(request, "privacy/erased.html", {})
