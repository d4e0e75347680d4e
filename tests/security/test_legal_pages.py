"""The privacy notice, the legal notice and the accessibility statement: public, French,
saying what the issue asks, linked from every page's footer and from each sign-up form."""

import pytest
from django.urls import reverse

from tests.programmes.factories import StaffInvitationFactory

pytestmark = pytest.mark.django_db

PAGES = ["legal:privacy", "legal:notice", "legal:accessibility"]


def test_the_privacy_notice_names_the_controller_what_is_kept_how_long_and_the_rights(client):
    page = client.get(reverse("legal:privacy")).content.decode()

    assert "Le responsable du traitement est le Ministère chargé de la jeunesse" in page
    for duration in (
        "Après 2 ans sans connexion, nous vous prévenons par courriel 30 jours avant",
        "Un dossier refusé par l’association est supprimé 6 mois après la décision",
        "Les textes libres (notes, commentaires) sont supprimés 12 mois après la fin du binôme",
        "12 mois, puis supprimé",  # the audit trail
    ):
        assert duration in page
    assert "réclamation à la Commission nationale de l’informatique et des libertés" in page
    assert "mailto:donnees-personnelles@mentorat.local" in page


def test_the_privacy_notice_links_the_download_and_erasure_pages_once_they_exist(client):
    from django.urls import NoReverseMatch

    page = client.get(reverse("legal:privacy")).content.decode()
    try:
        export = reverse("privacy:export")
    except NoReverseMatch:
        pytest.skip("the personal data export is not there yet")
    assert f'href="{export}"' in page


def test_the_accessibility_statement_gives_the_level_and_how_to_report_a_problem(client):
    page = client.get(reverse("legal:accessibility")).content.decode()

    assert "partiellement conforme avec le référentiel général" in page
    assert "RGAA), version 4.1" in page
    assert "mailto:accessibilite@mentorat.local" in page
    assert "Défenseur des droits" in page


def test_the_legal_notice_names_the_publisher_and_the_host(client, settings):
    settings.LEGAL = {**settings.LEGAL, "host": "Hébergeur Exemple, 1 rue du Serveur, Lille"}

    page = client.get(reverse("legal:notice")).content.decode()

    assert "Ministère chargé de la jeunesse" in page
    assert "Hébergeur Exemple, 1 rue du Serveur, Lille" in page


@pytest.mark.parametrize("name", PAGES)
def test_every_page_links_them_from_its_footer(client, name):
    footer = client.get(reverse("core:home")).content.decode().split('id="footer"')[1]

    assert f'href="{reverse(name)}"' in footer


def signup_pages():
    return [
        reverse("programmes:youth_signup"),
        reverse("programmes:mentor_signup"),
        reverse("programmes:invitation_accept", args=[StaffInvitationFactory().token]),
    ]


@pytest.mark.parametrize("name", PAGES)
def test_each_sign_up_form_links_them(client, name):
    for url in signup_pages():
        page = client.get(url).content.decode()
        links = page.split('id="legal-links"')[1]
        assert f'href="{reverse(name)}"' in links, url


def test_the_demo_says_it_does_not_require_two_factors(client, settings):
    settings.MFA_REQUIRED = False
    assert 'id="demo-two-factor-notice"' in client.get(reverse("core:home")).content.decode()

    settings.MFA_REQUIRED = True
    assert 'id="demo-two-factor-notice"' not in client.get(reverse("core:home")).content.decode()
