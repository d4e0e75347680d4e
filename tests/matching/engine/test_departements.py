import numpy as np

from matching.engine.departements import (
    DEPARTEMENT_CODES,
    DEPARTEMENTS,
    NEAR,
    POPULATION,
    UnknownDepartementError,
    departement_index,
)


def neighbours(code: str) -> set[str]:
    return set(DEPARTEMENTS[departement_index(code)].neighbours)


def test_the_table_holds_the_101_departements_once():
    assert len(DEPARTEMENT_CODES) == 101 == len(set(DEPARTEMENT_CODES))
    assert {"2A", "2B", "971", "972", "973", "974", "976"} <= set(DEPARTEMENT_CODES)
    assert "20" not in DEPARTEMENT_CODES


def test_borders_are_symmetric_and_name_known_departements():
    for departement in DEPARTEMENTS:
        assert departement.code not in departement.neighbours
        for neighbour in departement.neighbours:
            assert departement.code in neighbours(neighbour), (departement.code, neighbour)
    assert np.array_equal(NEAR, NEAR.T)
    assert NEAR.diagonal().all()


def test_known_borders():
    assert neighbours("75") == {"92", "93", "94"}
    assert neighbours("2A") == {"2B"}
    assert neighbours("29") == {"22", "56"}
    assert neighbours("77") == {"02", "10", "45", "51", "60", "89", "91", "93", "94", "95"}
    assert neighbours("13") == {"04", "30", "83", "84"}  # Corsica is across the sea
    assert neighbours("57") == {"54", "67"}
    assert "69" not in neighbours("07")  # Ardèche meets Loire, not Rhône


def test_overseas_departements_have_no_neighbour():
    for code in ("971", "972", "973", "974", "976"):
        assert neighbours(code) == set()
        assert NEAR[departement_index(code)].sum() == 1


def test_every_metropolitan_departement_has_a_neighbour():
    metropolitan = [d for d in DEPARTEMENTS if not d.code.startswith("97")]
    assert len(metropolitan) == 96
    assert all(d.neighbours for d in metropolitan)


def test_populations_add_up_to_france():
    assert 66_000_000 < POPULATION.sum() < 70_000_000
    assert POPULATION[departement_index("59")] == POPULATION.max()  # Nord
    assert POPULATION[departement_index("48")] == POPULATION.min()  # Lozère


def test_unknown_code_is_a_clear_error():
    try:
        departement_index("20")
    except UnknownDepartementError as error:
        assert "20" in str(error)
    else:
        raise AssertionError("expected UnknownDepartementError")
