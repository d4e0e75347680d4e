"""A visitor who follows a dead link, or opens a page of another role, reads a French page in
the site's layout, with a way back."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_dead_link_and_a_closed_page_say_so_in_french(page):
    UserFactory(email="ines@exemple.fr", youth=True)

    response = page.goto("/une-page-qui-n-existe-pas/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page introuvable")
    expect(page.get_by_role("banner")).to_contain_text("Mentorat")
    page.get_by_role("link", name="Page d’accueil").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Un jeune, un mentor")

    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill("ines@exemple.fr")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    response = page.goto(reverse("programmes:staff_home"))
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Accès refusé")
    page.get_by_role("main").get_by_role("link", name="Mon espace").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Accès refusé")
