"""The shared vocabulary: départements, their neighbours, postal codes."""

import subprocess
import sys
from pathlib import Path

import pytest
from localflavor.fr.fr_department import DEPARTMENT_CHOICES_PER_REGION

from vocabulary.departements import (
    DEPARTEMENT_CODES,
    DEPARTEMENT_NAMES,
    NEIGHBOURS,
    are_neighbours,
    departement_of_postal_code,
)

ROOT = Path(__file__).resolve().parents[1]


def test_the_departements_are_the_insee_ones_that_have_a_region():
    assert len(DEPARTEMENT_CODES) == 101
    assert DEPARTEMENT_NAMES["2A"] == "Corse-du-Sud"
    assert DEPARTEMENT_NAMES["976"] == "Mayotte"
    overseas_collectivities = {c for c, _, region in DEPARTMENT_CHOICES_PER_REGION if not region}
    assert overseas_collectivities == {"975", "977", "978", "984", "986", "987", "988", "989"}
    assert not overseas_collectivities & set(DEPARTEMENT_CODES)


def test_every_departement_has_its_neighbours_and_borders_go_both_ways():
    assert tuple(NEIGHBOURS) == DEPARTEMENT_CODES
    for code, neighbours in NEIGHBOURS.items():
        assert code not in neighbours
        for neighbour in neighbours:
            assert code in NEIGHBOURS[neighbour], (code, neighbour)


# Checked against the description of each département's borders in R. Brunet's Trésor des
# régions (CNRS, mgm.fr) and, for Nord, Joanne's Géographie du département du Nord (1878):
# the pairs once noted as uncertain, and others that maps make easy to get wrong.
KNOWN_BORDERS = [
    ("83", "84", True),  # Var "touche en pointe au Vaucluse sur la Durance près de Cadarache"
    ("83", "04", True),
    ("83", "13", True),
    ("83", "06", True),
    ("59", "80", True),  # Nord is bounded to the south by Aisne and Somme
    ("59", "02", True),
    ("59", "62", True),
    ("59", "08", False),  # Ardennes' only French neighbours: Marne, Aisne, Meuse
    ("08", "02", True),
    ("08", "51", True),
    ("08", "55", True),
    ("57", "88", False),  # Moselle borders only Bas-Rhin and Meurthe-et-Moselle
    ("57", "54", True),
    ("57", "67", True),
    ("2A", "2B", True),
    ("75", "92", True),
    ("75", "77", False),
    ("13", "06", False),
]


@pytest.mark.parametrize("a, b, shared", KNOWN_BORDERS)
def test_neighbours_match_known_borders(a, b, shared):
    assert are_neighbours(a, b) is shared
    assert are_neighbours(b, a) is shared


def test_moselle_and_nord_have_exactly_their_french_neighbours():
    assert set(NEIGHBOURS["57"]) == {"54", "67"}
    assert set(NEIGHBOURS["59"]) == {"02", "62", "80"}
    assert set(NEIGHBOURS["08"]) == {"02", "51", "55"}


def test_overseas_departements_have_no_neighbour():
    for code in ("971", "972", "973", "974", "976"):
        assert NEIGHBOURS[code] == ()


@pytest.mark.parametrize(
    "postal_code, departement",
    [
        ("75011", "75"),
        ("20000", "2A"),
        ("20200", "2B"),
        ("97400", "974"),
        ("97600", "976"),
        ("97500", None),  # Saint-Pierre-et-Miquelon is no département
        ("20700", None),
        ("7501", None),
        ("7501A", None),
    ],
)
def test_a_postal_code_leads_to_its_departement(postal_code, departement):
    assert departement_of_postal_code(postal_code) == departement


def test_the_vocabulary_loads_no_django():
    code = (
        "import sys, vocabulary.codes, vocabulary.departements;"
        "print(any(m.startswith('django') for m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert output.strip() == "False"
