import pytest
from django.core.management import call_command

from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from mentorat.core.demo import DEMO_PASSWORD
from programmes.models import Association, Programme, StaffMembership

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(Association.objects.values_list("name", "label_status")),
        Programme.objects.count(),
        sorted(User.objects.values_list("email", "role")),
        StaffMembership.objects.count(),
    )


def test_seed_demo_loads_the_associations_and_one_account_per_role(capsys):
    call_command("seed_demo")

    associations, programmes, users, memberships = snapshot()
    assert ("Chemins d'avenir", "labelled") in associations
    assert programmes == len(associations) == 10
    assert {role for _, role in users} == set(Role.values)
    assert memberships == 1
    output = capsys.readouterr().out
    assert "coordination@demo.mentorat.local" in output and DEMO_PASSWORD in output


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo")
    before = snapshot()
    call_command("seed_demo")
    assert snapshot() == before


def test_demo_accounts_can_log_in(client):
    call_command("seed_demo")
    assert client.login(email="jeune@demo.mentorat.local", password=DEMO_PASSWORD)
