"""The funnel's cube (``SignupCell``): youths who signed up in a year per place and team, how
many reached each step and how many days they took between two. The scope reads the same steps
and delays from ``YouthFact`` for a referent's youths."""

from collections.abc import Iterator

from django.db.models import Count, Q

from ..models import SignupCell, YouthFact

SIGNUP_PLACE = ("signup_year", "association_id", "programme_id", "region", "departement")
# The funnel's steps after signing up: (code, the YouthFact date that says it was reached).
FUNNEL_FIELDS = (
    ("vetted", "vetted_on"),
    ("proposed", "proposed_on"),
    ("active", "active_on"),
    ("first_meeting", "first_meeting_on"),
    ("minimum", "minimum_on"),
    ("completed", "completed_on"),
)
DELAY_FIELDS = (
    "days_to_vetted",
    "days_to_proposed",
    "days_to_active",
    "days_to_first_meeting",
    "days_signup_to_first_meeting",
)


def funnel_counts(youths) -> dict:
    """YouthFact rows -> how many signed up and reached each step (aggregates, for grouping)."""
    return {
        "signed_up": Count("youth_id"),
        **{
            code: Count("youth_id", filter=Q(**{f"{field}__isnull": False}))
            for code, field in FUNNEL_FIELDS
        },
    }


def signup_cells() -> Iterator[SignupCell]:
    """The funnel's cube, from the YouthFact rows just written."""
    steps = YouthFact.objects.order_by().values(*SIGNUP_PLACE).annotate(**funnel_counts(None))
    for row in steps:
        place = {key: row[key] for key in SIGNUP_PLACE}
        for code in ("signed_up", *(code for code, _field in FUNNEL_FIELDS)):
            if row[code]:
                yield SignupCell(measure=code, days=None, youths=row[code], **place)
    for field in DELAY_FIELDS:
        rows = (
            YouthFact.objects.filter(**{f"{field}__isnull": False})
            .order_by()
            .values(*SIGNUP_PLACE, field)
            .annotate(n=Count("youth_id"))
        )
        for row in rows:
            yield SignupCell(
                measure=field,
                days=row[field],
                youths=row["n"],
                **{key: row[key] for key in SIGNUP_PLACE},
            )
