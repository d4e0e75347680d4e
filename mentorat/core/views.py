from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from programmes.models import Association

from .health import run_checks


@login_not_required
@require_GET
def home(request):
    associations = Association.objects.labelled().only("name").order_by("name")
    return render(request, "core/home.html", {"associations": associations})


@require_GET
def dashboard(request):
    """ "Mon espace": where the person stands and what happens next, by role."""
    memberships = request.user.memberships.select_related("association").order_by(
        "association__name"
    )
    return render(request, "core/dashboard.html", {"memberships": memberships})


@login_not_required
@never_cache
@require_GET
@transaction.non_atomic_requests
def healthz(request):
    results = run_checks()
    healthy = all(state == "ok" for state in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **results}, status=200 if healthy else 503
    )
