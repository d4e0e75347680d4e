"""In real chromium: a coordinator runs a batch, approves a proposal, and once the mentor and
the youth have both accepted, the pair is active."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from matching.enums import PairStatus, RunStatus
from matching.models import MatchingRun, Pair
from tests.accounts.factories import PASSWORD
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user):
    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Se déconnecter").click()


def accept_the_proposal(page):
    page.goto(reverse("matching:my_pairs"))
    page.locator("label", has_text="J’accepte").click()  # DSFR draws the radio on its label
    expect(page.get_by_label("J’accepte")).to_be_checked()
    page.get_by_role("button", name="Envoyer ma réponse").click()


def test_a_batch_becomes_an_active_pair(page):
    association = AssociationFactory(name="Duo for a job", slug="duo-for-a-job")
    programme = ProgrammeFactory(association=association, name="Duo Paris", slug="duo-paris")
    coordinator = StaffMembershipFactory(association=association).user
    YouthProfileFactory.create_batch(3, programme=programme, ready=True)
    MentorProfileFactory.create_batch(
        2, programme=programme, ready=True, with_attestation=True, capacity=1
    )

    log_in(page, coordinator)
    page.goto(reverse("matching:programme", args=[association.slug, programme.slug]))
    page.get_by_role("button", name="Lancer la mise en relation").click()

    summary = page.locator("#run-summary")
    expect(summary).to_contain_text("Propositions")
    expect(summary.locator("dd").first).to_have_text("2")
    expect(
        page.get_by_text("Les mentors possibles avaient déjà toutes leurs places prises")
    ).to_be_visible()
    page.get_by_role("link", name="Examiner les propositions").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Propositions à examiner")
    expect(page.get_by_text("même département (Paris)").first).to_be_visible()
    page.get_by_role("button", name="Valider pour").first.click()
    expect(page.get_by_text("Proposition validée")).to_be_visible()
    pair = Pair.objects.select_related("youth__user", "mentor__user").get(
        status=PairStatus.APPROVED
    )
    log_out(page)

    log_in(page, pair.mentor.user)
    accept_the_proposal(page)
    expect(page.get_by_text("Merci, votre réponse est enregistrée.")).to_be_visible()
    log_out(page)

    log_in(page, pair.youth.user)
    accept_the_proposal(page)
    expect(
        page.get_by_text("Tu as accepté, ton mentor aussi : ton binôme commence !")
    ).to_be_visible()
    expect(page.locator(".fr-badge", has_text="En cours")).to_be_visible()

    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE and pair.started_on is not None


def test_the_run_page_follows_a_batch_running_in_the_background(page):
    programme = ProgrammeFactory(name="Duo Paris")
    coordinator = StaffMembershipFactory(association=programme.association).user
    run = MatchingRun.objects.create(
        scope=programme.slug, programme=programme, status=RunStatus.RUNNING, progress=30
    )

    log_in(page, coordinator)
    page.goto(reverse("matching:run", args=[programme.association.slug, programme.slug, run.pk]))
    expect(page.locator("#run-progress-label")).to_have_text("30 %")

    MatchingRun.objects.filter(pk=run.pk).update(progress=70)
    expect(page.locator("#run-progress-label")).to_have_text("70 %")

    MatchingRun.objects.filter(pk=run.pk).update(
        status=RunStatus.DONE,
        progress=100,
        summary={
            "proposals": 4,
            "total_score": 310.5,
            "optimal": True,
            "unmatched": {"consent_missing": 1},
            "unmatched_by_departement": {"93": 1},
        },
    )
    expect(page.locator("#run-summary")).to_contain_text("310,5")
    expect(page.get_by_text("Accord parental manquant")).to_be_visible()
    expect(page.get_by_text("93 — Seine-Saint-Denis")).to_be_visible()
