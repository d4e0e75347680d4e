"""A blank sign-up form is rendered once per process; a filled one is always rendered afresh."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import PASSWORD
from tests.programmes.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

YOUTH = reverse("programmes:youth_signup")
MENTOR = reverse("programmes:mentor_signup")
FIELD_TEMPLATE = "crispy_dsfr/field.html"


def rendered(response) -> set[str]:
    return {template.name for template in response.templates}


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def form_without_tokens(response) -> tuple[list[str], str]:
    page = response.content.decode()
    form = page[page.index("<form") : page.index("Je m’inscris")]
    return TOKEN.findall(form), TOKEN.sub("TOKEN", form)


@pytest.mark.parametrize("url", [YOUTH, MENTOR])
def test_a_blank_form_is_rendered_once_then_read_from_memory(client, url):
    first = client.get(url)
    second = client.get(url)

    assert FIELD_TEMPLATE in rendered(first)
    assert FIELD_TEMPLATE not in rendered(second)
    assert second.content.decode().count("<input") == first.content.decode().count("<input")


def test_each_visitor_gets_their_own_token_around_the_same_form():
    first, second = (form_without_tokens(Client().get(YOUTH)) for _ in range(2))

    assert first[0] and second[0] and first[0] != second[0]
    assert first[1] == second[1]


def test_a_programme_opened_meanwhile_is_offered_at_once(client):
    client.get(YOUTH)
    ProgrammeFactory(name="Cap sur l’alternance")

    response = client.get(YOUTH)

    assert "Cap sur l’alternance" in response.content.decode()
    assert FIELD_TEMPLATE in rendered(response)


def test_a_closed_programme_is_no_longer_offered(client):
    programme = ProgrammeFactory(name="Cap sur l’alternance")
    assert "Cap sur l’alternance" in client.get(YOUTH).content.decode()
    programme.open_for_signup = False
    programme.save()

    assert "Cap sur l’alternance" not in client.get(YOUTH).content.decode()


def test_the_form_speaks_the_visitors_language(client):
    client.get(YOUTH)

    english = client.get(YOUTH, headers={"accept-language": "en"}).content.decode()

    assert "First name" in english and "Prénom" not in english
    assert "Prénom" in client.get(YOUTH).content.decode()


def test_a_form_with_errors_is_rendered_afresh_and_keeps_what_was_typed(client):
    client.get(YOUTH)

    response = client.post(
        YOUTH,
        {"first_name": "Inès", "last_name": "Benali", "password1": PASSWORD, "postal_code": "7"},
    )

    page = response.content.decode()
    assert FIELD_TEMPLATE in rendered(response)
    assert 'value="Inès"' in page and 'value="Benali"' in page
    assert "Un code postal s’écrit avec 5 chiffres" in page
