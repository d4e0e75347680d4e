"""In real chromium: a coordinator approves a proposal and is told the real deadline; the
youth's and the mentor's spaces say where each stands, step by step, until the pair starts;
each answers knowing why they are proposed."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from matching.enums import PairStatus
from tests.accounts.factories import PASSWORD
from tests.matching.factories import PairFactory
from tests.programmes.factories import StaffMembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user):
    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Se déconnecter").click()


def accept_from_the_space(page):
    page.goto(reverse("programmes:my_space"))
    page.get_by_role("link", name="Voir et répondre").click()
    page.locator("label", has_text="J’accepte").click()
    page.get_by_role("button", name="Envoyer ma réponse").click()


def test_from_approval_to_a_started_pair_each_space_says_where_one_stands(page):
    pair = PairFactory(
        youth__user__first_name="Inès",
        youth__user__last_name="Zerbib",
        mentor__user__first_name="Karim",
        mentor__user__last_name="Bensaïd",
        mentor__profession="Technicien de maintenance",
        mentor__capacity=1,
    )
    coordinator = StaffMembershipFactory(association=pair.programme.association).user
    deadline = date_format(timezone.localtime() + timezone.timedelta(days=7), "l j F Y")
    errors = []
    page.on("pageerror", lambda error: errors.append(error))

    log_in(page, coordinator)
    page.goto(
        reverse(
            "matching:proposals",
            args=[pair.programme.association.slug, pair.programme.slug],
        )
    )
    page.get_by_role("button", name="Valider pour").first.click()
    expect(page.get_by_text(f"jusqu’au {deadline} pour répondre")).to_be_visible()
    log_out(page)

    log_in(page, pair.youth.user)
    page.goto(reverse("programmes:my_space"))
    expect(page.get_by_role("heading", name="Une proposition de mentor t’attend")).to_be_visible()
    expect(page.get_by_text("te propose Karim (Technicien de maintenance)")).to_be_visible()
    expect(page.get_by_text("On te cherche un mentor")).to_have_count(0)
    accept_from_the_space(page)
    expect(page.get_by_text("Merci, ta réponse est enregistrée.")).to_be_visible()
    page.goto(reverse("programmes:my_space"))
    expect(
        page.get_by_role("heading", name="Tu as accepté : on attend la réponse de ton mentor")
    ).to_be_visible()
    log_out(page)

    log_in(page, pair.mentor.user)
    page.goto(reverse("programmes:my_space"))
    expect(
        page.get_by_role("heading", name="Une proposition de binôme vous attend")
    ).to_be_visible()
    expect(page.get_by_text("Proposition : Inès.")).to_be_visible()
    page.get_by_role("link", name="Voir et répondre").click()
    reasons = page.locator("section", has=page.get_by_role("heading", name="Inès", exact=True))
    expect(reasons).to_contain_text("Pourquoi on vous propose l’un à l’autre")
    expect(reasons).to_contain_text("Vous pouvez l’aider sur ce qu’il ou elle demande")
    expect(page.locator("main")).not_to_contain_text("Zerbib")
    page.locator("label", has_text="J’accepte").click()
    page.get_by_role("button", name="Envoyer ma réponse").click()
    expect(
        page.get_by_text("Vous avez tous les deux accepté : votre binôme commence !")
    ).to_be_visible()
    page.goto(reverse("programmes:my_space"))
    expect(page.get_by_role("heading", name="Vous accompagnez 1 jeune")).to_be_visible()
    expect(page.get_by_text("Binôme avec Inès Zerbib")).to_be_visible()
    expect(page.get_by_text("On vous cherche un jeune")).to_have_count(0)

    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE
    assert not errors
