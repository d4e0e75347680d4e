"""An association (Article 1), its programme and a member of its staff, signed in."""

import pytest

from tests.programmes.factories import ProgrammeFactory, StaffMembershipFactory


@pytest.fixture
def membership():
    return StaffMembershipFactory(association__name="Article 1", association__slug="article-1")


@pytest.fixture
def association(membership):
    return membership.association


@pytest.fixture
def programme(association):
    return ProgrammeFactory(association=association, name="Mentorat Article 1")


@pytest.fixture
def staff_client(client, membership):
    client.force_login(membership.user)
    return client
