"""Batch matching over the database: hard rules, proposals written in bulk, one run at a time."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from matching.enums import PairStatus, RunStatus
from matching.models import MatchingRun, MatchingWeights, Pair
from matching.services import RunRefused, run_execute, run_start
from programmes.enums import Gender
from tests.matching.factories import PairFactory
from tests.programmes.factories import (
    MentorProfileFactory,
    ParentalConsentFactory,
    ProgrammeFactory,
    YouthProfileFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgrammeFactory(slug="duo-paris")


def run_batch(programme):
    return run_execute(run_start(programme=programme, by=None))


def proposed(programme):
    return set(
        Pair.objects.filter(programme=programme, status=PairStatus.PROPOSED).values_list(
            "youth_id", "mentor_id"
        )
    )


def test_a_batch_proposes_the_best_pairs_and_takes_the_mentor_places(programme):
    youths = YouthProfileFactory.create_batch(3, programme=programme, ready=True)
    mentor = MentorProfileFactory(programme=programme, ready=True, capacity=2)

    run = run_batch(programme)

    assert run.status == RunStatus.DONE and run.progress == 100
    assert run.summary["proposals"] == 2
    assert run.summary["unmatched"] == {"capacity_exhausted": 1}
    assert {youth for youth, _ in proposed(programme)} < {youth.pk for youth in youths}
    mentor.refresh_from_db()
    assert mentor.open_pairs == 2


def test_a_minor_is_never_proposed_a_mentor_without_a_valid_attestation(programme):
    YouthProfileFactory(programme=programme, ready=True, minor=True)
    MentorProfileFactory(programme=programme, ready=True)

    assert run_batch(programme).summary["proposals"] == 0
    assert proposed(programme) == set()


def test_a_minor_is_proposed_a_mentor_whose_attestation_was_seen(programme):
    youth = YouthProfileFactory(programme=programme, ready=True, minor=True)
    mentor = MentorProfileFactory(programme=programme, ready=True, with_attestation=True)

    run_batch(programme)

    assert proposed(programme) == {(youth.pk, mentor.pk)}


def test_under_15_without_parental_consent_is_not_matchable(programme):
    youth = YouthProfileFactory(programme=programme, ready=True, under_15=True, status="ready")
    MentorProfileFactory(programme=programme, ready=True, with_attestation=True)

    run = run_batch(programme)

    assert run.summary["unmatched"] == {"consent_missing": 1}
    ParentalConsentFactory(youth=youth, given=True)
    run_batch(programme)
    assert len(proposed(programme)) == 1


def test_a_same_gender_preference_is_a_hard_filter(programme):
    YouthProfileFactory(
        programme=programme, ready=True, gender=Gender.FEMALE, prefers_same_gender=True
    )
    MentorProfileFactory(programme=programme, ready=True, gender=Gender.MALE)

    assert run_batch(programme).summary["proposals"] == 0


def test_people_declined_together_before_are_not_proposed_again(programme):
    pair = PairFactory(youth__programme=programme, approved=True)
    pair.answer(by=pair.youth.user, accepted=False, reason="Pas le bon domaine.")

    assert run_batch(programme).summary["proposals"] == 0


def test_youths_and_mentors_already_paired_are_left_out(programme):
    PairFactory(youth__programme=programme, mentor__capacity=1, active=True)
    assert run_batch(programme).summary["proposals"] == 0


def test_people_not_yet_approved_are_left_out(programme):
    YouthProfileFactory(programme=programme)  # pending review
    MentorProfileFactory(programme=programme, ready=True)
    assert run_batch(programme).summary["proposals"] == 0


def test_a_second_batch_for_the_same_programme_is_refused_while_one_runs(programme):
    run_start(programme=programme, by=None)
    with pytest.raises(RunRefused, match="déjà en cours"):
        run_start(programme=programme, by=None)


def test_all_weights_at_zero_are_refused_by_the_database(programme):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        MatchingWeights.objects.create(
            programme=programme,
            geography=0,
            needs=0,
            sector=0,
            format=0,
            availability=0,
            languages=0,
        )


def test_a_programme_without_mentors_leaves_every_youth_with_a_reason(programme):
    YouthProfileFactory.create_batch(2, programme=programme, ready=True)

    run = run_batch(programme)

    assert run.status == RunStatus.DONE
    assert run.summary["unmatched"] == {"no_mentor_in_departement": 2}
    assert run.summary["unmatched_by_departement"] == {"75": 2}


def test_loading_and_writing_a_batch_takes_a_bounded_number_of_queries(
    programme, django_assert_max_num_queries
):
    for _ in range(30):
        YouthProfileFactory(programme=programme, ready=True)
    MentorProfileFactory.create_batch(10, programme=programme, ready=True, capacity=3)

    # Bounded: reads in bulk, one insert per 2,000 proposals, one update per capacity level.
    with django_assert_max_num_queries(22):
        run = run_batch(programme)

    assert run.summary["proposals"] == 30


def test_run_matching_prints_without_writing_then_writes_with_wet_run(programme, capsys):
    YouthProfileFactory(programme=programme, ready=True)
    MentorProfileFactory(programme=programme, ready=True)

    call_command("run_matching", "--programme", "duo-paris")
    assert "duo-paris: 1 propositions" in capsys.readouterr().out
    assert not Pair.objects.exists() and not MatchingRun.objects.exists()

    call_command("run_matching", "--programme", "duo-paris", "--wet-run")
    assert "1 propositions écrites" in capsys.readouterr().out
    assert Pair.objects.count() == 1


def test_run_matching_refuses_an_unknown_programme():
    with pytest.raises(CommandError, match="Aucun programme"):
        call_command("run_matching", "--programme", "inconnu")


def test_a_national_run_and_a_programme_run_never_overlap(programme):
    run_start(programme=None, by=None)
    with pytest.raises(RunRefused, match="déjà en cours"):
        run_start(programme=programme, by=None)


def test_runs_stranded_by_a_lost_message_or_a_dead_worker_are_recovered(programme):
    from datetime import timedelta

    from django.utils import timezone

    from matching.tasks import requeue_stranded_runs

    lost = run_start(programme=programme, by=None)
    MatchingRun.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(hours=2))
    other = ProgrammeFactory()
    dead = run_start(programme=other, by=None)
    MatchingRun.objects.filter(pk=dead.pk).update(
        status=RunStatus.RUNNING, created_at=timezone.now() - timedelta(hours=2)
    )

    assert requeue_stranded_runs() == 1

    lost.refresh_from_db()
    dead.refresh_from_db()
    assert lost.status == RunStatus.DONE  # queued again, and run (tasks run eagerly in tests)
    assert dead.status == RunStatus.FAILED and "Relancez" in dead.error
    run_start(programme=other, by=None)  # no longer blocked


def test_a_run_is_claimed_once_and_closed_once(programme):
    run = run_start(programme=programme, by=None)
    twin = MatchingRun.objects.get(pk=run.pk)  # the same run, as a redelivered task sees it

    assert run.claim() is True
    assert twin.claim() is False
    assert run.finish(summary={"proposals": 0}) is True
    assert twin.fail(error="late") is False  # a finished run stays finished

    run.refresh_from_db()
    assert (run.status, run.progress, run.error) == (RunStatus.DONE, 100, "")
    assert run.finished_at is not None
