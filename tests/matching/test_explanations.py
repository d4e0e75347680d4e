"""The engine's codes read as plain French for staff."""

import pytest

from matching.engine import (
    Criterion,
    HardRule,
    Mentee,
    Mentor,
    UnmatchedReason,
    Weights,
    explain,
)
from matching.explanations import (
    broken_rule_text,
    explanation_lines,
    main_need,
    unmatched_by_departement,
    unmatched_by_reason,
    unmatched_reason_text,
)
from programmes import flags
from programmes.enums import Need, Sector

IT = Sector.values.index(Sector.IT)
HEALTH = Sector.values.index(Sector.HEALTH)


def texts(youth: Mentee, mentor: Mentor) -> dict[Criterion, str]:
    lines = explanation_lines(explain(youth, mentor, Weights()))
    return {line.criterion: line.text for line in lines}


def test_one_line_per_criterion_with_its_points():
    youth = Mentee(
        id=1,
        departement="75",
        needs=["apprenticeship", "internship"],
        sector=IT,
        availability=["wed_afternoon", "sat_morning"],
    )
    mentor = Mentor(
        id=2,
        departement="75",
        needs=["apprenticeship"],
        sector=IT,
        availability=["wed_afternoon", "sat_morning", "sun_morning"],
    )
    explanation = explain(youth, mentor, Weights())

    lines = explanation_lines(explanation)

    assert [line.text for line in lines] == [
        "même département (Paris)",
        "aide à trouver une alternance : oui ; aide à trouver un stage : non",
        "même secteur : Informatique, numérique",
        "rencontres possibles : en personne, à distance",
        "disponibilités communes : mercredi après-midi, samedi matin",
        "langues communes : français",
    ]
    assert [line.points for line in lines] == pytest.approx(
        [item.points for item in explanation.items], abs=0.01
    )


def test_the_json_stored_on_a_pair_reads_the_same_as_the_engine_s_answer():
    explanation = explain(
        Mentee(id=1, departement="93", needs=["orientation"]),
        Mentor(id=2, departement="75", needs=["orientation"]),
        Weights(),
    )
    assert explanation_lines(explanation.stored()) == explanation_lines(explanation)


def test_geography_says_how_close_they_live():
    near = texts(Mentee(id=1, departement="93"), Mentor(id=2, departement="75"))
    far = texts(Mentee(id=1, departement="59"), Mentor(id=2, departement="13"))

    assert (
        near[Criterion.GEOGRAPHY]
        == "département voisin (jeune : Seine-Saint-Denis, mentor : Paris)"
    )
    assert (
        far[Criterion.GEOGRAPHY] == "à distance seulement (jeune : Nord, mentor : Bouches-du-Rhône)"
    )
    assert far[Criterion.FORMAT] == "rencontres possibles : à distance"


def test_a_different_sector_and_nothing_in_common_are_said_plainly():
    said = texts(
        Mentee(
            id=1, departement="75", sector=HEALTH, availability=["mon_morning"], languages=["ar"]
        ),
        Mentor(id=2, departement="75", sector=IT, availability=["sun_evening"], languages=["fr"]),
    )

    assert said[Criterion.SECTOR] == (
        "secteur différent : le jeune vise Santé, social, le mentor travaille en "
        "Informatique, numérique"
    )
    assert said[Criterion.AVAILABILITY] == "aucune disponibilité commune"
    assert said[Criterion.LANGUAGES] == "aucune langue commune"


def test_what_the_youth_left_empty_is_said_and_does_not_count():
    explanation = explain(
        Mentee(id=1, departement="75", languages=()), Mentor(id=2, departement="75"), Weights()
    )
    lines = {line.criterion: line for line in explanation_lines(explanation)}

    assert lines[Criterion.NEEDS].text == "aucun besoin précisé par le jeune"
    assert lines[Criterion.SECTOR].text == "pas de secteur précisé par le jeune"
    assert lines[Criterion.AVAILABILITY].text == "disponibilités non précisées par le jeune"
    assert lines[Criterion.LANGUAGES].text == "langues non précisées par le jeune"
    assert not lines[Criterion.SECTOR].applicable


def test_every_hard_rule_and_unmatched_reason_has_a_sentence():
    assert broken_rule_text(HardRule.MINOR_WITHOUT_ATTESTATION) == (
        "mineur : le mentor doit avoir une attestation d’honorabilité valide"
    )
    assert unmatched_reason_text(UnmatchedReason.CONSENT_MISSING) == "accord parental manquant"
    for rule in HardRule:
        assert broken_rule_text(rule)
    for reason in UnmatchedReason:
        assert unmatched_reason_text(reason)


def test_a_youth_without_mentor_nearby_is_told_for_which_need():
    need = main_need(flags.mask_of(Need, [Need.APPRENTICESHIP, Need.EMPLOYMENT]))

    assert unmatched_reason_text("no_mentor_in_departement", need=need) == (
        "aucun mentor disponible dans son département pour l’aider à trouver une alternance"
    )


def test_a_batch_summary_reads_by_reason_and_by_departement_most_frequent_first():
    summary = {
        "unmatched": {"capacity_exhausted": 1, "consent_missing": 3},
        "unmatched_by_departement": {"75": 1, "93": 3},
    }

    assert [(tally.label, tally.count) for tally in unmatched_by_reason(summary)] == [
        ("accord parental manquant", 3),
        ("les mentors possibles avaient déjà toutes leurs places prises", 1),
    ]
    assert [(tally.label, tally.count) for tally in unmatched_by_departement(summary)] == [
        ("93 — Seine-Saint-Denis", 3),
        ("75 — Paris", 1),
    ]
    assert unmatched_by_reason({}) == []
