import numpy as np
import pytest

from matching.engine import (
    MatchingError,
    MenteeArrays,
    MentorArrays,
    Need,
    UnmatchedReason,
    Weights,
    assign,
    find_candidates,
    run_matching,
    suggest_mentors,
)

from .factories import mentee, mentees, mentor, mentors
from .random_data import random_population


def proposals(result) -> list[tuple[int, int, float]]:
    return [(p.mentee_id, p.mentor_id, p.score) for p in result.proposals()]


def test_no_mentor_at_all():
    result = run_matching(
        mentees(mentee(1, "69", needs=("apprenticeship",))), MentorArrays.from_records([])
    )
    assert result.matched == 0 and result.optimal
    (unmatched,) = result.unmatched()
    assert unmatched.reason is UnmatchedReason.NO_MENTOR_IN_DEPARTEMENT
    assert unmatched.params == {"departement": "69", "need": Need.APPRENTICESHIP}
    assert result.unmatched_by_departement() == {"69": 1}


def test_empty_youth_set():
    result = run_matching(MenteeArrays.from_records([]), mentors(mentor(10)))
    assert result.matched == 0 and result.total_score == 0
    assert list(result.unmatched()) == [] and result.unmatched_by_departement() == {}


def test_a_youth_without_candidate_among_matched_ones():
    result = run_matching(
        mentees(mentee(1, "75"), mentee(2, "976", format="in_person", needs=("employment",))),
        mentors(mentor(10, "75")),
    )
    assert [(p.mentee_id, p.mentor_id) for p in result.proposals()] == [(1, 10)]
    (unmatched,) = result.unmatched()
    assert unmatched.mentee_id == 2
    assert unmatched.params == {"departement": "976", "need": Need.EMPLOYMENT}


def test_unmatched_reasons_and_departement_counts():
    result = run_matching(
        mentees(
            mentee(1, "13"),
            mentee(2, "13", availability=("sun_evening",)),
            mentee(3, "13", matchable=False),
            mentee(4, "59", format="in_person"),
            mentee(5, "13", needs=("back_to_school",), is_minor=True),
        ),
        mentors(
            mentor(10, "13"),
            mentor(11, "13", needs=("back_to_school",), has_valid_attestation=False),
        ),
    )
    reasons = {u.mentee_id: (u.reason, u.params) for u in result.unmatched()}
    assert reasons == {
        2: (UnmatchedReason.CAPACITY_EXHAUSTED, {"candidates": 1}),
        3: (UnmatchedReason.CONSENT_MISSING, {}),
        4: (
            UnmatchedReason.NO_MENTOR_IN_DEPARTEMENT,
            {"departement": "59", "need": Need.ORIENTATION},
        ),
        5: (
            UnmatchedReason.NO_COMPATIBLE_MENTOR,
            {"departement": "13", "need": Need.BACK_TO_SCHOOL},
        ),
    }
    assert result.unmatched_by_departement() == {"13": 3, "59": 1}


def test_optimal_beats_greedy_where_greedy_is_short_sighted():
    # Greedy gives mentor 10 to youth 1 (the best single pair), leaving youth 2, who can only
    # meet mentor 10 in person, alone; the optimum sends youth 1 to the remote mentor 11.
    weights = Weights(geography=1, needs=1, sector=0, format=0, availability=0, languages=0)
    candidates = find_candidates(
        mentees(mentee(1, "29", format="both"), mentee(2, "22", format="in_person")),
        mentors(mentor(10, "29", format="in_person"), mentor(11, "13", format="remote")),
        weights=weights,
    )
    optimal = assign(candidates)
    greedy = assign(candidates, method="greedy")
    assert [(y, m) for y, m, _ in proposals(greedy)] == [(1, 10)]
    assert [(y, m) for y, m, _ in proposals(optimal)] == [(1, 11), (2, 10)]
    assert optimal.total_score > greedy.total_score and optimal.matched > greedy.matched
    assert optimal.optimal and not greedy.optimal


def test_optimal_never_scores_below_greedy():
    youths, helpers = random_population(600, 250, seed=3)
    candidates = find_candidates(youths, helpers, k=10)
    optimal, greedy = assign(candidates), assign(candidates, method="greedy")
    assert optimal.total_score >= greedy.total_score
    assert optimal.optimal


def test_same_input_same_proposals_whatever_the_row_order():
    youths, helpers = random_population(800, 300, seed=5)
    first = run_matching(youths, helpers)
    again = run_matching(youths, helpers)
    rng = np.random.default_rng(0)
    shuffled = run_matching(
        youths.take(rng.permutation(len(youths))), helpers.take(rng.permutation(len(helpers)))
    )
    assert proposals(first) == proposals(again) == proposals(shuffled)
    assert first.matched > 0


def test_capacities_hold_on_a_random_population():
    youths, helpers = random_population(1500, 500, seed=11)
    result = run_matching(
        youths, helpers, excluded_pairs=[(int(youths.ids[0]), int(helpers.ids[0]))]
    )
    taken = np.bincount(
        np.searchsorted(np.sort(helpers.ids), result.mentor_ids), minlength=len(helpers)
    )
    capacity = helpers.capacity[np.argsort(helpers.ids)]
    assert (taken <= capacity).all()
    assert len(set(result.mentee_ids.tolist())) == result.matched


def test_suggestions_for_one_youth_rank_all_mentors_with_batch_scores():
    youth = mentee(1, "93", needs=("internship",), sector=2)
    helpers = mentors(
        mentor(10, "93", sector=2),
        mentor(11, "75"),
        mentor(12, "13", format="remote"),
        mentor(13, "93", remaining_capacity=0),
        mentor(14, "93", needs=("employment",)),
        mentor(15, "93", sector=2),
    )
    suggestions = suggest_mentors(youth, helpers, excluded_mentor_ids=[15], limit=3)
    assert [s.mentor_id for s in suggestions] == [10, 11, 12]
    assert suggestions[0].score > suggestions[1].score > suggestions[2].score
    assert all(s.explanation.score == s.score for s in suggestions)


def test_suggestions_for_a_youth_who_is_not_matchable():
    assert suggest_mentors(mentee(1, matchable=False), mentors(mentor(10))) == []


def test_invalid_parameters_are_refused():
    with pytest.raises(MatchingError):
        find_candidates(mentees(mentee(1)), mentors(mentor(10)), k=0)
    candidates = find_candidates(mentees(mentee(1)), mentors(mentor(10)))
    with pytest.raises(MatchingError):
        assign(candidates, method="random")
