from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpResponseServerError, JsonResponse
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
    Role.MINISTRY: "dashboards:national",
}


@require_GET
def dashboard(request):
    """ "Mon espace": each role's own home; an account without a role is told what to do."""
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


# When even the error page cannot be drawn (the database is gone, say): plain words.
PLAIN_SERVER_ERROR = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Erreur inattendue — '
    "Mentorat</title></head><body><h1>Erreur inattendue</h1><p>Désolé, le service rencontre "
    "un problème. Réessayez un peu plus tard.</p></body></html>"
)


def server_error(request):
    """The 500 page in the site's layout, in the visitor's language."""
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the page's own needs failed too: never a second traceback to the visitor
        return HttpResponseServerError(PLAIN_SERVER_ERROR)
