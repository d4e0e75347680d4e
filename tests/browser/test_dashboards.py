"""In real chromium, on the demo data: the ministry opens the national dashboard and its
pages, a coordinator their association's, each with figures and how fresh they are."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from mentorat.core.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def test_the_ministry_and_a_coordinator_open_their_dashboards_on_the_demo(page):
    call_command("seed_demo")

    log_in(page, "ministere@demo.mentorat.local")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord national")
    expect(page.get_by_test_id("freshness")).to_contain_text("Chiffres arrêtés le")
    expect(page.locator("#target-progress")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Rythme des rencontres des binômes en cours")
    ).to_be_visible()

    for link, heading in (
        ("Parcours", "Parcours des jeunes inscrits en"),
        ("Durées et arrêts", "Part des binômes qui atteignent 6 mois"),
        ("Public accompagné", "Publics prioritaires accompagnés en"),
        ("Résultats", "Résultats des binômes terminés en"),
        ("Offre et demande", "Jeunes en attente et places de mentors, par département"),
        ("Associations", "Associations en"),
    ):
        page.get_by_role("navigation", name="Pages du tableau de bord").get_by_role(
            "link", name=link, exact=True
        ).click()
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
    expect(page.locator("main")).to_contain_text("Afev")

    # A filter keeps its state in the URL; one that names nothing says so.
    page.get_by_label("Département").select_option("75")
    page.get_by_role("button", name="Afficher").click()
    assert "departement=75" in page.url
    page.goto(reverse("dashboards:national_reach") + "?departement=000")
    expect(page.get_by_role("heading", name="Ces filtres ne correspondent à rien")).to_be_visible()
    page.get_by_role("button", name="Se déconnecter").click()

    log_in(page, "coordination@demo.mentorat.local")
    page.get_by_role("link", name="Tableau de bord", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord — Afev")
    expect(page.get_by_role("heading", name="Ce qui vous attend")).to_be_visible()
    expect(page.get_by_role("heading", name="Binômes à risque")).to_be_visible()
    expect(page.get_by_test_id("freshness")).to_contain_text("Chiffres arrêtés le")
    page.get_by_role("link", name="Parcours et rythme", exact=True).click()
    expect(
        page.get_by_role("heading", name="Parcours des jeunes inscrits en").first
    ).to_be_visible()
    page.get_by_role("link", name="Durées et résultats", exact=True).click()
    expect(
        page.get_by_role("heading", name="Résultats des binômes terminés en").first
    ).to_be_visible()
    response = page.goto(reverse("dashboards:association", args=["article-1"]))
    assert response.status == 404
