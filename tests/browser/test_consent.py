"""A parent refuses; the youth cannot ask again; staff read the history, talk with the family
and reopen the request; the parent agrees. And staff never approve an under-15 without it."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from programmes.enums import ParticipantStatus
from programmes.models import ParentalConsent
from programmes.tokens import digest
from tests.accounts.factories import PASSWORD
from tests.programmes.factories import (
    ParentalConsentFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
    years_ago,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()


def log_out(page):
    page.context.clear_cookies()


def parent_answers(page, link, answer):
    page.goto(link)
    page.locator(f'label:has-text("{answer}")').click()
    page.get_by_role("button", name="Envoyer ma réponse").click()


def test_a_refusal_is_final_for_the_youth_and_staff_reopen_it(page):
    membership = StaffMembershipFactory(
        association__name="Afev", association__slug="afev", user__email="coord@exemple.fr"
    )
    consent = ParentalConsentFactory(
        youth__programme__association=membership.association,
        youth__user__first_name="Inès",
        youth__user__last_name="Martin",
        guardian_name="Sophie Martin",
        guardian_email="sophie@exemple.fr",
    )
    youth = consent.youth
    errors = []
    page.on("pageerror", lambda error: errors.append(error))

    parent_answers(
        page,
        reverse("programmes:consent_answer", args=[consent.token]),
        "Je n’autorise pas mon enfant à participer",
    )
    expect(page.get_by_text("Vous avez refusé")).to_be_visible()

    log_in(page, youth.user.email)
    page.goto(reverse("programmes:my_space"))
    expect(page.get_by_text("Sophie Martin n’a pas donné son accord")).to_be_visible()
    expect(page.get_by_text("elle seule peut envoyer une nouvelle demande")).to_be_visible()
    expect(page.get_by_role("link", name="Renvoyer la demande")).to_have_count(0)
    page.goto(reverse("programmes:consent_renew"))  # typed by hand: sent back, told why
    expect(page.get_by_text("seule ton association peut rouvrir la demande")).to_be_visible()
    log_out(page)

    log_in(page, "coord@exemple.fr")
    page.goto(
        reverse(
            "programmes:vetting_detail", kwargs={"slug": "afev", "kind": "jeunes", "pk": youth.pk}
        )
    )
    history = page.get_by_role("table", name="Historique des demandes d’accord parental")
    expect(history.get_by_role("row")).to_have_count(2)
    expect(history).to_contain_text("sophie@exemple.fr")
    expect(history).to_contain_text("Accord refusé")
    expect(page.locator("#approval-blocker")).to_contain_text("aucun parent n’a donné son accord")
    expect(page.get_by_role("button", name="Valider l’inscription")).to_have_count(0)

    page.get_by_role("button", name="Rouvrir et envoyer la demande").click()
    expect(page.get_by_text("Indiquez pourquoi la demande est rouverte.")).to_be_visible()
    reason = "Appel avec Mme Martin le 12/03 : elle souhaite revoir sa réponse."
    page.get_by_label("Pourquoi rouvrir la demande ?").fill(reason)
    page.get_by_role("button", name="Rouvrir et envoyer la demande").click()
    expect(
        page.get_by_text("Demande rouverte : sophie@exemple.fr a reçu un nouveau lien")
    ).to_be_visible()
    expect(history.get_by_role("row")).to_have_count(3)
    expect(history).to_contain_text(reason)
    expect(history).to_contain_text("réouverture")
    log_out(page)

    reopened = ParentalConsent.objects.filter(youth=youth).order_by("requested_at").last()
    assert mail.outbox[-1].to == ["sophie@exemple.fr"]
    link = re.search(r"/accord-parental/([\w-]+)/", mail.outbox[-1].body)
    assert link and digest(link[1]) == reopened.token  # only the digest is stored
    parent_answers(page, link[0], "J’autorise mon enfant à participer au programme")
    expect(page.get_by_text("Vous avez donné votre accord")).to_be_visible()

    youth.refresh_from_db()
    assert youth.status == ParticipantStatus.PENDING_REVIEW and youth.has_parental_consent
    assert not errors


def test_the_vetting_page_says_why_an_under_15_cannot_be_approved(page):
    membership = StaffMembershipFactory(association__slug="afev", user__email="coord@exemple.fr")
    youth = YouthProfileFactory(
        programme__association=membership.association,
        birth_date=years_ago(14),
        status=ParticipantStatus.PENDING_REVIEW,
    )
    log_in(page, "coord@exemple.fr")
    page.goto(
        reverse(
            "programmes:vetting_detail", kwargs={"slug": "afev", "kind": "jeunes", "pk": youth.pk}
        )
    )
    expect(page.locator("#approval-blocker")).to_contain_text(
        "ne peut pas être validée sans cet accord"
    )
    expect(page.get_by_role("button", name="Valider l’inscription")).to_have_count(0)
    expect(page.get_by_role("button", name="Refuser l’inscription")).to_be_visible()
