"""One fact per pair that started (``PairFact``), and from them one row per youth and year
mentored (``YouthYear``): its meetings, objectives, questionnaires, and for a running pair the
cadence, the referent's next contact and the risk signals, read where those rules live."""

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from types import SimpleNamespace

from dateutil.relativedelta import relativedelta
from django.db.models import Avg, Count, Q, Sum

from evaluations.enums import Dimension, ItemKind, QuestionnaireKind
from evaluations.models import Answer, contact_due, with_contacts
from evaluations.risk import signals_of, with_signals
from matching.enums import ObjectiveStatus, PairStatus, YouthConfirmation
from matching.models import Meeting, Objective, Pair
from programmes.models.participants import age_on

from ..geo import region_of
from ..models import PROGRESS_DIMENSIONS, PairFact, YouthYear
from .bands import age_band_code, duration_band
from .common import CHUNK, local_date

LONG_MEETING_MINUTES = 90  # "at least 1 h 30", the national minimum


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


def pair_facts(today: date, minimum_on_by_youth: dict, years: dict) -> Iterator[PairFact]:
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
            local_date(ended_at)
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


def youth_years(years: dict) -> Iterator[YouthYear]:
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
