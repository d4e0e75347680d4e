"""In real chromium: a mentor and a youth answer a proposal knowing what they may know of
each other, and nothing more; a proposal that did not go ahead names no one."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from matching.enums import PairStatus
from tests.accounts.factories import PASSWORD
from tests.matching.factories import PairFactory
from tests.programmes.factories import departement, years_ago

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user):
    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Se déconnecter").click()


def test_a_mentor_declines_knowing_only_what_they_may_know(page):
    pair = PairFactory(
        approved=True,
        youth__user__first_name="Inès",
        youth__user__last_name="Zerbib",
        youth__birth_date=years_ago(14),
        youth__parental_consent_given_at="2026-01-05T10:00:00Z",
        youth__postal_code="93200",
        youth__departement=departement("93"),
        mentor__user__first_name="Karim",
        mentor__user__last_name="Bensaïd",
        mentor__profession="Technicien de maintenance",
        mentor__with_attestation=True,
    )
    rejected = PairFactory(
        status=PairStatus.REJECTED,
        mentor=pair.mentor,
        youth__programme=pair.programme,
        youth__user__first_name="Yasmine",
        youth__user__last_name="Delacroix",
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(error))

    log_in(page, pair.youth.user)
    page.goto(reverse("matching:my_pairs"))
    card = page.locator("section", has=page.get_by_role("heading", name="Karim"))
    expect(card).to_contain_text("Technicien de maintenance")
    expect(card).to_contain_text("Peut t’aider à")
    expect(card).to_contain_text("Ta réponse")
    expect(page.locator("main")).not_to_contain_text("Bensaïd")
    log_out(page)

    log_in(page, pair.mentor.user)
    page.goto(reverse("matching:my_pairs"))
    expect(page.get_by_role("heading", name="Inès", exact=True)).to_be_visible()
    main = page.locator("main")
    expect(main).to_contain_text("13 à 14 ans")
    expect(main).to_contain_text("M’orienter")
    expect(main).to_contain_text("93200 (Seine-Saint-Denis)")
    expect(main).not_to_contain_text("Zerbib")
    expect(main).not_to_contain_text("Yasmine")  # set aside by staff: never sent

    page.locator("label", has_text="Je refuse").click()
    page.get_by_role("button", name="Envoyer ma réponse").click()
    expect(page.get_by_text("Dites en quelques mots pourquoi vous refusez.")).to_be_visible()
    expect(main).not_to_contain_text("Zerbib")
    page.get_by_label("Pourquoi refusez-vous ?").fill("Je ne suis pas disponible le mercredi.")
    page.get_by_role("button", name="Envoyer ma réponse").click()
    expect(page.get_by_text("l’association vous proposera un autre jeune")).to_be_visible()
    expect(page.get_by_text("Cette proposition n’a pas abouti")).to_be_visible()
    expect(main).not_to_contain_text("Inès")

    # A POST the page does not offer, to the set-aside proposal: a 404 naming no one.
    token = page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    response = page.request.post(
        reverse("matching:answer", args=[rejected.pk]),
        form={"csrfmiddlewaretoken": token, "accepted": "no", "reason": ""},
    )
    assert response.status == 404
    assert "Delacroix" not in response.text() and "Yasmine" not in response.text()
    rejected.refresh_from_db()
    assert rejected.status == PairStatus.REJECTED and not rejected.mentor_answer
    assert not errors
