"""The cadence, written once: pair pages, reminders and dashboards all read it from here.

- A meeting *counts* when it lasted at least the programme's minimum (national: 90 minutes) and
  the youth confirmed it, or did not answer within 7 days of its logging
  (``MeetingQuerySet.counted``).
- The window starts on the pair's start date, then on the date of the last counted meeting; it
  lasts the programme's interval (national: 6 weeks = 42 days). Its last day,
  ``anchor + window_days``, is the date the next meeting is due.
- Status on ``today``: ``en retard`` once that day has passed; ``rencontre à prévoir`` when it
  is ``DUE_SOON_DAYS`` days away or fewer; ``à jour`` otherwise. Only active pairs have one.
- The minimum duration is the programme's months (national: 6) from the start date, as
  calendar months (``relativedelta``: 31 August + 6 months = 28 February).

``PairQuerySet.with_cadence(today)`` computes it in the database for any number of pairs in
one query (one correlated subquery per pair on the (pair, held_on) index, no date arithmetic in
SQL, so it runs the same on PostgreSQL and SQLite); ``Pair.cadence(today)`` reads it for one.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Case, CharField, DateField, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from programmes import rules

from ..enums import CadenceStatus, PairStatus
from .meetings import Meeting

DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class Cadence:
    status: CadenceStatus
    last_meeting_on: date | None  # the last meeting that counts
    window_starts_on: date  # the start date or the last counted meeting
    due_on: date  # the last day of the window: the next meeting is due by then

    @property
    def label(self) -> str:
        return str(self.status.label)

    @property
    def is_late(self) -> bool:
        return self.status == CadenceStatus.LATE

    @property
    def is_due_soon(self) -> bool:
        return self.status == CadenceStatus.DUE_SOON


def minimum_reached_on(pair) -> date | None:
    if pair.started_on is None:
        return None
    return pair.started_on + relativedelta(months=pair.programme.min_duration_months)


def last_counted_meeting(today: date):
    """The date of the pair's last counted meeting, as a subquery on the outer pair."""
    meetings = (
        Meeting.objects.filter(pair=OuterRef("pk"))
        .counted(today, min_minutes=OuterRef("programme__min_meeting_minutes"))
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    return Subquery(meetings, output_field=DateField())


def with_cadence(queryset, today: date):
    """Annotate ``last_counted_meeting_on``, ``cadence_anchor`` (the window's first day),
    ``cadence_window_days`` and ``cadence_status`` (None when the pair is not active).

    Each programme's interval is between 1 and MAX_INTERVAL_WEEKS weeks (a database
    constraint), so the status compares the anchor with a date precomputed per interval and
    picked by the programme's column: the anchor's subquery is read once per status.
    """
    intervals = range(1, rules.MAX_INTERVAL_WEEKS + 1)

    def window_start_before(days_ahead: int):
        """The earliest anchor whose window is still open ``days_ahead`` days from today, for
        the pair's programme interval: one date per interval, chosen by the programme column,
        so that the anchor (a subquery) is compared once per status, not once per interval."""
        return Case(
            *(
                When(
                    programme__max_interval_weeks=weeks,
                    then=Value(today + timedelta(days=days_ahead) - timedelta(weeks=weeks)),
                )
                for weeks in intervals
            ),
            output_field=DateField(),
        )

    return queryset.annotate(
        last_counted_meeting_on=last_counted_meeting(today),
    ).annotate(
        cadence_on=Value(today, output_field=DateField()),
        cadence_anchor=Coalesce("last_counted_meeting_on", "started_on"),
        cadence_window_days=F("programme__max_interval_weeks") * 7,
        cadence_status=Case(
            When(~Q(status=PairStatus.ACTIVE), then=Value(None)),
            When(
                cadence_anchor__lt=window_start_before(0),
                then=Value(CadenceStatus.LATE.value),
            ),
            When(
                cadence_anchor__lte=window_start_before(DUE_SOON_DAYS),
                then=Value(CadenceStatus.DUE_SOON.value),
            ),
            default=Value(CadenceStatus.UP_TO_DATE.value),
            output_field=CharField(),
        ),
    )


def cadence_of(pair, today: date) -> Cadence | None:
    """One pair's cadence, from with_cadence's annotations (fetched if the pair lacks them)."""
    if pair.status != PairStatus.ACTIVE:
        return None
    if getattr(pair, "cadence_on", None) != today:
        row = (
            with_cadence(type(pair).objects.filter(pk=pair.pk), today)
            .values(
                "cadence_on",
                "last_counted_meeting_on",
                "cadence_anchor",
                "cadence_window_days",
                "cadence_status",
            )
            .get()
        )
        for name, value in row.items():
            setattr(pair, name, value)
    return Cadence(
        status=CadenceStatus(pair.cadence_status),
        last_meeting_on=pair.last_counted_meeting_on,
        window_starts_on=pair.cadence_anchor,
        due_on=pair.cadence_anchor + timedelta(days=pair.cadence_window_days),
    )
