"""The national waiting list: people no open programme could take, counted by département.
The ministry sees aggregates, never names; each département leads to the associations that
cover it, those the ministry can ask to open a programme there."""

from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.http import require_GET

from vocabulary.departements import DEPARTEMENT_NAMES

from ..access import ministry_required
from ..enums import ParticipantStatus
from ..models import MentorProfile, Programme, YouthProfile


def counts_by_departement(profiles) -> dict[str, int]:
    waiting = profiles.filter(status=ParticipantStatus.WAITING_LIST)
    rows = waiting.values("departement_id").annotate(n=Count("pk"))
    return {row["departement_id"]: row["n"] for row in rows}


def open_programmes_by_departement(codes) -> dict[str, int]:
    """Programmes taking sign-ups today in each of these départements."""
    rows = (
        Programme.objects.open_for_signup()
        .filter(departements__in=codes)
        .values("departements")
        .annotate(n=Count("pk", distinct=True))
    )
    return {row["departements"]: row["n"] for row in rows}


@ministry_required
@require_GET
def waiting_list(request):
    youths = counts_by_departement(YouthProfile.objects)
    mentors = counts_by_departement(MentorProfile.objects)
    codes = sorted(youths.keys() | mentors.keys())
    programmes = open_programmes_by_departement(codes)
    rows = [
        {
            "code": code,
            "name": DEPARTEMENT_NAMES[code],
            "youths": youths.get(code, 0),
            "mentors": mentors.get(code, 0),
            "open_programmes": programmes.get(code, 0),
        }
        for code in codes
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
