"""The database's codes and the engine's bits are one vocabulary, not two kept in step."""

import pytest

from matching import engine
from programmes import enums
from vocabulary import codes
from vocabulary.departements import DEPARTEMENT_CODES


@pytest.mark.parametrize("name", ["Need", "Slot", "Language", "Format", "Gender"])
def test_the_engine_and_the_apps_use_the_same_vocabulary(name):
    shared = getattr(codes, name)
    assert getattr(engine, name) is shared
    choices = getattr(enums, name)
    assert choices.vocabulary is shared
    assert choices.values == [member.value for member in shared]
    assert all(choices(member.value).label for member in shared)


def test_the_engine_stores_the_shared_departement_positions():
    assert engine.DEPARTEMENT_CODES is DEPARTEMENT_CODES


def test_a_vocabulary_without_a_label_for_each_member_is_refused():
    with pytest.raises(ValueError):
        enums.choices_of(codes.Gender, {codes.Gender.FEMALE: "Femme"})
