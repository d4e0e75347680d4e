"""In real chromium, on the demo data a newcomer gets from `make run`: the demo coordinator
runs a batch, approves a proposal, and the mentor and the youth accept it."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from matching.enums import PairStatus
from matching.models import Pair
from mentorat.core.demo import DEMO_PASSWORD
from programmes.models import Association

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def answer_yes(page, email):
    log_in(page, email)
    page.goto(reverse("matching:my_pairs"))
    page.locator("label", has_text="J’accepte").click()
    page.get_by_role("button", name="Envoyer ma réponse").click()
    expect(page.get_by_role("status").first).to_be_visible()
    page.get_by_role("button", name="Se déconnecter").click()


def test_the_demo_coordinator_forms_a_pair_from_a_batch(page):
    call_command("seed_demo")
    afev = Association.objects.get(name="Afev")
    programme = afev.programmes.get()

    log_in(page, "coordination@demo.mentorat.local")
    page.get_by_role("link", name="Mise en relation").first.click()
    page.get_by_role("link", name=programme.name).first.click()
    page.get_by_role("button", name="Lancer la mise en relation").click()
    expect(page.locator("#run-summary")).to_contain_text("Propositions")
    page.get_by_role("link", name="Examiner les propositions").click()
    page.get_by_role("button", name="Valider pour").first.click()
    expect(page.get_by_text("Proposition validée")).to_be_visible()
    page.get_by_role("button", name="Se déconnecter").click()

    pair = Pair.objects.select_related("youth__user", "mentor__user").get(
        status=PairStatus.APPROVED
    )
    answer_yes(page, pair.mentor.user.email)
    answer_yes(page, pair.youth.user.email)

    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE
    assert Pair.objects.filter(programme=programme, status=PairStatus.PROPOSED).exists()
