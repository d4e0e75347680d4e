import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from programmes.enums import LabelStatus, StaffRole
from programmes.models import Association, Programme
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email):
    page.goto("/comptes/login/")
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def link_in_last_email(to: str) -> str:
    [email] = [message for message in mail.outbox if message.to == [to]]
    return re.search(r"https?://\S+/invitation/\S+/", email.body).group(0)


def test_the_ministry_labels_an_association_whose_coordinator_builds_the_team_and_a_programme(
    page,
):
    UserFactory(ministry=True, email="claire.dumas@jeunesse.gouv.fr")
    UserFactory(association_staff=True, email="ines@capitalfilles.fr", first_name="Inès")

    # The ministry creates the association, labels it and invites its coordinator.
    log_in(page, "claire.dumas@jeunesse.gouv.fr")
    page.goto("/ministere/associations/")
    page.get_by_role("link", name="Créer une association").click()
    page.get_by_label("Nom de l’association").fill("Capital Filles")
    page.get_by_label("Numéro RNA").fill("W921234567")
    page.get_by_label("Adresse de contact").fill("contact@capitalfilles.fr")
    page.get_by_label("Départements couverts").select_option(["92", "93"])
    page.get_by_role("button", name="Créer l’association").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Capital Filles")
    expect(page.locator(".fr-badge").first).to_have_text("Candidate")
    page.get_by_role("link", name="Labelliser l’association").click()
    page.get_by_label("Année de campagne").fill("2022")
    page.get_by_label("Financement de l’État accordé (euros)").fill("60000")
    page.get_by_role("button", name="Enregistrer la décision").click()

    expect(page.get_by_text("L’association est labellisée.")).to_be_visible()
    expect(page.locator(".fr-badge").first).to_have_text("Labellisée")
    expect(page.get_by_role("cell", name="60\xa0000 €")).to_be_visible()
    assert Association.objects.get(name="Capital Filles").label_status == LabelStatus.LABELLED
    assert any(
        message.to == ["contact@capitalfilles.fr"] and "campagne 2022" in message.subject
        for message in mail.outbox
    )

    page.get_by_role("link", name="Inviter un coordinateur ou une coordinatrice").click()
    page.get_by_label("Adresse électronique de la personne").fill("ines@capitalfilles.fr")
    page.get_by_role("button", name="Envoyer l’invitation").click()
    expect(page.get_by_text("Invitation envoyée à ines@capitalfilles.fr.")).to_be_visible()
    page.get_by_role("button", name="Se déconnecter").click()

    # The coordinator joins through the link, then invites a referent.
    log_in(page, "ines@capitalfilles.fr")
    page.goto(link_in_last_email("ines@capitalfilles.fr"))
    page.get_by_role("button", name="Rejoindre l’équipe").click()
    expect(page.get_by_text("Bienvenue dans l’équipe de Capital Filles.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Équipe")

    page.get_by_role("link", name="Inviter une personne").click()
    page.get_by_label("Adresse électronique de la personne").fill("hugo@capitalfilles.fr")
    page.locator("label", has_text="Référent·e").click()  # DSFR draws the radio on its label
    page.get_by_role("button", name="Envoyer l’invitation").click()

    expect(page.get_by_text("Invitation envoyée à hugo@capitalfilles.fr.")).to_be_visible()
    expect(page.get_by_role("cell", name="hugo@capitalfilles.fr", exact=True)).to_be_visible()
    invitation_link = link_in_last_email("hugo@capitalfilles.fr")
    [invitation_email] = [m for m in mail.outbox if m.to == ["hugo@capitalfilles.fr"]]
    assert "Capital Filles" in invitation_email.subject
    assert "comme référent·e" in invitation_email.body
    assert invitation_link in invitation_email.body

    # A programme: a 4-month minimum is refused with the national rule, nothing typed is lost.
    page.get_by_role("link", name="Programmes").click()
    page.get_by_role("link", name="Créer un programme").click()
    page.get_by_label("Nom du programme").fill("Elles bougent")
    page.get_by_label("Âge minimum").fill("15")
    page.get_by_label("Départements", exact=True).select_option(["92"])
    page.locator("label", has_text="Trouver un stage").click()
    page.get_by_label("Capacité (nombre de jeunes accueillis)").fill("35")
    page.get_by_label("Durée minimale d’un mentorat (mois)").fill("4")
    page.get_by_role("button", name="Enregistrer le programme").click()

    expect(page.locator("#id_min_duration_months-messages")).to_contain_text(
        "Le minimum national est de 6 mois"
    )
    expect(page.get_by_label("Nom du programme")).to_have_value("Elles bougent")
    expect(page.get_by_label("Capacité (nombre de jeunes accueillis)")).to_have_value("35")
    expect(page.get_by_label("Trouver un stage")).to_be_checked()
    expect(page.get_by_label("Durée minimale d’un mentorat (mois)")).to_have_value("4")
    assert not Programme.objects.exists()

    page.get_by_label("Durée minimale d’un mentorat (mois)").fill("8")
    page.get_by_role("button", name="Enregistrer le programme").click()

    expect(page.get_by_text("Le programme « Elles bougent » est enregistré.")).to_be_visible()
    expect(page.get_by_role("cell", name="Elles bougent", exact=True)).to_be_visible()
    programme = Programme.objects.get()
    assert (programme.min_duration_months, programme.capacity, programme.age_min) == (8, 35, 15)
    assert programme.association.memberships.get().role == StaffRole.COORDINATOR
