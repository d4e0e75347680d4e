"""The national batch from the database: its benchmark runs (at a small size), and the batch
reads and writes in a number of queries that does not grow with the population."""

import json

import pytest
from django.db import connection

from benchmarks.matching_db import main
from benchmarks.national_population import fill
from matching.engine import explain_pair
from matching.enums import PairStatus
from matching.models import MatchingRun, Pair, PairEvent, UnmatchedYouth
from matching.population import load_mentees, load_mentors
from matching.services import run_start, weights_of
from matching.tasks import run_matching_batch
from programmes.models import MentorProfile, YouthProfile
from tests.programmes.factories import YouthProfileFactory

pytestmark = pytest.mark.django_db

REPORT_KEYS = {
    "mentees",
    "mentors",
    "load_s",
    "solve_s",
    "write_s",
    "total_s",
    "queries",
    "peak_mb",
    "proposals",
}


def test_the_database_benchmark_runs_small_and_ends_with_a_json_line(capsys):
    report = main(["--mentees", "300", "--mentors", "140"])

    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    assert json.loads(last_line) == report
    assert REPORT_KEYS <= report.keys()
    assert (report["mentees"], report["mentors"]) == (300, 140)
    assert 0 < report["proposals"] == report["written"] <= 300
    assert report["queries"] < 50
    assert not YouthProfile.objects.exists() and not MentorProfile.objects.exists()  # emptied


def test_the_database_benchmark_leaves_a_database_holding_people_alone():
    YouthProfileFactory()
    with pytest.raises(SystemExit, match="--reset"):
        main(["--mentees", "30", "--mentors", "10"])
    assert YouthProfile.objects.count() == 1


def test_the_filled_population_is_what_the_batch_considers():
    filled = fill(300, 140, seed=3)

    assert YouthProfile.objects.count() > 300 and MentorProfile.objects.count() > 140
    run = run_start(programme=None, by=filled["ministry"])
    run_matching_batch(run.pk)
    run.refresh_from_db()
    assert run.summary["proposals"] + sum(run.summary["unmatched"].values()) == 300


# The run read and claimed; programmes, youths, mentors, earlier pairs, weights (read, then
# those missing created); progress (after loading, then at most every 5%: 3 writes for these
# 2 programmes); savepoint, pairs, their events, mentors' places, unmatched youths, release;
# the run finished and read again.
NATIONAL_BATCH_QUERIES = 19


@pytest.mark.parametrize("youths", [20, 200])
def test_a_national_batch_reads_and_writes_in_the_same_queries_whatever_its_size(
    youths, django_assert_num_queries, django_assert_max_num_queries
):
    filled = fill(youths, youths // 2, seed=1)
    run = run_start(programme=None, by=filled["ministry"])

    # Elsewhere than on PostgreSQL, rows go by bulk_create batches (76 pairs on SQLite).
    exactly = connection.vendor == "postgresql"
    with (django_assert_num_queries if exactly else django_assert_max_num_queries)(
        NATIONAL_BATCH_QUERIES if exactly else NATIONAL_BATCH_QUERIES + youths // 50
    ):
        run_matching_batch(run.pk)

    run.refresh_from_db()
    assert run.summary["proposals"] == Pair.objects.filter(run=run).count() > 0
    assert UnmatchedYouth.objects.filter(run=run).count() == sum(run.summary["unmatched"].values())
    assert set(run.summary["seconds"]) == {"load", "solve", "explain", "write"}


def test_each_batch_proposal_starts_its_history_and_takes_its_mentor_place():
    filled = fill(60, 30, seed=2)
    places_before = dict(MentorProfile.objects.values_list("pk", "open_pairs"))
    run = run_start(programme=None, by=filled["ministry"])

    run_matching_batch(run.pk)

    proposals = Pair.objects.filter(run=run)
    events = PairEvent.objects.filter(pair__run=run)
    assert events.count() == proposals.count() > 0
    assert set(events.values_list("from_status", "to_status", "by")) == {
        ("", PairStatus.PROPOSED, filled["ministry"].pk)
    }
    for mentor in MentorProfile.objects.filter(pairs__run=run).distinct():
        taken = proposals.filter(mentor=mentor).count()
        assert mentor.open_pairs == places_before[mentor.pk] + taken
        assert mentor.open_pairs == mentor.pairs.open().count()
    assert MatchingRun.objects.get(pk=run.pk).progress == 100


def test_each_batch_proposal_stores_the_explanation_a_single_pair_gets():
    """One explanation path: what the batch writes for each proposal, computed for all at
    once, is what the engine says of that pair alone (and what a proposal by hand stores)."""
    filled = fill(60, 30, seed=3)
    run = run_start(programme=None, by=filled["ministry"])

    run_matching_batch(run.pk)

    proposals = list(Pair.objects.filter(run=run).select_related("programme"))
    assert proposals
    for pair in proposals:
        mentees = load_mentees(YouthProfile.objects.filter(pk=pair.youth_id))
        mentors = load_mentors(MentorProfile.objects.filter(pk=pair.mentor_id))
        alone = explain_pair(mentees, 0, mentors, 0, weights_of(pair.programme))
        assert pair.explanation == json.loads(json.dumps(alone.stored()))
        assert pair.score == pytest.approx(alone.score, abs=0.01)
