import numpy as np
import pytest

from matching.engine import (
    NO_SECTOR,
    UNKNOWN_GENDER,
    Format,
    InvalidPopulationError,
    MenteeArrays,
    MentorArrays,
    Need,
    departement_index,
)

from .factories import mentee, mentor


def test_records_and_dicts_build_the_same_arrays():
    record = mentee(7, "2A", needs=("apprenticeship",), sector=3, format="remote", is_minor=True)
    from_record = MenteeArrays.from_records([record])
    from_dict = MenteeArrays.from_records([record.__dict__])
    for name in MenteeArrays.dtypes:
        assert np.array_equal(getattr(from_record, name), getattr(from_dict, name))
    assert from_record.departement[0] == departement_index("2A")
    assert from_record.needs[0] == Need.APPRENTICESHIP.bit
    assert from_record.format[0] == Format.REMOTE.position
    assert from_record.sector[0] == 3


def test_missing_values_have_sentinels():
    arrays = MentorArrays.from_records([mentor(1, sector=None, gender=None)])
    assert arrays.sector[0] == NO_SECTOR
    assert arrays.gender[0] == UNKNOWN_GENDER


def test_columns_are_read_only():
    arrays = MenteeArrays.from_records([mentee(1)])
    with pytest.raises(ValueError):
        arrays.needs[0] = 0


@pytest.mark.parametrize(
    "change",
    [
        {"capacity": [4]},
        {"departement": [101]},
        {"format": [3]},
        {"ids": [1, 2]},
    ],
)
def test_invalid_columns_are_refused(change):
    columns = {
        name: getattr(MentorArrays.from_records([mentor(1)]), name) for name in MentorArrays.dtypes
    }
    with pytest.raises(InvalidPopulationError):
        MentorArrays(**{**columns, **change})


def test_duplicate_ids_are_refused():
    with pytest.raises(InvalidPopulationError):
        MenteeArrays.from_records([mentee(1), mentee(1)])


def test_empty_population():
    assert len(MenteeArrays.from_records([])) == 0


def test_the_callers_arrays_stay_writeable():
    ids = np.array([1, 2], dtype=np.int64)
    arrays = MenteeArrays.from_records([mentee(1), mentee(2)])
    columns = {name: np.array(getattr(arrays, name)) for name in MenteeArrays.dtypes}
    MenteeArrays(**{**columns, "ids": ids})
    assert ids.flags.writeable
