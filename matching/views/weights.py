"""Coordinators tune how much each criterion counts in their programme's scores."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from programmes.access import programme_coordinated, staff_required

from ..forms import WeightsForm
from ..models import MatchingWeights


@staff_required
@require_http_methods(["GET", "POST"])
def weights(request, slug, programme_slug):
    programme = programme_coordinated(request, slug, programme_slug)
    current = MatchingWeights.objects.filter(programme=programme).first()
    form = WeightsForm(
        data=request.POST or None, instance=current or MatchingWeights(programme=programme)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request,
            _("Pondérations enregistrées : elles comptent pour les prochaines propositions."),
        )
        return redirect("matching:programme", slug=slug, programme_slug=programme_slug)
    return render(
        request,
        "matching/weights.html",
        {
            "association": programme.association,
            "programme": programme,
            "form": form,
        },
        status=400 if form.is_bound else 200,
    )
