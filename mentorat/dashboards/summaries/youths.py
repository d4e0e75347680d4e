"""One fact per youth who signed up (``YouthFact``): the day they reached each step of the
funnel, the days between steps, whether they hold a place or wait for a mentor."""

from collections.abc import Iterator
from datetime import date

from django.db.models import Count, Min, Q

from matching.enums import OPEN_PAIR_STATUSES, PairStatus, YouthConfirmation
from matching.models import Meeting, Pair
from programmes.enums import ParticipantStatus
from programmes.models import YouthProfile

from ..geo import region_of
from ..models import YouthFact
from .common import CHUNK, local_date


def _days(earlier, later) -> int | None:
    if earlier is None or later is None:
        return None
    return max((later - earlier).days, 0)


def youth_facts(today: date, minimum_on_by_youth: dict) -> Iterator[YouthFact]:
    pairs = {
        youth_id: row
        for youth_id, *row in Pair.objects.order_by()
        .values("youth_id")
        .annotate(
            proposed=Min("proposed_at"),
            started=Min("started_on"),
            completed=Min("ended_at", filter=Q(status=PairStatus.COMPLETED)),
            open=Count("pk", filter=Q(status__in=OPEN_PAIR_STATUSES)),
        )
        .values_list("youth_id", "proposed", "started", "completed", "open")
    }
    referents = dict(
        Pair.objects.order_by("youth_id", "proposed_at", "pk").values_list(
            "youth_id", "mentor__referent_id"
        )
    )  # the last pair of each youth wins
    first_meetings = dict(
        Meeting.objects.exclude(youth_confirmation=YouthConfirmation.DISPUTED)
        .order_by()
        .values("pair__youth_id")
        .annotate(first=Min("held_on"))
        .values_list("pair__youth_id", "first")
    )
    out_of_pool = set(Pair.objects.finished_without_rematch().values_list("youth_id", flat=True))
    youths = YouthProfile.objects.order_by().values_list(
        "pk",
        "programme_id",
        "programme__association_id",
        "departement_id",
        "created_at",
        "reviewed_at",
        "status",
    )
    for (
        youth_id,
        programme_id,
        association_id,
        departement,
        created,
        reviewed,
        status,
    ) in youths.iterator(chunk_size=CHUNK):
        proposed, started, completed, open_pairs = pairs.get(youth_id, (None, None, None, 0))
        signed_up_on = local_date(created)
        vetted_on = None
        if status == ParticipantStatus.READY or proposed is not None:
            vetted_on = local_date(reviewed) or local_date(proposed) or signed_up_on
        proposed_on, first_meeting_on = local_date(proposed), first_meetings.get(youth_id)
        yield YouthFact(
            days_to_vetted=_days(signed_up_on, vetted_on),
            days_to_proposed=_days(vetted_on, proposed_on),
            days_to_active=_days(proposed_on, started),
            days_to_first_meeting=_days(started, first_meeting_on),
            days_signup_to_first_meeting=_days(signed_up_on, first_meeting_on),
            youth_id=youth_id,
            association_id=association_id,
            programme_id=programme_id,
            departement=departement,
            region=region_of(departement),
            referent_id=referents.get(youth_id),
            signup_year=signed_up_on.year,
            signed_up_on=signed_up_on,
            vetted_on=vetted_on,
            proposed_on=proposed_on,
            active_on=started,
            first_meeting_on=first_meeting_on,
            minimum_on=minimum_on_by_youth.get(youth_id),
            completed_on=local_date(completed),
            taken=programme_id is not None and status != ParticipantStatus.REJECTED,
            waiting=status in (ParticipantStatus.READY, ParticipantStatus.WAITING_LIST)
            and not open_pairs
            and youth_id not in out_of_pool,
        )
