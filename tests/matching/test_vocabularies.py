"""The database's codes and the engine's bits must agree, member for member, in order."""

import pytest

from matching import engine
from programmes import enums
from programmes.departements import DEPARTEMENTS


@pytest.mark.parametrize("name", ["Need", "Slot", "Language", "Format", "Gender"])
def test_each_vocabulary_has_the_same_codes_in_the_same_order(name):
    assert getattr(enums, name).values == [member.value for member in getattr(engine, name)]


def test_the_departements_are_the_same_in_the_same_order():
    assert [code for code, _ in DEPARTEMENTS] == list(engine.DEPARTEMENT_CODES)
