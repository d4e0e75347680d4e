import pytest
from django.urls import reverse

from tests.programmes.factories import AssociationFactory

pytestmark = pytest.mark.django_db


def test_home_explains_the_programme_with_its_two_calls_to_action(client):
    AssociationFactory(name="Chemins d'avenir")
    AssociationFactory(name="Association candidate", candidate=True)

    page = client.get(reverse("core:home")).content.decode()

    assert "Je veux être accompagné(e)" in page
    assert "Je deviens mentor" in page
    assert "au moins 6 mois" in page
    assert "1 h 30 toutes les 6 semaines" in page
    assert "Chemins d&#x27;avenir" in page
    assert "Association candidate" not in page  # only labelled associations are shown
    assert 'href="/inscription/jeune/"' in page and 'href="/inscription/mentor/"' in page


def test_home_is_served_in_english_when_chosen(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302

    page = client.get(reverse("core:home")).content.decode()

    assert "I want a mentor" in page
    assert '<html lang="en"' in page


def test_the_dsfr_assets_are_served_by_the_platform_itself(client):
    page = client.get(reverse("core:home")).content.decode()
    assert "/static/dsfr/dist/dsfr/dsfr.min.css" in page
    assert "https://" not in page.split("<body")[0]  # no CDN


def test_home_makes_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    AssociationFactory.create_batch(15)
    with django_assert_max_num_queries(3):
        client.get(reverse("core:home"))
