"""Rebuild the dashboards' summaries from the live tables: ``refresh()``.

Each rule is read where it is written: the cadence from ``Pair.objects.with_cadence``
(matching), the referent's next contact from ``evaluations.contact_due``, the risk signals
from ``evaluations.risk``. A handful of grouped queries read everything (their number does not
grow with the data); the facts are then written in chunks, in one transaction, so that a page
reads either the previous summaries or the new ones, never half of each.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from types import SimpleNamespace

from dateutil.relativedelta import relativedelta
from django.db import connection, transaction
from django.db.models import Avg, Count, F, Min, Q, Sum
from django.utils import timezone

from evaluations.enums import Dimension, ItemKind, QuestionnaireKind
from evaluations.models import Answer, contact_due, with_contacts
from evaluations.risk import signals_of, with_signals
from matching.enums import (
    OPEN_PAIR_STATUSES,
    ObjectiveStatus,
    PairStatus,
    RunStatus,
    YouthConfirmation,
)
from matching.models import MatchingRun, Meeting, Objective, Pair, UnmatchedYouth
from programmes import flags
from programmes.enums import Need, ParticipantStatus
from programmes.models import MentorProfile, YouthProfile
from programmes.models.participants import AGE_BANDS, age_on

from .geo import region_of
from .models import (
    PROGRESS_DIMENSIONS,
    PairFact,
    ReachCell,
    Refresh,
    SignupCell,
    SupplyCell,
    UnmatchedCell,
    YouthFact,
    YouthYear,
)

logger = logging.getLogger(__name__)

CHUNK = 1000  # rows per INSERT: under PostgreSQL's 65,535 parameters for the widest fact
LONG_MEETING_MINUTES = 90  # "at least 1 h 30", the national minimum

# (code, lowest month, first month past the band)
DURATION_BANDS = (
    ("lt3", 0, 3),
    ("3-6", 3, 6),
    ("6-9", 6, 9),
    ("9-12", 9, 12),
    ("gt12", 12, None),
)
AGE_BAND_CODES = tuple(f"{low}-{high}" for low, high in AGE_BANDS)


def age_band_code(age: int) -> str:
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return f"{low}-{high}"
    return ""


def duration_band(started_on: date, ended_on: date) -> str:
    delta = relativedelta(ended_on, started_on)
    months = delta.years * 12 + delta.months
    for code, low, high in DURATION_BANDS:
        if months >= low and (high is None or months < high):
            return code
    return DURATION_BANDS[0][0]


def _chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _local_date(value):
    return timezone.localdate(value) if value is not None else None


def _days(earlier, later) -> int | None:
    if earlier is None or later is None:
        return None
    return max((later - earlier).days, 0)


def _meeting_totals() -> dict[int, tuple[int, int, int]]:
    """Per pair: meetings logged (not disputed by the youth), their minutes, those of 1 h 30."""
    rows = (
        Meeting.objects.exclude(youth_confirmation=YouthConfirmation.DISPUTED)
        .order_by()
        .values("pair_id")
        .annotate(
            n=Count("pk"),
            minutes=Sum("duration_minutes"),
            long=Count("pk", filter=Q(duration_minutes__gte=LONG_MEETING_MINUTES)),
        )
        .values_list("pair_id", "n", "minutes", "long")
    )
    return {pair_id: (n, minutes or 0, long) for pair_id, n, minutes, long in rows}


def _objective_totals() -> dict[int, tuple[int, int]]:
    rows = (
        Objective.objects.order_by()
        .values("pair_id")
        .annotate(n=Count("pk"), reached=Count("pk", filter=Q(status=ObjectiveStatus.REACHED)))
        .values_list("pair_id", "n", "reached")
    )
    return {pair_id: (n, reached) for pair_id, n, reached in rows}


def _questionnaires() -> dict[int, dict]:
    """Per pair: the mean of each dimension's 1-5 answers at the start and at the end, the
    end's satisfaction (1-5) and whether the youth would recommend mentoring (yes or no)."""
    rows = (
        Answer.objects.filter(
            number__isnull=False, item__kind__in=[ItemKind.LIKERT, ItemKind.YES_NO]
        )
        .order_by()
        .values("response__pair_id", "response__kind", "item__dimension", "item__kind")
        .annotate(mean=Avg("number"))
        .values_list("response__pair_id", "response__kind", "item__dimension", "item__kind", "mean")
    )
    found: dict[int, dict] = defaultdict(lambda: {"start": {}, "end": {}, "recommends": None})
    for pair_id, kind, dimension, item_kind, mean in rows:
        entry = found[pair_id]
        if item_kind == ItemKind.YES_NO:
            if kind == QuestionnaireKind.END and dimension == Dimension.SATISFACTION:
                entry["recommends"] = mean >= 0.5
            continue
        entry["start" if kind == QuestionnaireKind.START else "end"][dimension] = float(mean)
    return found


def _signals(today: date) -> dict[int, dict]:
    """Per active pair: the cadence status, the next contact's state and the risk signals."""
    codes = ["signal_unfit", "signal_low", "signal_alert", "signal_disputed", "signal_unconfirmed"]
    pairs = with_signals(with_contacts(Pair.objects.active()), today=today).order_by()
    found = {}
    for row in pairs.values(
        "pk", "started_on", "cadence_status", "contact_count", "last_contact_on", *codes
    ):
        signals = signals_of(SimpleNamespace(**row))
        found[row["pk"]] = {
            "cadence_status": row["cadence_status"] or "",
            "contact_state": contact_due(
                started_on=row["started_on"],
                contact_count=row["contact_count"],
                last_contact_on=row["last_contact_on"],
                today=today,
            ).state,
            "risk": sum(signal.weight for signal in signals),
            "signals": ",".join(signal.code for signal in signals),
        }
    return found


def _pair_facts(today: date, minimum_on_by_youth: dict, years: dict) -> Iterator[PairFact]:
    meetings = _meeting_totals()
    objectives = _objective_totals()
    questionnaires = _questionnaires()
    active = _signals(today)
    pairs = (
        Pair.objects.filter(started_on__isnull=False)
        .order_by()
        .values_list(
            "pk",
            "youth_id",
            "mentor_id",
            "mentor__referent_id",
            "programme_id",
            "programme__association_id",
            "programme__min_duration_months",
            "youth__departement_id",
            "youth__birth_date",
            "youth__situation",
            "youth__lives_in_qpv",
            "youth__followed_by_mission_locale",
            "youth__at_risk_of_dropping_out",
            "youth__no_professional_network",
            "youth__needs",
            "youth__user_id",
            "mentor__user_id",
            "status",
            "started_on",
            "ended_at",
            "closure_reason",
            "closure_requested_by_id",
        )
    )
    for (
        pair_id,
        youth_id,
        mentor_id,
        referent_id,
        programme_id,
        association_id,
        min_months,
        departement,
        birth_date,
        situation,
        qpv,
        mission_locale,
        dropping_out,
        no_network,
        needs,
        youth_user_id,
        mentor_user_id,
        status,
        started_on,
        ended_at,
        closure_reason,
        closed_by_id,
    ) in pairs.iterator(chunk_size=CHUNK):
        ended_on = (
            _local_date(ended_at)
            if status in (PairStatus.COMPLETED, PairStatus.ENDED_EARLY)
            else None
        )
        until = ended_on or today
        minimum_on = started_on + relativedelta(months=min_months)
        reached = until >= minimum_on
        if reached:
            known = minimum_on_by_youth.get(youth_id)
            minimum_on_by_youth[youth_id] = min(known, minimum_on) if known else minimum_on
        if closed_by_id is None:
            ended_by = ""
        elif closed_by_id == youth_user_id:
            ended_by = "youth"
        elif closed_by_id == mentor_user_id:
            ended_by = "mentor"
        else:
            ended_by = "staff"
        n_meetings, minutes, long = meetings.get(pair_id, (0, 0, 0))
        n_objectives, n_reached = objectives.get(pair_id, (0, 0))
        answers = questionnaires.get(pair_id)
        progress = {}
        satisfaction = recommends = None
        if answers:
            start, end = answers["start"], answers["end"]
            for dimension in PROGRESS_DIMENSIONS:
                if dimension in start and dimension in end:
                    progress[f"progress_{dimension.value}"] = end[dimension] - start[dimension]
            satisfaction = end.get(Dimension.SATISFACTION)
            recommends = answers["recommends"]
        life = active.get(pair_id, {})
        fact = PairFact(
            pair_id=pair_id,
            youth_id=youth_id,
            mentor_id=mentor_id,
            referent_id=referent_id,
            association_id=association_id,
            programme_id=programme_id,
            departement=departement,
            region=region_of(departement),
            status=status,
            started_on=started_on,
            ended_on=ended_on,
            start_year=started_on.year,
            end_year=ended_on.year if ended_on else None,
            duration_days=max((until - started_on).days, 0),
            duration_band=duration_band(started_on, until),
            in_minimum_cohort=minimum_on <= today,
            reached_minimum=reached,
            ended_early=status == PairStatus.ENDED_EARLY and not reached,
            closure_reason=closure_reason if ended_on else "",
            ended_by=ended_by if ended_on else "",
            age_band=age_band_code(age_on(birth_date, started_on)),
            situation=situation,
            lives_in_qpv=qpv,
            mission_locale=mission_locale,
            dropping_out=dropping_out,
            no_network=no_network,
            needs=needs,
            meetings=n_meetings,
            minutes=minutes,
            long_meetings=long,
            cadence_status=life.get("cadence_status", ""),
            contact_state=life.get("contact_state", ""),
            risk=life.get("risk", 0),
            signals=life.get("signals", ""),
            objectives=n_objectives,
            objectives_reached=n_reached,
            has_progress=bool(progress),
            satisfaction=satisfaction,
            recommends=recommends,
            **progress,
        )
        for year in range(started_on.year, until.year + 1):
            known = years.get((youth_id, year))
            if known is None or known.started_on < started_on:
                years[(youth_id, year)] = fact
        yield fact


def _youth_years(years: dict) -> Iterator[YouthYear]:
    for (youth_id, year), fact in years.items():
        yield YouthYear(
            youth_id=youth_id,
            year=year,
            association_id=fact.association_id,
            programme_id=fact.programme_id,
            region=fact.region,
            departement=fact.departement,
            referent_id=fact.referent_id,
            age_band=fact.age_band,
            situation=fact.situation,
            lives_in_qpv=fact.lives_in_qpv,
            mission_locale=fact.mission_locale,
            dropping_out=fact.dropping_out,
            no_network=fact.no_network,
            needs=fact.needs,
        )


def _youth_facts(today: date, minimum_on_by_youth: dict) -> Iterator[YouthFact]:
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
        signed_up_on = _local_date(created)
        vetted_on = None
        if status == ParticipantStatus.READY or proposed is not None:
            vetted_on = _local_date(reviewed) or _local_date(proposed) or signed_up_on
        proposed_on, first_meeting_on = _local_date(proposed), first_meetings.get(youth_id)
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
            completed_on=_local_date(completed),
            taken=programme_id is not None and status != ParticipantStatus.REJECTED,
            waiting=status in (ParticipantStatus.READY, ParticipantStatus.WAITING_LIST)
            and not open_pairs
            and youth_id not in out_of_pool,
        )


def _supply_cells(waiting: dict) -> Iterator[SupplyCell]:
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


def _unmatched_cells() -> Iterator[UnmatchedCell]:
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


PLACE = ("year", "association_id", "programme_id", "region", "departement")
PRIORITY_FIELDS = ("lives_in_qpv", "mission_locale", "dropping_out", "no_network")


def reach_dimensions() -> dict[str, tuple]:
    """Each dimension of the reach cube: (YouthYear condition or None, the field whose values
    it counts or None, the need's bit or None: then the condition reads ``needs_bit``)."""
    dimensions = {
        "total": (None, None, None),
        "age_band": (None, "age_band", None),
        "situation": (None, "situation", None),
    }
    for name in PRIORITY_FIELDS:
        dimensions[name] = (Q(**{name: True}), None, None)
    for need in Need:
        dimensions[f"need_{need.value}"] = (
            Q(needs_bit__gt=0),
            None,
            flags.mask_of(Need, [need.value]),
        )
    return dimensions


def narrowed(rows, dimension: str):
    """YouthYear rows in one dimension of the cube, and the field of its values (or None)."""
    condition, field, bit = reach_dimensions()[dimension]
    if bit is not None:
        rows = rows.annotate(needs_bit=F("needs").bitand(bit))
    return (rows.filter(condition) if condition is not None else rows), field


def _reach_cells() -> Iterator[ReachCell]:
    """The cube, from the YouthYear rows just written: one grouped query per dimension."""
    for dimension in reach_dimensions():
        rows, field = narrowed(YouthYear.objects.order_by(), dimension)
        keys = [*PLACE, field] if field else list(PLACE)
        for row in rows.values(*keys).annotate(n=Count("pk")):
            yield ReachCell(
                dimension=dimension,
                value=row[field] if field else "",
                youths=row["n"],
                **{key: row[key] for key in PLACE},
            )


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


def _signup_cells() -> Iterator[SignupCell]:
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


def _write(model, rows: Iterable) -> int:
    written = 0
    for chunk in _chunks(rows):
        model.objects.bulk_create(chunk)
        written += len(chunk)
    return written


def refresh(today: date | None = None) -> Refresh:
    """Rebuild every summary; returns the Refresh row the pages will show."""
    started = timezone.now()
    today = today or timezone.localdate()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # one rebuild at a time
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext('dashboards.refresh'))")
        for model in (
            PairFact,
            YouthYear,
            ReachCell,
            YouthFact,
            SignupCell,
            SupplyCell,
            UnmatchedCell,
        ):
            model.objects.all().delete()
        minimum_on_by_youth: dict[int, date] = {}
        years: dict[tuple[int, int], PairFact] = {}
        pairs = _write(PairFact, _pair_facts(today, minimum_on_by_youth, years))
        _write(YouthYear, _youth_years(years))
        years.clear()
        _write(ReachCell, _reach_cells())
        waiting = defaultdict(int)

        def youth_rows():
            for fact in _youth_facts(today, minimum_on_by_youth):
                if fact.waiting:
                    waiting[(fact.association_id, fact.programme_id, fact.departement)] += 1
                yield fact

        youths = _write(YouthFact, youth_rows())
        _write(SignupCell, _signup_cells())
        _write(SupplyCell, _supply_cells(waiting))
        _write(UnmatchedCell, _unmatched_cells())
        done = Refresh.objects.create(
            started_at=started, finished_at=timezone.now(), today=today, pairs=pairs, youths=youths
        )
        Refresh.objects.filter(finished_at__lt=done.finished_at).exclude(pk=done.pk).delete()
    _tidy()
    logger.info("Dashboards refreshed: %s pairs, %s youths", pairs, youths)
    return done


SUMMARY_TABLES = (PairFact, YouthYear, ReachCell, YouthFact, SignupCell, SupplyCell, UnmatchedCell)


def _tidy() -> None:
    """On PostgreSQL, fresh statistics for the planner and a visibility map for index-only
    scans (VACUUM cannot run in a transaction: inside one, only ANALYZE)."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for model in SUMMARY_TABLES:
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")


def last_refresh() -> Refresh | None:
    return Refresh.objects.filter(finished_at__isnull=False).order_by("-finished_at").first()
