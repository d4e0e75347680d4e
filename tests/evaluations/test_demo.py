import pytest
from django.utils import timezone

from evaluations.demo import seed_evaluations_demo
from evaluations.models import (
    ClosureEvaluation,
    FollowUpNote,
    MeetingEvaluation,
    ObjectiveOutcome,
    Response,
)
from evaluations.progress import compare
from tests.evaluations.factories import followed_pair
from tests.matching.factories import MeetingFactory, complete

pytestmark = pytest.mark.django_db


def counts():
    return [
        model.objects.count()
        for model in (Response, MeetingEvaluation, ClosureEvaluation, FollowUpNote)
    ]


def test_the_demo_evaluates_the_pairs_it_finds_and_runs_twice_without_change():
    today = timezone.localdate()
    running = [followed_pair(started_on=today - timezone.timedelta(days=30 + n)) for n in range(7)]
    for pair in running:
        MeetingFactory(pair=pair, held_on=pair.started_on + timezone.timedelta(days=3))
        MeetingFactory(pair=pair, held_on=pair.started_on + timezone.timedelta(days=20))
    closed = complete(followed_pair())

    seed_evaluations_demo()
    first = counts()
    seed_evaluations_demo()

    assert counts() == first
    assert all(first)
    start = Response.objects.start().get(pair=closed)
    end = Response.objects.end().get(pair=closed)
    assert compare(start, end)
    assert ObjectiveOutcome.objects.filter(response=end).exists()
    assert ClosureEvaluation.objects.filter(pair=closed).count() == 2
    assert MeetingEvaluation.objects.unfit().exists()
    assert MeetingEvaluation.objects.low().exists()
    # Some running pairs still wait for their start questionnaire, or a follow-up contact.
    assert Response.objects.start().filter(pair__in=running).count() < len(running)
    assert FollowUpNote.objects.filter(pair__in=running).values("pair").distinct().count() < 7
