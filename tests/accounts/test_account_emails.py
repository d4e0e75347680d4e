"""allauth's emails (confirm an address, reset a password) name the site from the settings,
come in the platform's layout (text and HTML), and say "tu" to youths, "vous" to others."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.programmes.test_youth_signup import youth_data

pytestmark = pytest.mark.django_db


def reset_email(client, django_capture_on_commit_callbacks, user):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": user.email})
    [email] = mail.outbox
    return email


def html_of(email) -> str:
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    return html


def test_a_youth_is_told_tu_with_the_sites_name_and_address(
    client, django_capture_on_commit_callbacks
):
    youth = UserFactory(youth=True, first_name="Inès")

    email = reset_email(client, django_capture_on_commit_callbacks, youth)

    assert email.subject == "Choisis un nouveau mot de passe pour Mentorat"
    assert email.body.startswith("Bonjour Inès,")
    assert "Tu as demandé à changer ton mot de passe" in email.body
    assert "L’équipe Mentorat" in email.body and settings.SITE_URL in email.body
    assert "c'est  !" not in email.body and "Merci d'utiliser" not in email.body
    html = html_of(email)
    assert "Tu as demandé" in html and "/comptes/password/reset/key/" in html
    assert 'style="font-family: Marianne' in html


@pytest.mark.parametrize("role", ["mentor", "association_staff", "ministry"])
def test_adults_are_told_vous(client, django_capture_on_commit_callbacks, role):
    email = reset_email(client, django_capture_on_commit_callbacks, UserFactory(**{role: True}))

    assert email.subject == "Choisissez un nouveau mot de passe pour Mentorat"
    assert "Vous avez demandé à changer votre mot de passe" in email.body
    assert "Vous avez demandé" in html_of(email)


def test_the_confirmation_at_sign_up_says_tu_to_a_youth(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programmes:youth_signup"), youth_data())

    email = next(m for m in mail.outbox if "confirm" in m.subject.lower())
    assert email.subject == "Confirme ton adresse pour Mentorat"
    assert "Pour finir ton inscription sur Mentorat, confirme" in email.body
    assert "/comptes/confirm-email/" in html_of(email)


def test_the_welcome_after_confirmation_says_tu_to_a_youth(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programmes:youth_signup"), youth_data())
    confirm = next(m for m in mail.outbox if "confirm" in m.subject.lower())
    link = next(word for word in confirm.body.split() if "/comptes/confirm-email/" in word)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(link)

    welcome = mail.outbox[-1]
    assert welcome.subject == "Bienvenue sur Mentorat"
    assert "Ton adresse est confirmée" in welcome.body
    assert "Ton adresse est confirmée" in html_of(welcome)
