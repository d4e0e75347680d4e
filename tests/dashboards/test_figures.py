"""Every figure equals a straightforward recount on the live tables, nationally, for an
association and for a referent's pairs."""

import datetime

import pytest
from django.db.models import Q
from django.utils import timezone

from matching.enums import CadenceStatus, PairStatus
from matching.models import Pair
from mentorat.dashboards.figures import (
    associations,
    durations,
    journey,
    overview,
    public,
    results,
    rhythm,
    supply,
)
from mentorat.dashboards.scope import Scope
from mentorat.dashboards.summaries import refresh
from mentorat.dashboards.tables import Hidden

pytestmark = pytest.mark.django_db


def recount(pairs, year, today):
    """The headline, counted from the pairs themselves."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    started = pairs.filter(started_on__isnull=False)
    ended_on = {p.pk: timezone.localdate(p.ended_at) for p in started if p.ended_at}
    of_year = [
        p
        for p in started
        if p.started_on <= end and (p.pk not in ended_on or ended_on[p.pk] >= start)
    ]
    on = min(today, end)
    return {
        "youths_mentored": len({p.youth_id for p in of_year}),
        "pairs_active": sum(
            1
            for p in of_year
            if p.started_on <= on and (p.pk not in ended_on or ended_on[p.pk] > on)
        ),
        "pairs_started": started.filter(started_on__year=year).count(),
        "pairs_closed": sum(1 for day in ended_on.values() if day.year == year),
    }


def headline_values(scope):
    headline = overview.headline(scope)
    return {
        key: headline[key]
        for key in ("youths_mentored", "pairs_active", "pairs_started", "pairs_closed")
    }


@pytest.mark.parametrize("years_back", [0, 1])
def test_the_national_headline_equals_a_recount(scenario, years_back):
    today = timezone.localdate()
    year = today.year - years_back
    assert headline_values(Scope(year=year)) == recount(Pair.objects.all(), year, today)


def test_an_association_and_a_referent_headline_equal_a_recount(scenario):
    today = timezone.localdate()
    association = scenario.association
    scope = Scope.for_association(association)
    assert headline_values(scope) == recount(
        Pair.objects.for_association(association), today.year, today
    )
    referent_scope = Scope.for_association(association, referent_id=scenario.referent.pk)
    assert headline_values(referent_scope) == recount(
        Pair.objects.filter(mentor__referent=scenario.referent), today.year, today
    )


def test_the_target_gives_a_progress_and_a_projection(scenario):
    today = timezone.localdate()
    headline = overview.headline(Scope(year=today.year))
    assert headline.target == 200_000
    assert headline.projection >= headline.youths_mentored
    assert 0 <= headline.progress_percent <= 100
    assert overview.headline(Scope(year=2021)).target == 100_000


def test_cadence_counts_read_matchings_one_definition(scenario):
    today = timezone.localdate()
    table = rhythm.cadence(Scope.for_association(scenario.association))
    counts = {row[0]: row[1] for row in table.rows}
    live = Pair.objects.for_association(scenario.association).active().with_cadence(today)
    for status in CadenceStatus:
        assert counts[status.label] == live.filter(cadence_status=status).count()
    assert sum(counts.values()) == live.count()
    assert f"Total : {live.count()}." in [str(note) for note in table.notes]


def test_durations_and_the_six_month_cohort(scenario):
    today = timezone.localdate()
    scope = Scope.for_association(scenario.association)
    table = durations.minimum_duration(Scope.for_association(scenario.association, year=today.year))
    rows = {row[0]: row[1] for row in table.rows}
    cohort_total = sum(rows.values())
    # Recount: pairs of the association started this year at least 6 months ago.
    cohort = [
        p
        for p in Pair.objects.for_association(scenario.association).filter(
            started_on__year=today.year
        )
        if p.minimum_reached_on <= today
    ]
    assert cohort_total == len(cohort)
    by_duration = durations.durations(scope)
    assert (
        sum(row[1] for row in by_duration.rows)
        == Pair.objects.for_association(scenario.association)
        .filter(started_on__year=today.year)
        .count()
    )


def test_early_endings_say_who_and_why(scenario):
    today = timezone.localdate()
    scope = Scope.for_association(scenario.association)
    by_who = {row[0]: row[1] for row in durations.early_endings_by_who(scope).rows}
    early = [
        p
        for p in Pair.objects.for_association(scenario.association).filter(
            status=PairStatus.ENDED_EARLY
        )
        if timezone.localdate(p.ended_at).year == today.year
        and timezone.localdate(p.ended_at) < p.minimum_reached_on
    ]
    assert sum(by_who.values()) == len(early)
    assert by_who["Le jeune"] == sum(
        1 for p in early if p.closure_requested_by_id == p.youth.user_id
    )


def test_the_funnel_follows_the_youths_who_signed_up_this_year(scenario):
    today = timezone.localdate()
    scope = Scope.for_association(scenario.association)
    rows = journey.funnel(scope).rows
    from programmes.models import YouthProfile

    signed_up = YouthProfile.objects.for_association(scenario.association).filter(
        created_at__year=today.year
    )
    assert rows[0][1] == signed_up.count()
    active = signed_up.filter(pairs__started_on__isnull=False).distinct().count()
    assert rows[3][1] == active
    assert journey.delays(scope).rows  # one query, five medians


def test_outcomes_read_the_questionnaires(scenario):
    scope = Scope.for_association(scenario.association)
    today = timezone.localdate()
    completed_this_year = Pair.objects.filter(
        status=PairStatus.COMPLETED, programme__association=scenario.association
    ).filter(Q(ended_at__year=today.year))
    progress = results.progress(scope)
    if completed_this_year.exists():
        # Answered 2 at the start and 4 at the end: +2 on every dimension.
        assert all(row[1] == pytest.approx(2.0) for row in progress.rows)
        outcomes = {row[0]: row for row in results.outcomes(scope).rows}
        assert outcomes["Conseilleraient le mentorat"][2] == pytest.approx(1.0)


def test_the_ministry_never_sees_a_count_under_5(scenario):
    """The crafted history holds fewer than 5 youths per group: everything small is hidden
    on the national scope, and shown to the association itself."""
    national = public.reach_by_age(Scope())
    assert all(isinstance(row[1], Hidden) or row[1] >= 5 for row in national.rows)
    own = public.reach_by_age(Scope.for_association(scenario.association))
    assert not any(isinstance(row[1], Hidden) for row in own.rows)


def test_supply_counts_youths_waiting_and_free_places(scenario):
    from programmes.models import MentorProfile

    table = supply.supply(Scope.for_association(scenario.association))
    paris = next(row for row in table.rows if row[0] == "75")
    places = sum(
        m.capacity - m.open_pairs
        for m in MentorProfile.objects.for_association(scenario.association).ready()
        if m.departement_id == "75"
    )
    assert paris[3] == places
    assert paris[2] == 1  # the ready youth without a pair (the one to vet waits for staff)


def test_refresh_is_idempotent(scenario):
    first = overview.headline(Scope())
    refresh()
    assert overview.headline(Scope()) == first


def youths_of_year(pairs, year):
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return {
        p.youth
        for p in pairs.filter(started_on__isnull=False).select_related("youth")
        if p.started_on <= end and (p.ended_at is None or timezone.localdate(p.ended_at) >= start)
    }


@pytest.mark.parametrize("referent", [False, True])
def test_who_is_reached_equals_a_recount(scenario, referent):
    from programmes.models.participants import age_on

    year = timezone.localdate().year
    pairs = Pair.objects.for_association(scenario.association)
    if referent:
        pairs = pairs.filter(mentor__referent=scenario.referent)
    scope = Scope.for_association(
        scenario.association, referent_id=scenario.referent.pk if referent else None
    )
    youths = youths_of_year(pairs, year)
    priority = {row[0]: row[1] for row in public.reach_priority(scope).rows}
    assert priority["Habitant un quartier prioritaire (QPV)"] == sum(
        1 for y in youths if y.lives_in_qpv
    )
    needs = {row[0]: row[1] for row in public.reach_by_need(scope).rows}
    assert needs["Trouver une alternance"] == len(youths)  # every youth of the factory
    assert needs["Trouver un emploi"] == 0
    ages = {row[0]: row[1] for row in public.reach_by_age(scope).rows}
    first_pair = {p.youth_id: p for p in pairs.filter(started_on__isnull=False)}
    expected_20 = sum(
        1 for y in youths if 18 <= age_on(y.birth_date, first_pair[y.pk].started_on) <= 21
    )
    assert ages["18 à 21 ans"] == expected_20
    assert sum(ages.values()) == len(youths)
    departements = {row[0]: row[1] for row in public.reach_by_departement(scope).rows}
    assert departements["75 — Paris"] == len(youths)


def test_the_funnels_cube_equals_the_youths_facts(scenario):
    from django.db.models import Count as C

    from mentorat.dashboards.summaries.signups import DELAY_FIELDS, funnel_counts

    for scope in (Scope(), Scope.for_association(scenario.association)):
        assert scope.funnel() == scope.youths_signed_up().aggregate(**funnel_counts(None))
        histograms = scope.delays()
        for field in DELAY_FIELDS:
            direct = dict(
                scope.youths_signed_up()
                .filter(**{f"{field}__isnull": False})
                .values(field)
                .annotate(n=C("youth_id"))
                .values_list(field, "n")
            )
            assert histograms[field] == direct
    # A referent's funnel is counted on the youths' facts themselves.
    referent = Scope.for_association(scenario.association, referent_id=scenario.referent.pk)
    assert referent.funnel()["active"] == 2
    assert sum(referent.delays()["days_to_active"].values()) == 2


def test_median_of_a_histogram():
    assert journey.median_of({}) is None
    assert journey.median_of({3: 1}) == 3
    assert journey.median_of({1: 1, 5: 1}) == 3
    assert journey.median_of({1: 2, 9: 1}) == 1
    assert journey.median_of({1: 1, 2: 1, 10: 2}) == 6


def test_the_associations_table_compares_youths_taken_with_capacity(scenario):
    from programmes.enums import ParticipantStatus
    from programmes.models import YouthProfile

    national = associations.associations(Scope())
    # The other association's 3 youths are hidden, and this one's 10 with them.
    assert {
        str(row[3])
        for row in national.rows
        if row[0] in (scenario.association.name, scenario.other_association.name)
    } == {"< 5", "masqué"}
    table = associations.associations(Scope(national=False))
    row = next(row for row in table.rows if row[0] == scenario.association.name)
    taken = (
        YouthProfile.objects.for_association(scenario.association)
        .exclude(status=ParticipantStatus.REJECTED)
        .count()
    )
    assert row[3] == taken
    assert row[4] == scenario.programme.capacity


def test_pairs_started_each_month_over_a_year(scenario):
    scope = Scope.for_association(scenario.association)
    rows = overview.starts_by_month(scope).rows
    assert len(rows) == 12
    today = timezone.localdate()
    first = datetime.date(*map(int, reversed(rows[0][0].split("/"))), 1)
    expected = (
        Pair.objects.for_association(scenario.association)
        .filter(started_on__gte=first, started_on__lte=today)
        .count()
    )
    assert sum(row[1] for row in rows) == expected
    assert rows[-1][0] == today.strftime("%m/%Y")
