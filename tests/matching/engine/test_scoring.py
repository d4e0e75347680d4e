import numpy as np
import pytest

from matching.engine import (
    Criterion,
    HardRule,
    Language,
    MeetingMode,
    Need,
    Proximity,
    Slot,
    Weights,
    explain,
    pair_scores,
    run_matching,
)

from .factories import mentee, mentees, mentor, mentors


def items(explanation):
    return {item.criterion: item for item in explanation.items}


def test_a_perfect_nearby_pair_scores_100():
    explanation = explain(mentee(1, sector=2), mentor(10, sector=2), Weights())
    assert explanation.score == pytest.approx(100)
    assert explanation.feasible


def test_points_add_up_to_the_score_and_follow_the_weights():
    weights = Weights(geography=1, needs=3, sector=0, format=0, availability=1, languages=0)
    explanation = explain(
        mentee(
            1,
            "93",
            needs=("internship", "apprenticeship"),
            availability=("wed_afternoon", "sat_morning"),
        ),
        mentor(10, "75", needs=("apprenticeship",), availability=("wed_afternoon",)),
        weights,
    )
    by_criterion = items(explanation)
    assert by_criterion[Criterion.GEOGRAPHY].points == pytest.approx(100 * 0.6 / 5)
    assert by_criterion[Criterion.NEEDS].points == pytest.approx(100 * 3 * 0.5 / 5)
    assert by_criterion[Criterion.AVAILABILITY].points == pytest.approx(100 * 0.5 / 5)
    assert by_criterion[Criterion.SECTOR].points == 0
    assert sum(item.points for item in explanation.items) == pytest.approx(explanation.score)


def test_explanation_parameters_are_codes():
    explanation = explain(
        mentee(
            1,
            "93",
            needs=("internship", "apprenticeship"),
            sector=4,
            availability=("wed_afternoon", "sat_morning"),
            languages=("fr", "ar"),
        ),
        mentor(
            10,
            "75",
            needs=("apprenticeship",),
            sector=4,
            availability=("wed_afternoon",),
            languages=("ar",),
            format="remote",
        ),
        Weights(),
    )
    by_criterion = items(explanation)
    assert by_criterion[Criterion.GEOGRAPHY].params == {
        "proximity": Proximity.NEIGHBOUR_DEPARTEMENT,
        "mentee_departement": "93",
        "mentor_departement": "75",
    }
    assert by_criterion[Criterion.NEEDS].params == {
        "covered": (Need.APPRENTICESHIP,),
        "uncovered": (Need.INTERNSHIP,),
    }
    assert by_criterion[Criterion.AVAILABILITY].params == {"common_slots": (Slot.WED_AFTERNOON,)}
    assert by_criterion[Criterion.LANGUAGES].params == {"common": (Language.ARABIC,)}
    assert by_criterion[Criterion.SECTOR].params == {"mentee_sector": 4, "mentor_sector": 4}
    assert by_criterion[Criterion.FORMAT].params == {"modes": (MeetingMode.REMOTE,)}
    assert by_criterion[Criterion.FORMAT].fraction == 0.5  # the youth also wanted in person


def test_criteria_a_youth_left_empty_do_not_apply():
    explanation = explain(mentee(1, needs=(), sector=None, availability=()), mentor(10), Weights())
    by_criterion = items(explanation)
    for criterion in (Criterion.NEEDS, Criterion.SECTOR, Criterion.AVAILABILITY):
        assert not by_criterion[criterion].applicable
        assert by_criterion[criterion].points == 0
    assert explanation.score == pytest.approx(100)  # what applies is fully met


@pytest.mark.parametrize(
    ("departement", "proximity", "fraction"),
    [
        ("75", Proximity.SAME_DEPARTEMENT, 1.0),
        ("94", Proximity.NEIGHBOUR_DEPARTEMENT, 0.6),
        ("13", Proximity.DISTANT, 0.3),
    ],
)
def test_geography_levels(departement, proximity, fraction):
    explanation = explain(mentee(1, "75"), mentor(10, departement), Weights())
    geography = items(explanation)[Criterion.GEOGRAPHY]
    assert geography.params["proximity"] is proximity
    assert geography.fraction == fraction


def test_explanations_name_the_broken_rules():
    explanation = explain(
        mentee(
            1,
            "29",
            is_minor=True,
            format="in_person",
            needs=("employment",),
            gender="male",
            same_gender_only=True,
        ),
        mentor(10, "13", has_valid_attestation=False, remaining_capacity=0, gender="female"),
        Weights(),
    )
    assert set(explanation.broken_rules) == {
        HardRule.MINOR_WITHOUT_ATTESTATION,
        HardRule.NO_CAPACITY,
        HardRule.NO_MEETING_MODE,
        HardRule.NO_COMMON_NEED,
        HardRule.GENDER_PREFERENCE,
    }
    assert not explanation.feasible


def test_explain_gives_exactly_the_batch_score():
    youths = [
        mentee(i, dep, needs=needs, sector=sector, availability=slots)
        for i, (dep, needs, sector, slots) in enumerate(
            [
                ("93", ("internship", "employment"), 1, ("mon_evening",)),
                ("94", ("apprenticeship",), None, ("wed_afternoon", "sat_morning")),
                ("77", ("orientation", "self_confidence", "internship"), 3, ()),
            ],
            start=1,
        )
    ]
    helpers = [
        mentor(10 + i, dep, sector=sector, remaining_capacity=1)
        for i, (dep, sector) in enumerate([("75", 1), ("92", 3), ("91", None)])
    ]
    weights = Weights(
        geography=0.3, needs=0.25, sector=0.1, format=0.05, availability=0.2, languages=0.1
    )
    result = run_matching(mentees(*youths), mentors(*helpers), weights=weights)
    assert result.matched == 3
    by_id = {record.id: record for record in youths + helpers}
    for proposal in result.proposals():
        explanation = explain(by_id[proposal.mentee_id], by_id[proposal.mentor_id], weights)
        assert explanation.score == proposal.score  # bit for bit


def test_pair_scores_are_vectorised_explanations():
    youth_records = [mentee(1, "2A", needs=("employment",)), mentee(2, "2B", sector=5)]
    mentor_records = [
        mentor(10, "2B", needs=("employment", "orientation")),
        mentor(11, "2A", sector=5),
    ]
    youth_index, mentor_index = np.meshgrid([0, 1], [0, 1], indexing="ij")
    scores = pair_scores(
        mentees(*youth_records),
        mentors(*mentor_records),
        youth_index.ravel(),
        mentor_index.ravel(),
        Weights(),
    )
    expected = [explain(y, m, Weights()).score for y in youth_records for m in mentor_records]
    assert scores.tolist() == expected
