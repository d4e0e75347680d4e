"""The national waiting list: people no open programme could take, counted by département.
The ministry sees aggregates, never names."""

from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..access import ministry_required
from ..departements import DEPARTEMENT_NAMES
from ..enums import ParticipantStatus
from ..models import MentorProfile, YouthProfile


def counts_by_departement(profiles) -> dict[str, int]:
    waiting = profiles.filter(status=ParticipantStatus.WAITING_LIST)
    rows = waiting.values("departement_id").annotate(n=Count("pk"))
    return {row["departement_id"]: row["n"] for row in rows}


@ministry_required
@require_GET
def waiting_list(request):
    youths = counts_by_departement(YouthProfile.objects)
    mentors = counts_by_departement(MentorProfile.objects)
    rows = [
        {
            "code": code,
            "name": DEPARTEMENT_NAMES[code],
            "youths": youths.get(code, 0),
            "mentors": mentors.get(code, 0),
        }
        for code in sorted(youths.keys() | mentors.keys())
    ]
    return render(
        request,
        "programmes/waiting_list.html",
        {
            "rows": rows,
            "total_youths": sum(youths.values()),
            "total_mentors": sum(mentors.values()),
        },
    )
