"""In real chromium: what a coordinator sees on the pages they use most is readable."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_matching_journey import log_in
from tests.matching.factories import PairFactory
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Buttons whose label is cut by their own box (the DSFR turns a button with an icon into an
# icon-only square inside a group that does not say where icons go).
CLIPPED_BUTTONS = """() => [...document.querySelectorAll('main .fr-btn')]
    .filter(button => button.offsetParent !== null && button.innerText.trim())
    .filter(button => button.scrollWidth > button.clientWidth + 1)
    .map(button => button.innerText.trim())"""


def test_the_coordinators_main_button_shows_its_label(page):
    association = AssociationFactory(name="Duo for a job", slug="duo-for-a-job")
    programme = ProgrammeFactory(association=association, name="Duo Paris", slug="duo-paris")
    log_in(page, StaffMembershipFactory(association=association).user)
    page.goto(reverse("matching:programme", args=[association.slug, programme.slug]))

    button = page.get_by_role("button", name="Lancer la mise en relation")
    expect(button).to_be_visible()
    assert button.evaluate("button => button.scrollWidth <= button.clientWidth + 1")
    assert button.bounding_box()["width"] > 150
    assert page.evaluate(CLIPPED_BUTTONS) == []


def test_no_button_of_the_coordinators_pages_is_clipped(page):
    association = AssociationFactory(name="Duo for a job", slug="duo-for-a-job")
    programme = ProgrammeFactory(association=association, name="Duo Paris", slug="duo-paris")
    youth = YouthProfileFactory(programme=programme, ready=True)
    MentorProfileFactory(programme=programme)
    log_in(page, StaffMembershipFactory(association=association).user)
    for url in (
        reverse("programmes:vetting_list", args=[association.slug, "jeunes"]),
        reverse("programmes:vetting_list", args=[association.slug, "mentors"]),
        reverse("programmes:vetting_detail", args=[association.slug, "jeunes", youth.pk]),
        reverse("matching:home", args=[association.slug]),
        reverse("matching:programme", args=[association.slug, programme.slug]),
        reverse("matching:proposals", args=[association.slug, programme.slug]),
        reverse("matching:pairs", args=[association.slug, programme.slug]),
        reverse("matching:suggestions", args=[association.slug, youth.pk]),
    ):
        page.goto(url)
        assert page.evaluate(CLIPPED_BUTTONS) == [], url


def test_the_reason_to_set_proposals_aside_is_labelled_as_needed(page):
    pair = PairFactory()
    association, programme = pair.programme.association, pair.programme
    log_in(page, StaffMembershipFactory(association=association).user)
    page.goto(reverse("matching:proposals", args=[association.slug, programme.slug]))

    reason = page.get_by_label("Motif (obligatoire pour écarter)")
    expect(reason).to_be_visible()
    expect(page.get_by_text("facultatif")).to_have_count(0)
    page.locator(f"#pair-{pair.pk}").check(force=True)  # DSFR draws the box on the label
    page.get_by_role("button", name="Écarter la sélection").click()
    expect(page.get_by_text("Indiquez pourquoi ces propositions sont écartées.")).to_be_visible()


def test_the_waiting_youths_are_listed_by_name(page):
    association = AssociationFactory(name="Duo for a job", slug="duo-for-a-job")
    programme = ProgrammeFactory(association=association, name="Duo Paris", slug="duo-paris")
    YouthProfileFactory(
        programme=programme, ready=True, user__first_name="Inès", user__last_name="Martin"
    )
    log_in(page, StaffMembershipFactory(association=association).user)
    page.goto(reverse("matching:programme", args=[association.slug, programme.slug]))

    row = page.get_by_role("row").filter(has_text="Inès Martin")
    expect(row.get_by_role("cell").first).to_have_text("Inès Martin")
    row.get_by_role("link", name="Mentors suggérés pour Inès Martin").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inès Martin")
    page.go_back()
    row.get_by_role("link", name="Inès Martin", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inès Martin")
    expect(page.get_by_role("button", name="Refuser l’inscription")).to_be_visible()


def test_the_coordinator_checks_the_attestation_date_the_mentor_declared(page):
    association = AssociationFactory(name="Duo for a job", slug="duo-for-a-job")
    programme = ProgrammeFactory(association=association)
    declared = timezone.localdate() - datetime.timedelta(days=20)
    karim = MentorProfileFactory(
        programme=programme,
        attestation_date=declared,
        user__first_name="Karim",
        user__last_name="Durand",
    )
    log_in(page, StaffMembershipFactory(association=association).user)
    page.goto(reverse("programmes:vetting_list", args=[association.slug, "mentors"]))
    expect(page.get_by_role("row").filter(has_text="Karim Durand")).to_contain_text(
        "Déclarée, à vérifier"
    )
    page.get_by_role("link", name="Karim Durand").click()

    expect(page.locator("#attestation-facts")).to_contain_text(f"Datée du {declared:%d/%m/%Y}")
    expect(page.get_by_label("Date de l’attestation d’honorabilité")).to_have_value(
        declared.isoformat()
    )
    page.get_by_role("button", name="J’ai vu l’attestation").click()
    expect(page.get_by_text("Attestation d’honorabilité enregistrée")).to_be_visible()
    karim.refresh_from_db()
    assert karim.has_valid_attestation() and karim.attestation_date == declared


def test_a_sign_up_whose_address_nobody_confirmed_is_marked(page):
    association = AssociationFactory(name="Duo for a job", slug="duo-for-a-job")
    programme = ProgrammeFactory(association=association)
    YouthProfileFactory(programme=programme, user__first_name="Léa", user__last_name="Roux")
    YouthProfileFactory(
        programme=programme,
        user__first_name="Yanis",
        user__last_name="Ben",
        user__verified_email=False,
    )
    log_in(page, StaffMembershipFactory(association=association).user)
    page.goto(reverse("programmes:vetting_list", args=[association.slug, "jeunes"]))

    expect(page.get_by_role("row").filter(has_text="Yanis Ben")).to_contain_text(
        "Adresse non confirmée"
    )
    expect(page.get_by_role("row").filter(has_text="Léa Roux")).not_to_contain_text(
        "Adresse non confirmée"
    )
    page.get_by_role("link", name="Yanis Ben").click()
    expect(page.get_by_text("Adresse électronique non confirmée")).to_be_visible()
