"""In real chromium: what the ministry follows leads somewhere, with aggregates only."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.accounts.factories import UserFactory
from tests.browser.test_matching_journey import log_in
from tests.programmes.factories import (
    AssociationFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
    departement,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_national_waiting_list_leads_to_the_associations_of_each_departement(page):
    reunion = AssociationFactory(name="Duo for a job", departement_codes=["974"])
    ProgrammeFactory(association=reunion, departement_codes=["974"], capacity=1)
    AssociationFactory(name="Capital Filles", departement_codes=["92"])
    YouthProfileFactory(
        waiting_list=True,
        departement=departement("974"),
        postal_code="97400",
        user__last_name="Hoarau",
    )
    log_in(page, UserFactory(ministry=True))
    page.goto(reverse("programmes:waiting_list"))

    row = page.get_by_role("row").filter(has_text="974 — La Réunion")
    expect(row).to_be_visible()
    expect(page.get_by_text("Hoarau")).to_have_count(0)
    row.get_by_role("link", name="Associations du département 974 — La Réunion").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Associations")
    expect(page.get_by_role("link", name="Duo for a job")).to_be_visible()
    expect(page.get_by_role("link", name="Capital Filles")).to_have_count(0)


def test_the_ministry_sees_which_associations_need_a_coordinator_and_invites_one(page):
    StaffMembershipFactory(association__name="Afev")
    ProgrammeFactory(association=AssociationFactory(name="Duo for a job"), staffed=False)
    log_in(page, UserFactory(ministry=True))
    page.goto(reverse("programmes:association_list"))

    duo = page.get_by_role("row").filter(has_text="Duo for a job")
    expect(duo).to_contain_text("Coordination à inviter")
    expect(page.get_by_role("row").filter(has_text="Afev")).not_to_contain_text("à inviter")
    page.get_by_role("link", name="Labellisée sans équipe : 1").click()
    expect(page.get_by_role("row").filter(has_text="Afev")).to_have_count(0)
    page.get_by_role("link", name="Duo for a job").click()

    expect(page.locator("#staff-notice")).to_contain_text("Coordination à inviter")
    page.get_by_role("link", name="Inviter un coordinateur ou une coordinatrice").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inviter")
