"""Coordinators tune the weights of their programme's matching criteria."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from matching.engine import Weights
from matching.models import MatchingWeights
from tests.accounts.factories import UserFactory
from tests.programmes.factories import ProgrammeFactory, StaffMembershipFactory

pytestmark = pytest.mark.django_db

DEFAULTS = {
    "geography": 20,
    "needs": 30,
    "sector": 15,
    "format": 10,
    "availability": 20,
    "languages": 5,
}


@pytest.fixture
def programme():
    return ProgrammeFactory()


@pytest.fixture
def page(programme):
    return reverse(
        "matching:weights",
        kwargs={"slug": programme.association.slug, "programme_slug": programme.slug},
    )


@pytest.fixture
def coordinator_client(client, programme):
    client.force_login(StaffMembershipFactory(association=programme.association).user)
    return client


def test_the_defaults_are_shown_before_anything_is_saved(coordinator_client, page):
    response = coordinator_client.get(page)

    assert response.context["form"].initial == DEFAULTS
    assertContains(response, "Par défaut : 30.")
    assert not MatchingWeights.objects.exists()


def test_the_defaults_are_the_engine_s(programme):
    engine = Weights()
    assert {name: value / 100 for name, value in DEFAULTS.items()} == {
        name: getattr(engine, name) for name in DEFAULTS
    }


def test_a_coordinator_saves_new_weights(coordinator_client, programme, page):
    response = coordinator_client.post(page, {**DEFAULTS, "needs": 60}, follow=True)

    assertRedirects(
        response,
        reverse(
            "matching:programme",
            kwargs={"slug": programme.association.slug, "programme_slug": programme.slug},
        ),
    )
    assertContains(response, "Pondérations enregistrées")
    assert MatchingWeights.objects.get(programme=programme).needs == 60
    assert coordinator_client.get(page).context["form"].initial["needs"] == 60


def test_all_at_zero_is_refused_next_to_the_fields_keeping_what_was_typed(coordinator_client, page):
    response = coordinator_client.post(page, dict.fromkeys(DEFAULTS, 0))

    assert response.status_code == 400
    assertContains(
        response,
        '<p class="fr-message fr-message--error">Au moins un critère doit compter.</p>',
        status_code=400,
        html=True,
    )
    assertContains(response, "fr-fieldset--error", status_code=400)
    assert response.context["form"]["needs"].value() == "0"
    assert not MatchingWeights.objects.exists()


@pytest.mark.parametrize("value", ["-1", "101", "beaucoup"])
def test_a_weight_outside_0_to_100_is_refused(coordinator_client, page, value):
    response = coordinator_client.post(page, {**DEFAULTS, "sector": value})

    assert response.status_code == 400
    assert response.context["form"].errors["sector"]
    assert response.context["form"]["sector"].value() == value


def test_a_referent_is_refused(client, programme, page):
    client.force_login(
        StaffMembershipFactory(association=programme.association, referent=True).user
    )
    assert client.get(page).status_code == 403
    assert client.post(page, DEFAULTS).status_code == 403


def test_staff_of_another_association_find_nothing(client, page):
    client.force_login(StaffMembershipFactory().user)
    assert client.get(page).status_code == 404


@pytest.mark.parametrize("role", ["youth", "mentor", "ministry"])
def test_other_roles_are_refused(client, page, role):
    client.force_login(UserFactory(**{role: True}))
    assert client.get(page).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, page):
    assert client.get(page).url.startswith(reverse("account_login"))
