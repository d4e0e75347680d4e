import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = reverse("account_signup")


def signup_data(**overrides):
    return {
        "email": "lea.moreau@exemple.fr",
        "first_name": "Léa",
        "last_name": "Moreau",
        "role": Role.YOUTH,
        "password1": "un-mot-de-passe-solide",
        "password2": "un-mot-de-passe-solide",
        **overrides,
    }


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


def test_signup_creates_an_account_with_its_role_and_sends_a_confirmation(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP_URL, signup_data(role=Role.MENTOR))

    assert response.status_code == 302
    user = User.objects.get(email="lea.moreau@exemple.fr")
    assert (user.first_name, user.last_name, user.role) == ("Léa", "Moreau", Role.MENTOR)
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lea.moreau@exemple.fr"]
    assert "/comptes/confirm-email/" in mail.outbox[0].body
    # The confirmation went through the outbox like every other message.
    assert user.messages.get().status == "sent"


def test_the_home_page_call_to_action_preselects_the_role(client):
    response = client.get(SIGNUP_URL, {"role": "mentor"})
    assert 'value="mentor" id="id_role_1" checked' in response.content.decode()


def test_a_role_that_cannot_be_self_chosen_is_not_preselected(client):
    response = client.get(SIGNUP_URL, {"role": "ministry"})
    assert response.context["form"].initial.get("role") is None


def test_nobody_can_sign_up_as_ministry_admin(client):
    response = client.post(SIGNUP_URL, signup_data(role=Role.MINISTRY))
    assert response.status_code == 200
    assert field_errors(response, "role")
    assert not User.objects.exists()


def test_existing_email_is_refused_next_to_the_field_and_the_form_keeps_what_was_typed(client):
    UserFactory(email="lea.moreau@exemple.fr")

    response = client.post(SIGNUP_URL, signup_data(email="Lea.Moreau@exemple.fr"))

    assert response.status_code == 200
    assert field_errors(response, "email") == [
        "Un autre utilisateur utilise déjà cette adresse e-mail."
    ]
    page = response.content.decode()
    assert 'class="fr-input-group fr-input-group--error" id="div_id_email"' in page
    assert 'value="Léa"' in page and 'value="Moreau"' in page
    assert User.objects.count() == 1


def test_weak_password_is_refused_with_a_french_message(client):
    response = client.post(SIGNUP_URL, signup_data(password1="12345678", password2="12345678"))

    errors = field_errors(response, "password1")
    assert "Ce mot de passe est trop court. Il doit contenir au minimum 10 caractères." in errors
    assert "Ce mot de passe est entièrement numérique." in errors
    page = response.content.decode()
    assert 'id="id_password1-messages"' in page
    # The rules and the error are both read out with the field.
    assert 'aria-describedby="id_password1_helptext id_password1-messages"' in page
    assert not User.objects.exists()


def test_invalid_email_is_refused_with_a_french_message(client):
    response = client.post(SIGNUP_URL, signup_data(email="lea.moreau@"))

    assert field_errors(response, "email") == ["Saisissez une adresse de courriel valide."]
    assert 'value="lea.moreau@"' in response.content.decode()


def test_forms_use_dsfr_markup_and_never_bootstrap(client):
    page = client.post(SIGNUP_URL, signup_data(email="pas-une-adresse")).content.decode()

    for dsfr in ("fr-input-group", "fr-label", "fr-fieldset", "fr-radio-group", "fr-error-text"):
        assert dsfr in page
    for bootstrap in ("form-control", "form-group", "btn-primary", "invalid-feedback", " col-md-"):
        assert bootstrap not in page
