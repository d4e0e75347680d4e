from decimal import Decimal

import numpy as np
import pytest

from matching.engine import InvalidWeightsError, MatchingError, Need, Slot, Weights
from matching.engine.codes import Criterion


def test_codes_map_to_stable_bits():
    assert Need.ORIENTATION.bit == 1
    assert Need.BACK_TO_SCHOOL.bit == 1 << 6
    assert len(Slot) == 21
    assert Slot.WED_AFTERNOON.position == 7
    mask = Need.mask_of(["apprenticeship", Need.EMPLOYMENT])
    assert Need.members_of(mask) == (Need.APPRENTICESHIP, Need.EMPLOYMENT)


def test_unknown_code_is_refused():
    with pytest.raises(ValueError):
        Need.mask_of(["astronaut"])


def test_default_weights_cover_every_criterion():
    weights = Weights()
    assert all(weights.of(criterion) > 0 for criterion in Criterion)


def test_all_zero_weights_are_refused_with_a_code():
    with pytest.raises(InvalidWeightsError) as raised:
        Weights(geography=0, needs=0, sector=0, format=0, availability=0, languages=0)
    assert raised.value.code == "all_weights_zero"
    assert isinstance(raised.value, MatchingError)


@pytest.mark.parametrize(
    ("value", "code"), [(-1, "negative_weight"), (float("nan"), "weight_not_a_number")]
)
def test_invalid_weight_is_refused(value, code):
    with pytest.raises(InvalidWeightsError) as raised:
        Weights(needs=value)
    assert raised.value.code == code


def test_weights_accept_any_real_number_and_store_floats():
    weights = Weights(needs=Decimal("0.5"), geography=np.int64(2), sector=1)
    assert (weights.needs, weights.geography, weights.sector) == (0.5, 2.0, 1.0)
    assert isinstance(weights.geography, float)


def test_a_single_criterion_is_enough():
    assert Weights(geography=0, needs=1, sector=0, format=0, availability=0, languages=0)
