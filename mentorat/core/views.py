from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from mentorat.accounts.enums import Role
from programmes.models import Association

from .health import run_checks


@login_not_required
@require_GET
def home(request):
    associations = Association.objects.labelled().only("name").order_by("name")
    return render(request, "core/home.html", {"associations": associations})


# Where each role's own space is: "Mon espace" and the landing page after login.
ROLE_HOMES = {
    Role.YOUTH: "programmes:my_space",
    Role.MENTOR: "programmes:my_space",
    Role.STAFF: "programmes:staff_home",
    Role.MINISTRY: "programmes:association_list",
}


@require_GET
def dashboard(request):
    """"Mon espace": each role's own home; an account without a role is told what to do."""
    home = ROLE_HOMES.get(request.user.role)
    if home:
        return redirect(home)
    return render(request, "core/dashboard.html", {})


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
