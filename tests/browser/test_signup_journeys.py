import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from programmes.models import Departement, YouthProfile
from tests.accounts.factories import PASSWORD
from tests.programmes.factories import AssociationFactory, ProgrammeFactory, years_ago
from vocabulary.departements import DEPARTEMENTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def departements():
    """Transactional tests empty every table, the départements' reference data included."""
    Departement.objects.bulk_create(
        [Departement(code=code, name=name) for code, name in DEPARTEMENTS], ignore_conflicts=True
    )


def last_link_to(email: str, pattern: str) -> str:
    """The path of the last link matching pattern sent to this address."""
    links = (
        re.search(rf"https?://[^/\s]+({pattern}\S*)", message.body)
        for message in reversed(mail.outbox)
        if message.to == [email]
    )
    return next(link for link in links if link).group(1)


def tick(page, label: str):
    """DSFR draws its own box over the native input: people click the label."""
    box = page.get_by_label(label, exact=True)
    box_id = box.get_attribute("id")
    page.locator(f'label[for="{box_id}"]').click()
    expect(box).to_be_checked()


def confirm_email(page, email: str):
    page.goto(last_link_to(email, "/comptes/confirm-email/"))
    page.get_by_role("button", name="Confirmer").click()


def fill_youth_preferences(page):
    tick(page, "M’orienter")
    tick(page, "Trouver un stage")
    tick(page, "Les deux me conviennent")
    tick(page, "mercredi après-midi")
    tick(page, "samedi matin")
    page.get_by_label("En quelques mots, qu’attends-tu d’un mentor ?").fill(
        "Découvrir des métiers et trouver mon stage de 3e."
    )
    tick(page, "J’ai lu comment mes informations sont utilisées et protégées")
    tick(page, "J’accepte la charte du mentorat")


def test_a_14_year_old_signs_up_the_parent_consents_and_the_review_begins(page):
    ProgrammeFactory(association=AssociationFactory(name="Article 1"), departement_codes=["93"])
    page.goto("/")
    page.get_by_role("link", name="Je veux être accompagné(e)").click()

    expect(page.locator("#guardian")).to_be_hidden()
    page.get_by_label("Prénom", exact=True).fill("Inès")
    page.get_by_label("Nom", exact=True).fill("Diallo")
    page.get_by_label("Ta date de naissance").fill(years_ago(14).isoformat())
    # Under 15: the parent's fields appear.
    expect(page.locator("#guardian")).to_be_visible()
    page.get_by_label("Nom et prénom de ton parent ou tuteur").fill("Sophie Diallo")
    page.get_by_label("Adresse électronique de ton parent ou tuteur").fill("sophie@exemple.fr")
    page.get_by_label("Adresse électronique", exact=True).fill("ines@exemple.fr")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_label("Ton code postal").fill("93200")
    tick(page, "Au collège")
    fill_youth_preferences(page)
    page.get_by_role("button", name="Je m’inscris").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Vérifiez votre adresse")
    expect(page.get_by_text("Nous avons écrit à ton parent")).to_be_visible()

    # The parent opens the emailed link and consents.
    page.goto(last_link_to("sophie@exemple.fr", "/accord-parental/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inès souhaite être accompagné(e)")
    expect(page.get_by_text("Article 1", exact=False).first).to_be_visible()
    expect(page.get_by_label("Votre nom et prénom")).to_have_value("Sophie Diallo")
    tick(page, "J’autorise mon enfant à participer au programme")
    page.get_by_role("button", name="Envoyer ma réponse").click()
    expect(page.get_by_text("Vous avez donné votre accord")).to_be_visible()

    # The youth confirms their address and finds their space at the review step.
    confirm_email(page, "ines@exemple.fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")
    expect(page.get_by_text("Article 1 étudie ton inscription")).to_be_visible()
    expect(page.get_by_text("Étape 2 sur 3")).to_be_visible()


def test_a_20_year_old_corrects_a_bad_postal_code_and_sees_their_space(page):
    ProgrammeFactory(association=AssociationFactory(name="Duo for a job"), departement_codes=["69"])
    page.goto("/inscription/jeune/")

    page.get_by_label("Prénom", exact=True).fill("Karim")
    page.get_by_label("Nom", exact=True).fill("Benali")
    page.get_by_label("Ta date de naissance").fill(years_ago(20).isoformat())
    expect(page.locator("#guardian")).to_be_hidden()
    page.get_by_label("Adresse électronique", exact=True).fill("karim@exemple.fr")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_label("Ton code postal").fill("99999")
    tick(page, "En recherche d’emploi")
    fill_youth_preferences(page)
    page.get_by_role("button", name="Je m’inscris").click()

    # The error is next to the field, and everything else is still there.
    expect(page.locator("#id_postal_code-messages")).to_contain_text(
        "ne correspond à aucun département"
    )
    expect(page.get_by_label("Prénom", exact=True)).to_have_value("Karim")
    expect(page.get_by_label("Adresse électronique", exact=True)).to_have_value("karim@exemple.fr")
    expect(page.get_by_label("En recherche d’emploi")).to_be_checked()
    expect(page.get_by_label("mercredi après-midi")).to_be_checked()
    expect(page.get_by_label("J’accepte la charte du mentorat")).to_be_checked()
    assert not YouthProfile.objects.exists()

    page.get_by_label("Ton code postal").fill("69003")
    page.get_by_role("button", name="Je m’inscris").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vérifiez votre adresse")

    confirm_email(page, "karim@exemple.fr")
    expect(page.get_by_text("Duo for a job étudie ton inscription")).to_be_visible()
    expect(page.get_by_text("69003 (Rhône)")).to_be_visible()


def test_a_mentor_with_an_attestation_signs_up_and_awaits_review(page):
    ProgrammeFactory(
        association=AssociationFactory(name="Chemins d’avenir"), departement_codes=["75"]
    )
    attested_on = timezone.localdate() - datetime.timedelta(days=20)
    page.goto("/")
    page.get_by_role("link", name="Je deviens mentor").click()

    page.get_by_label("Prénom", exact=True).fill("Nadia")
    page.get_by_label("Nom", exact=True).fill("Roux")
    page.get_by_label("Adresse électronique", exact=True).fill("nadia@exemple.fr")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_label("Votre code postal").fill("75011")
    page.get_by_label("Votre métier").fill("Ingénieure")
    page.get_by_label("Votre secteur d’activité").select_option(label="Industrie, énergie")
    page.get_by_label("Années d’expérience professionnelle").fill("12")
    tick(page, "M’orienter")
    page.get_by_label("Combien de jeunes pouvez-vous suivre en même temps ?").fill("2")
    tick(page, "À distance")
    tick(page, "mardi soir")
    tick(page, "Femme")
    page.get_by_label("Date de l’attestation d’honorabilité").fill(attested_on.isoformat())
    tick(page, "J’accepte la charte du mentorat")
    page.get_by_role("button", name="Je m’inscris comme mentor").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Vérifiez votre adresse")
    confirm_email(page, "nadia@exemple.fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon espace")
    expect(page.get_by_text("Chemins d’avenir étudie votre candidature")).to_be_visible()
    expect(page.get_by_text("à vérifier par l’association")).to_be_visible()
