"""Supply and demand per département: youths waiting and mentors' free places
(``SupplyCell``), youths the last batch left without a proposal (``UnmatchedCell``)."""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Count, F, Sum

from matching.enums import RunStatus
from matching.models import MatchingRun, UnmatchedYouth
from programmes.models import MentorProfile

from ..geo import region_of
from ..models import SupplyCell, UnmatchedCell


def supply_cells(waiting: dict) -> Iterator[SupplyCell]:
    """``waiting`` counts youths waiting by (association, programme, département)."""
    places = defaultdict(int)
    rows = (
        MentorProfile.objects.ready()
        .filter(open_pairs__lt=F("capacity"))
        .order_by()
        .values("programme__association_id", "programme_id", "departement_id")
        .annotate(places=Sum(F("capacity") - F("open_pairs")))
        .values_list("programme__association_id", "programme_id", "departement_id", "places")
    )
    for association_id, programme_id, departement, free in rows:
        places[(association_id, programme_id, departement)] += free or 0
    for key in set(places) | set(waiting):
        association_id, programme_id, departement = key
        yield SupplyCell(
            association_id=association_id,
            programme_id=programme_id,
            departement=departement,
            region=region_of(departement),
            youths_waiting=waiting.get(key, 0),
            mentor_places=places.get(key, 0),
        )


def unmatched_cells() -> Iterator[UnmatchedCell]:
    """The youths the last finished batch of each scope (each programme, the nation) left."""
    latest = {}
    for run_id, scope in (
        MatchingRun.objects.filter(status=RunStatus.DONE)
        .order_by("scope", "-created_at", "-pk")
        .values_list("pk", "scope")
    ):
        latest.setdefault(scope, run_id)
    rows = (
        UnmatchedYouth.objects.filter(run_id__in=latest.values())
        .order_by()
        .values(
            "youth__programme__association_id",
            "youth__programme_id",
            "youth__departement_id",
            "reason",
        )
        .annotate(n=Count("youth_id", distinct=True))
        .values_list(
            "youth__programme__association_id",
            "youth__programme_id",
            "youth__departement_id",
            "reason",
            "n",
        )
    )
    for association_id, programme_id, departement, reason, n in rows:
        yield UnmatchedCell(
            association_id=association_id,
            programme_id=programme_id,
            departement=departement,
            region=region_of(departement),
            reason=reason,
            youths=n,
        )
