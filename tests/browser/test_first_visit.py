import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from mentorat.accounts.models import User
from tests.browser.test_signup_journeys import tick
from tests.programmes.factories import AssociationFactory, ProgrammeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_switches_language_creates_an_account_confirms_it_and_logs_in(page):
    ProgrammeFactory(association=AssociationFactory(name="Duo for a job"), departement_codes=["75"])

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Un jeune, un mentor")
    expect(page.get_by_text("Duo for a job")).to_be_visible()

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("One youth, one mentor")
    page.get_by_role("button", name="Français").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Un jeune, un mentor")

    # One way in per role: the account page leads to the mentor's own sign-up.
    page.get_by_role("link", name="Créer un compte").click()
    expect(page.get_by_role("link", name="Je veux être accompagné(e)")).to_be_visible()
    page.get_by_role("link", name="Je deviens mentor").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("mentor")
    page.get_by_label("Prénom", exact=True).fill("Nadia")
    page.get_by_label("Nom", exact=True).fill("Roux")
    page.get_by_label("Adresse électronique", exact=True).fill("nadia.roux@exemple.fr")
    page.get_by_label("Mot de passe", exact=True).fill("court")
    page.get_by_label("Mot de passe (confirmation)").fill("court")
    page.get_by_label("Votre code postal").fill("75011")
    page.get_by_label("Votre métier").fill("Ingénieure")
    page.get_by_label("Votre secteur d’activité").select_option(label="Industrie, énergie")
    page.get_by_label("Années d’expérience professionnelle").fill("12")
    tick(page, "M’orienter")
    page.get_by_label("Combien de jeunes pouvez-vous suivre en même temps ?").fill("2")
    tick(page, "À distance")
    tick(page, "mardi soir")
    tick(page, "Femme")
    tick(page, "J’accepte la charte du mentorat")
    page.get_by_role("button", name="Je m’inscris comme mentor").click()

    # A weak password: told why next to the field, and nothing typed is lost.
    expect(page.locator("#id_password1-messages")).to_contain_text("trop court")
    expect(page.get_by_label("Adresse électronique", exact=True)).to_have_value(
        "nadia.roux@exemple.fr"
    )
    page.get_by_label("Mot de passe", exact=True).fill("un-mot-de-passe-solide")
    page.get_by_label("Mot de passe (confirmation)").fill("un-mot-de-passe-solide")
    page.get_by_role("button", name="Je m’inscris comme mentor").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Vérifiez votre adresse")
    link = re.search(r"https?://\S+/comptes/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirmer").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")
    assert User.objects.get(email="nadia.roux@exemple.fr").role == "mentor"

    page.get_by_role("button", name="Se déconnecter").click()
    page.get_by_role("link", name="Se connecter").click()
    page.get_by_label("Courriel").fill("nadia.roux@exemple.fr")
    page.get_by_label("Mot de passe").fill("un-mot-de-passe-solide")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")
