"""Fixtures of the tests of staff's matching pages: a programme and its staff."""

import pytest

from tests.programmes.factories import ProgrammeFactory, StaffMembershipFactory


@pytest.fixture
def programme():
    return ProgrammeFactory(
        slug="duo-paris", name="Duo Paris", association__slug="duo", association__name="Duo"
    )


@pytest.fixture
def coordinator(programme):
    return StaffMembershipFactory(association=programme.association).user


@pytest.fixture
def referent(programme):
    return StaffMembershipFactory(association=programme.association, referent=True).user


@pytest.fixture
def staff_client(client, coordinator):
    client.force_login(coordinator)
    return client
