"""In real chromium, on the demo data of a first run: every printed login lands on a space
with something real in it, and each association's staff see their own people only."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from mentorat.core.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()


def test_every_printed_login_lands_on_a_space_with_something_in_it(page):
    call_command("seed_demo")
    assert [account.email for account in DEMO_ACCOUNTS] == [
        "jeune@demo.mentorat.local",
        "mentor@demo.mentorat.local",
        "coordination@demo.mentorat.local",
        "referent@demo.mentorat.local",
        "coordination.article1@demo.mentorat.local",
        "ministere@demo.mentorat.local",
    ]

    # The showcase youth and mentor are in a pair under way.
    for email, other in (
        ("jeune@demo.mentorat.local", "Karim"),
        ("mentor@demo.mentorat.local", "Inès"),
    ):
        log_in(page, email)
        expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")
        page.get_by_role("link", name="Mes binômes").first.click()
        expect(page.locator("main")).to_contain_text(other)
        expect(page.locator("main .fr-badge", has_text="En cours")).to_be_visible()
        log_out(page)

    # Afev's staff have people to vet, a pair under way and youths waiting.
    for email in ("coordination@demo.mentorat.local", "referent@demo.mentorat.local"):
        log_in(page, email)
        expect(page.get_by_role("heading", level=1)).to_have_text("Inscriptions — Afev")
        expect(page.get_by_role("tab", name="À examiner")).not_to_have_text("À examiner 0")
        expect(page.get_by_text("Adresse non confirmée").first).to_be_visible()
        log_out(page)

    # Article 1's coordinator sees Article 1's people, and nothing of Afev's.
    log_in(page, "coordination.article1@demo.mentorat.local")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inscriptions — Article 1")
    expect(page.get_by_role("tab", name="Prêts")).not_to_have_text("Prêts 0")
    response = page.goto(reverse("programmes:vetting_list", args=["afev", "jeunes"]))
    assert response.status == 404
    page.goto(reverse("core:dashboard"))
    log_out(page)

    # The ministry: labelled associations, with their history and their départements.
    log_in(page, "ministere@demo.mentorat.local")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord national")
    page.get_by_role("link", name="Associations et labels").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Associations")
    afev_row = page.get_by_role("row").filter(has_text="Afev")
    expect(afev_row).to_contain_text("Labellisée")
    expect(afev_row).to_contain_text("75")
    duo_row = page.get_by_role("row").filter(has_text="Duo for a job")
    expect(duo_row).to_contain_text("Coordination à inviter")
    afev_row.get_by_role("link", name="Afev").click()
    history = page.get_by_role("table", name="Historique du label")
    expect(history).to_contain_text("Labellisée")
    expect(history).to_contain_text("Paul Bernard")
    expect(page.get_by_role("link", name="Labelliser l’association")).to_have_count(0)
    expect(page.get_by_role("link", name="Renouveler le label pour une campagne")).to_be_visible()
    page.goto(reverse("programmes:waiting_list"))
    expect(page.get_by_role("row").filter(has_text="33 — Gironde")).to_be_visible()
