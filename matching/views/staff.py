"""Association staff's matching pages: their programmes at a glance, and the pairs that were
sent to both people (awaiting their answers) or are running."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from mentorat.pagination import paginate
from mentorat.states import counts_by_status
from programmes.access import association_of_staff, programme_of_staff, staff_required

from ..enums import CLOSED_PAIR_STATUSES, PairStatus
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
    statuses: tuple[PairStatus, ...]
    label: str
    ordering: tuple[str, ...]

    @property
    def status(self) -> PairStatus:
        return self.statuses[0]


PAIRS_TABS = (
    PairsTab(
        "reponses", (PairStatus.APPROVED,), _("En attente des réponses"), ("answer_deadline", "pk")
    ),
    PairsTab("en-cours", (PairStatus.ACTIVE,), _("En cours"), ("-started_on", "-pk")),
    # Closed pairs stay readable: their page keeps their whole history.
    PairsTab("termines", CLOSED_PAIR_STATUSES, _("Terminés"), ("-ended_at", "-pk")),
)


@staff_required
@require_GET
def pairs(request, slug, programme_slug):
    programme = programme_of_staff(request, slug, programme_slug)
    programme_pairs = Pair.objects.staffed_by(request.user).filter(programme=programme)
    current = next((tab for tab in PAIRS_TABS if tab.slug == request.GET.get("etat")), None)
    current = current or PAIRS_TABS[0]
    counts = counts_by_status(
        programme_pairs, [status for tab in PAIRS_TABS for status in tab.statuses]
    )
    rows = (
        programme_pairs.filter(status__in=current.statuses)
        .select_related("youth__user", "mentor__user")
        .order_by(*current.ordering)
    )
    if current.status == PairStatus.ACTIVE:
        rows = rows.with_cadence(timezone.localdate())
    page = paginate(request, rows, PAGE_SIZE)
    return render(
        request,
        "matching/pairs.html",
        {
            "association": programme.association,
            "programme": programme,
            "tabs": [
                (tab, sum(counts[status] for status in tab.statuses)) for tab in PAIRS_TABS
            ],
            "current_tab": current,
            "page_obj": page,
        },
    )
