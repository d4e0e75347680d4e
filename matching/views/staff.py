"""Association staff's matching pages: their programmes at a glance, and the pairs that were
sent to both people (awaiting their answers) or are running."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from programmes.access import association_of_staff, programme_of_staff, staff_required

from ..enums import PairStatus
from ..models import Pair

PAGE_SIZE = 50


@staff_required
@require_GET
def home(request, slug):
    association = association_of_staff(request, slug)
    programmes = association.programmes.annotate(
        **{
            f"{status}_count": Count("pairs", filter=Q(pairs__status=status))
            for status in (PairStatus.PROPOSED, PairStatus.APPROVED, PairStatus.ACTIVE)
        }
    ).order_by("name")
    return render(
        request,
        "matching/home.html",
        {
            "association": association,
            "programmes": programmes,
        },
    )


@dataclass(frozen=True)
class PairsTab:
    slug: str
    status: PairStatus
    label: str
    ordering: tuple[str, ...]


PAIRS_TABS = (
    PairsTab(
        "reponses", PairStatus.APPROVED, _("En attente des réponses"), ("answer_deadline", "pk")
    ),
    PairsTab("en-cours", PairStatus.ACTIVE, _("En cours"), ("-started_on", "-pk")),
)


@staff_required
@require_GET
def pairs(request, slug, programme_slug):
    programme = programme_of_staff(request, slug, programme_slug)
    programme_pairs = Pair.objects.staffed_by(request.user).filter(programme=programme)
    current = next((tab for tab in PAIRS_TABS if tab.slug == request.GET.get("etat")), None)
    current = current or PAIRS_TABS[0]
    counts = programme_pairs.aggregate(
        **{tab.slug: Count("pk", filter=Q(status=tab.status)) for tab in PAIRS_TABS}
    )
    rows = (
        programme_pairs.filter(status=current.status)
        .select_related("youth__user", "mentor__user")
        .order_by(*current.ordering)
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    page.pages_list = page.paginator.get_elided_page_range(page.number)
    return render(
        request,
        "matching/pairs.html",
        {
            "association": programme.association,
            "programme": programme,
            "tabs": [(tab, counts[tab.slug]) for tab in PAIRS_TABS],
            "current_tab": current,
            "page_obj": page,
        },
    )
