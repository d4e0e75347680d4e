import pytest

from programmes import flags
from programmes.dispatch import best_programme_for_mentor, best_programme_for_youth
from programmes.enums import Need
from tests.programmes.factories import (
    AssociationFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
)

pytestmark = pytest.mark.django_db

ORIENTATION_AND_INTERNSHIP = flags.mask_of(Need, ["orientation", "internship"])


def best_for_youth(age=20, departement="93", needs=ORIENTATION_AND_INTERNSHIP):
    return best_programme_for_youth(age=age, departement_code=departement, needs=needs)


def test_the_programme_with_most_needs_in_common_wins():
    ProgrammeFactory(needs=flags.mask_of(Need, ["orientation"]))
    best = ProgrammeFactory(needs=flags.mask_of(Need, ["orientation", "internship", "employment"]))
    assert best_for_youth() == best


def test_between_equals_the_programme_with_most_room_left_wins():
    crowded = ProgrammeFactory(capacity=10)
    YouthProfileFactory.create_batch(3, programme=crowded)
    roomy = ProgrammeFactory(capacity=10)
    YouthProfileFactory(programme=roomy)
    assert best_for_youth() == roomy


def test_rejected_youths_leave_their_place():
    programme = ProgrammeFactory(capacity=1)
    YouthProfileFactory(programme=programme, rejected=True)
    assert best_for_youth() == programme


@pytest.mark.parametrize(
    "programme_kwargs",
    [
        {"closed": True},
        {"association": AssociationFactory.build(suspended=True)},
        {"age_min": 13, "age_max": 18},
        {"departement_codes": ["13"]},
        {"capacity": 1, "full": True},
    ],
    ids=["closed", "suspended association", "other ages", "elsewhere", "full"],
)
def test_a_programme_that_cannot_take_the_youth_is_never_chosen(programme_kwargs):
    full = programme_kwargs.pop("full", False)
    association = programme_kwargs.pop("association", None)
    if association is not None:
        association.save()
        programme_kwargs["association"] = association
    programme = ProgrammeFactory(**programme_kwargs)
    if full:
        YouthProfileFactory(programme=programme)
    assert best_for_youth() is None


def test_a_mentor_goes_where_most_youths_wait_even_if_full():
    ProgrammeFactory(capacity=50)
    full = ProgrammeFactory(capacity=2)
    YouthProfileFactory.create_batch(2, programme=full)
    chosen = best_programme_for_mentor(departement_code="93", needs=ORIENTATION_AND_INTERNSHIP)
    assert chosen == full


def test_a_mentor_with_nothing_nearby_gets_no_programme():
    ProgrammeFactory(departement_codes=["2A"])
    assert best_programme_for_mentor(departement_code="2B", needs=0) is None


def test_a_programme_nobody_can_vet_for_is_never_chosen():
    ProgrammeFactory(staffed=False)
    assert best_for_youth() is None
    assert best_programme_for_mentor(departement_code="93", needs=0) is None


def test_a_team_whose_members_can_no_longer_sign_in_counts_as_no_team():
    programme = ProgrammeFactory(staffed=False)
    StaffMembershipFactory(association=programme.association, user__is_active=False)
    assert best_for_youth() is None
    StaffMembershipFactory(association=programme.association, referent=True)
    assert best_for_youth() == programme


def test_between_two_programmes_the_one_with_staff_is_chosen_even_if_it_fits_less():
    ProgrammeFactory(needs=ORIENTATION_AND_INTERNSHIP, staffed=False)
    staffed = ProgrammeFactory(needs=flags.mask_of(Need, ["orientation"]))
    assert best_for_youth() == staffed
    chosen = best_programme_for_mentor(departement_code="93", needs=ORIENTATION_AND_INTERNSHIP)
    assert chosen == staffed
