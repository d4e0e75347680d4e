"""The demo's year of history (mentorat/core/demo/history): enough for every dashboard figure to
show something, shaped like the programme's public figures, and quiet for the reminders."""

import datetime
from collections import Counter

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.db.models import Count, F, Q
from django.utils import timezone
from localflavor.fr.fr_department import DEPARTMENT_CHOICES_PER_REGION

from evaluations.enums import QuestionnaireKind
from evaluations.models import Answer, ObjectiveOutcome, Response
from matching.enums import CadenceStatus, ClosureReason, ObjectiveStatus, PairStatus, RunStatus
from matching.models import MatchingRun, Meeting, Objective, Pair, PairEvent, UnmatchedYouth
from mentorat.core.demo.history import HISTORY_YOUTHS
from programmes.enums import ParticipantStatus, Situation
from programmes.models import MentorProfile, ParentalConsent, YouthProfile
from programmes.models.participants import AGE_BANDS, age_on

pytestmark = pytest.mark.django_db

HISTORY = Q(youth__user__email__startswith="historique.")
REGION = {code: region for code, _name, region in DEPARTMENT_CHOICES_PER_REGION}


@pytest.fixture
def seeded():
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_a_year_of_pairs_in_every_state_across_the_associations(seeded):
    today = timezone.localdate()
    pairs = Pair.objects.filter(HISTORY)
    started = pairs.filter(started_on__isnull=False)
    assert YouthProfile.objects.filter(user__email__startswith="historique.").count() == (
        HISTORY_YOUTHS
    )
    statuses = Counter(pairs.values_list("status", flat=True))
    assert set(statuses) == {
        PairStatus.ACTIVE,
        PairStatus.COMPLETED,
        PairStatus.ENDED_EARLY,
        PairStatus.DECLINED,
        PairStatus.EXPIRED,
        PairStatus.REJECTED,
    }
    # Over a year: pairs started in at least 12 different months, some more than a year ago.
    months = {(day.year, day.month) for day in started.values_list("started_on", flat=True)}
    assert len(months) >= 12
    assert started.filter(started_on__lt=today - relativedelta(months=12)).exists()
    # Every labelled association, and the demo staff's association the busiest.
    by_association = Counter(started.values_list("programme__association__name", flat=True))
    assert len(by_association) == 10 and by_association.most_common(1)[0][0] == "Afev"
    # Several régions, overseas included.
    departements = set(started.values_list("youth__departement", flat=True))
    assert len({REGION[code] for code in departements}) >= 6
    assert {"971", "974"} <= departements


def test_early_endings_follow_the_programme_s_figures(seeded):
    started = Pair.objects.filter(HISTORY, started_on__isnull=False)
    # Among pairs that had the time to reach six months, 25-35% ended before.
    old = started.filter(started_on__lte=timezone.localdate() - relativedelta(months=7))
    early = old.filter(status=PairStatus.ENDED_EARLY).count()
    assert 0.22 <= early / old.count() <= 0.38
    ended_early = started.filter(status=PairStatus.ENDED_EARLY)
    sides = Counter()
    for pair in ended_early.select_related("youth", "mentor"):
        if pair.closure_requested_by_id == pair.mentor.user_id:
            sides["mentor"] += 1
        elif pair.closure_requested_by_id == pair.youth.user_id:
            sides["youth"] += 1
        else:
            sides["staff"] += 1
    assert sides["mentor"] > sides["youth"] > 0 and sides["staff"] > 0
    reasons = set(ended_early.values_list("closure_reason", flat=True))
    assert len(reasons) >= 5 and ClosureReason.OBJECTIVES_REACHED not in reasons
    # Each closure is a step of the pair, by whom it was asked.
    closing = PairEvent.objects.filter(pair__in=ended_early, to_status=PairStatus.ENDED_EARLY)
    assert closing.count() == ended_early.count()
    assert not closing.exclude(by=F("pair__closure_requested_by")).exists()
    assert ended_early.filter(rematch_requested_at__isnull=False).exists()


def test_durations_meetings_and_outcomes_fill_every_figure(seeded):
    today = timezone.localdate()
    started = Pair.objects.filter(HISTORY, started_on__isnull=False)
    buckets = Counter()
    for start, ended_at in started.values_list("started_on", "ended_at"):
        end = timezone.localdate(ended_at) if ended_at else today
        delta = relativedelta(end, start)
        buckets[min((delta.years * 12 + delta.months) // 3, 4)] += 1
    assert all(buckets[bucket] >= 5 for bucket in range(5)), buckets  # < 3 ... > 12 months

    meetings = Meeting.objects.filter(pair__in=started)
    assert meetings.count() > 5 * started.count() // 2
    minutes = set(meetings.values_list("duration_minutes", flat=True))
    assert min(minutes) < 90 <= max(minutes) and len(minutes) >= 5
    assert started.annotate(n=Count("meetings")).filter(n=0).exists()  # never met

    assert Objective.objects.filter(pair__in=started, status=ObjectiveStatus.REACHED).exists()
    responses = Response.objects.filter(pair__in=started)
    assert responses.filter(kind=QuestionnaireKind.START).count() > started.count() // 2
    ends = responses.filter(kind=QuestionnaireKind.END)
    assert ends.count() >= 30
    satisfied = Answer.objects.filter(response__in=ends, item__code="satisfaction_globale")
    assert satisfied.filter(number__gte=4).count() > satisfied.count() // 2
    assert ObjectiveOutcome.objects.filter(response__in=ends).exists()
    # Completed pairs lasted their six months at least, and reached an objective.
    for pair in started.filter(status=PairStatus.COMPLETED).prefetch_related("objectives"):
        assert pair.started_on + relativedelta(months=6) <= timezone.localdate(pair.ended_at)
        assert any(o.status == ObjectiveStatus.REACHED for o in pair.objectives.all())

    running = Pair.objects.filter(HISTORY).with_cadence().active()
    assert set(running.values_list("cadence_status", flat=True)) == set(CadenceStatus)


def test_who_is_reached_waiting_and_free_places(seeded):
    today = timezone.localdate()
    youths = YouthProfile.objects.filter(user__email__startswith="historique.")
    bands = Counter()
    for birth in youths.values_list("birth_date", flat=True):
        age = age_on(birth, today)
        bands[next((low, high) for low, high in AGE_BANDS if low <= age <= high)] += 1
    assert set(bands) == set(AGE_BANDS)
    assert 0.48 <= youths.filter(lives_in_qpv=True).count() / youths.count() <= 0.62
    for flag in ("followed_by_mission_locale", "at_risk_of_dropping_out"):
        assert youths.filter(**{flag: True}).count() >= 10
    assert set(youths.values_list("situation", flat=True)) == set(Situation)
    # Under 15 when they signed up: a parent agreed.
    with_consent = youths.filter(parental_consent_given_at__isnull=False)
    assert with_consent.exists()
    assert ParentalConsent.objects.filter(youth__in=with_consent).count() == with_consent.count()

    open_pairs = Pair.objects.open()
    waiting = youths.filter(status=ParticipantStatus.READY).exclude(pairs__in=open_pairs)
    assert waiting.count() >= 20
    mentors = MentorProfile.objects.filter(user__email__startswith="historique.")
    assert mentors.filter(open_pairs__lt=F("capacity")).count() >= 20
    for mentor in mentors.annotate(running=Count("pairs", filter=Q(pairs__in=open_pairs))):
        assert mentor.open_pairs == mentor.running <= mentor.capacity
    # The last national batch left the youths waiting without a proposal, and said why.
    run = MatchingRun.objects.get(scope="national", status=RunStatus.DONE)
    left = UnmatchedYouth.objects.filter(run=run)
    assert left.count() == waiting.filter(pairs__started_on__isnull=True).distinct().count()
    assert all(count >= 5 for count in Counter(left.values_list("reason", flat=True)).values())


def test_nothing_recent_for_the_reminders_to_announce(seeded):
    """Events older than 14 days are never announced: history's are all older."""
    now = timezone.now()
    quiet = now - datetime.timedelta(days=15)
    pairs = Pair.objects.filter(HISTORY)
    assert not Meeting.objects.filter(pair__in=pairs, logged_at__gt=quiet).exists()
    assert not pairs.filter(ended_at__gt=quiet).exists()
    assert not pairs.filter(started_on__gt=timezone.localdate(quiet) - datetime.timedelta(7))
    assert not PairEvent.objects.filter(pair__in=pairs, at__gt=quiet).exists()
    assert not Meeting.objects.filter(pair__in=pairs, alert_referent=True).exists()
