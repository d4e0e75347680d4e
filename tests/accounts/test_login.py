import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_login_with_email_then_logout(client):
    UserFactory(email="karim@exemple.fr", mentor=True)

    response = client.post(
        reverse("account_login"), {"login": "karim@exemple.fr", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("core:dashboard")
    assert client.get(reverse("programmes:my_space")).status_code == 200

    client.post(reverse("account_logout"))
    assert client.get(reverse("programmes:my_space")).url.startswith(reverse("account_login"))


def test_wrong_password_gets_a_french_message(client):
    UserFactory(email="karim@exemple.fr")

    response = client.post(
        reverse("account_login"), {"login": "karim@exemple.fr", "password": "non"}
    )

    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert errors == ["L’adresse e-mail ou le mot de passe sont incorrects."]
    assert 'class="fr-alert fr-alert--error' in response.content.decode()


def test_unconfirmed_email_cannot_log_in_and_is_sent_a_new_link(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="karim@exemple.fr", verified_email=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_login"), {"login": "karim@exemple.fr", "password": PASSWORD}
        )

    assert response.url == reverse("account_email_verification_sent")
    assert "confirm-email" in mail.outbox[0].body


def test_password_reset_sends_a_link_that_sets_a_new_password(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="karim@exemple.fr")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "karim@exemple.fr"})

    body = mail.outbox[0].body
    link = next(word for word in body.split() if "/comptes/password/reset/key/" in word)
    form_url = client.get(link).url
    response = client.post(
        form_url, {"password1": "nouveau-mot-de-passe-9", "password2": "nouveau-mot-de-passe-9"}
    )
    assert response.status_code == 302
    assert client.login(email="karim@exemple.fr", password="nouveau-mot-de-passe-9")
