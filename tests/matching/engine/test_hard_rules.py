"""Each hard rule, checked on the whole batch: a pair breaking it is never proposed."""

from matching.engine import UnmatchedReason, run_matching

from .factories import mentee, mentees, mentor, mentors


def pairs(result) -> set[tuple[int, int]]:
    return {(p.mentee_id, p.mentor_id) for p in result.proposals()}


def reasons(result) -> dict[int, UnmatchedReason]:
    return {u.mentee_id: u.reason for u in result.unmatched()}


def test_a_minor_needs_a_mentor_with_a_valid_attestation():
    result = run_matching(
        mentees(mentee(1, is_minor=True), mentee(2, is_minor=True)),
        mentors(
            mentor(10, has_valid_attestation=False, remaining_capacity=3),
            mentor(11, has_valid_attestation=True),
        ),
    )
    assert pairs(result) == {(1, 11)} or pairs(result) == {(2, 11)}


def test_an_adult_may_have_a_mentor_without_attestation():
    result = run_matching(mentees(mentee(1)), mentors(mentor(10, has_valid_attestation=False)))
    assert pairs(result) == {(1, 10)}


def test_a_youth_who_is_not_matchable_is_never_paired():
    result = run_matching(mentees(mentee(1, matchable=False)), mentors(mentor(10)))
    assert pairs(result) == set()
    assert reasons(result) == {1: UnmatchedReason.CONSENT_MISSING}


def test_remaining_capacity_is_respected():
    result = run_matching(
        mentees(*(mentee(i) for i in range(1, 8))),
        mentors(
            mentor(10, remaining_capacity=2),
            mentor(11, remaining_capacity=3),
            mentor(12, remaining_capacity=0),
        ),
    )
    per_mentor = [mentor_id for _, mentor_id in pairs(result)]
    assert per_mentor.count(10) == 2 and per_mentor.count(11) == 3
    assert 12 not in per_mentor
    assert result.matched == 5
    assert set(reasons(result).values()) == {UnmatchedReason.CAPACITY_EXHAUSTED}


def test_a_same_gender_preference_is_a_hard_filter():
    result = run_matching(
        mentees(
            mentee(1, gender="female", same_gender_only=True),
            mentee(2, gender=None, same_gender_only=True),
        ),
        mentors(mentor(10, gender="male", remaining_capacity=3), mentor(11, gender=None)),
    )
    assert pairs(result) == set()
    assert set(reasons(result).values()) == {UnmatchedReason.NO_COMPATIBLE_MENTOR}


def test_a_same_gender_preference_is_met_by_the_same_gender():
    result = run_matching(
        mentees(mentee(1, gender="male", same_gender_only=True)),
        mentors(mentor(10, gender="female"), mentor(11, gender="male")),
    )
    assert pairs(result) == {(1, 11)}


def test_excluded_pairs_are_never_proposed():
    result = run_matching(
        mentees(mentee(1), mentee(2)),
        mentors(mentor(10, remaining_capacity=2)),
        excluded_pairs=[(1, 10), (99, 10)],
    )
    assert pairs(result) == {(2, 10)}
    assert reasons(result) == {1: UnmatchedReason.NO_COMPATIBLE_MENTOR}


def test_in_person_needs_the_same_or_a_neighbouring_departement():
    result = run_matching(
        mentees(
            mentee(1, "29", format="in_person"),
            mentee(2, "29", format="in_person"),
            mentee(3, "13", format="in_person"),
        ),
        mentors(
            mentor(10, "29", format="in_person"),
            mentor(11, "22", format="both"),
            mentor(12, "06", format="both", remaining_capacity=3),
        ),
    )
    # 29 borders 22; 13 does not border 06 (Var lies between).
    assert {mentor_id for _, mentor_id in pairs(result)} == {10, 11}
    assert reasons(result) == {3: UnmatchedReason.NO_MENTOR_IN_DEPARTEMENT}


def test_distant_pairs_need_both_sides_to_accept_remote():
    result = run_matching(
        mentees(
            mentee(1, "974", format="remote"),
            mentee(2, "974", format="both"),
            mentee(3, "971", format="in_person"),
        ),
        mentors(
            mentor(10, "75", format="both"),
            mentor(11, "2A", format="remote"),
            mentor(12, "13", format="in_person", remaining_capacity=3),
        ),
    )
    assert {youth for youth, _ in pairs(result)} == {1, 2}
    assert {mentor_id for _, mentor_id in pairs(result)} == {10, 11}
    assert reasons(result) == {3: UnmatchedReason.NO_MENTOR_IN_DEPARTEMENT}


def test_a_remote_only_youth_cannot_meet_an_in_person_only_mentor_even_nearby():
    result = run_matching(
        mentees(mentee(1, format="remote")), mentors(mentor(10, format="in_person"))
    )
    assert pairs(result) == set()


def test_a_mentor_must_help_with_one_of_the_youth_needs():
    result = run_matching(
        mentees(
            mentee(1, needs=("apprenticeship", "employment")), mentee(2, needs=("back_to_school",))
        ),
        mentors(mentor(10, needs=("employment",), remaining_capacity=2)),
    )
    assert pairs(result) == {(1, 10)}
    unmatched = next(result.unmatched())
    assert unmatched.reason is UnmatchedReason.NO_MENTOR_IN_DEPARTEMENT
    assert unmatched.params == {"departement": "75", "need": "back_to_school"}


def test_a_youth_without_stated_need_can_be_helped_by_anyone():
    result = run_matching(mentees(mentee(1, needs=())), mentors(mentor(10, needs=("employment",))))
    assert pairs(result) == {(1, 10)}
