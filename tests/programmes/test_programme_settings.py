"""An association's programmes: listed for its staff, created and edited by its coordinators,
never below the national cadence."""

import pytest
from django.urls import reverse

from programmes import flags
from programmes.enums import Need
from programmes.models import Programme
from tests.accounts.factories import UserFactory
from tests.programmes.factories import (
    AssociationFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
)

pytestmark = pytest.mark.django_db


def page_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def coordinator(client):
    membership = StaffMembershipFactory(
        association__name="ARPEJEH", association__departement_codes=["75", "93", "94"]
    )
    client.force_login(membership.user)
    return membership


def list_url(association):
    return reverse("programmes:programme_list", args=[association.slug])


def create_url(association):
    return reverse("programmes:programme_create", args=[association.slug])


def edit_url(programme):
    return reverse("programmes:programme_edit", args=[programme.association.slug, programme.slug])


def programme_data(**overrides) -> dict:
    return {
        "name": "Premiers pas pro",
        "description": "Découvrir les métiers avec un mentor.",
        "age_min": "15",
        "age_max": "25",
        "departements": ["75", "93"],
        "needs": [Need.ORIENTATION, Need.INTERNSHIP],
        "capacity": "40",
        "open_for_signup": "on",
        "min_duration_months": "6",
        "max_interval_weeks": "6",
        "min_meeting_minutes": "90",
        **overrides,
    }


class TestWhoMayOpenTheProgrammePages:
    def requests(self, association):
        programme = ProgrammeFactory(association=association)
        return [
            ("get", list_url(association)),
            ("get", create_url(association)),
            ("post", create_url(association)),
            ("get", edit_url(programme)),
            ("post", edit_url(programme)),
        ]

    def test_anonymous_visitors_are_sent_to_login(self, client):
        for method, url in self.requests(AssociationFactory()):
            response = getattr(client, method)(url)
            assert response.status_code == 302
            assert response.url.startswith(reverse("account_login"))

    @pytest.mark.parametrize("traits", [{"youth": True}, {"mentor": True}, {"ministry": True}])
    def test_other_roles_are_refused(self, client, traits):
        client.force_login(UserFactory(**traits))
        for method, url in self.requests(AssociationFactory()):
            assert getattr(client, method)(url).status_code == 403

    def test_staff_of_another_association_get_a_404(self, client, coordinator):
        for method, url in self.requests(AssociationFactory()):
            assert getattr(client, method)(url).status_code == 404

    def test_another_associations_programme_is_a_404_even_under_ones_own_slug(
        self, client, coordinator
    ):
        foreign = ProgrammeFactory()
        url = reverse(
            "programmes:programme_edit", args=[coordinator.association.slug, foreign.slug]
        )
        assert client.get(url).status_code == 404

    def test_a_referent_sees_the_programmes_but_cannot_change_them(self, client):
        referent = StaffMembershipFactory(referent=True)
        ProgrammeFactory(association=referent.association, name="Cap emploi")
        client.force_login(referent.user)

        page = page_of(client.get(list_url(referent.association)))
        assert "Cap emploi" in page
        assert "Créer un programme" not in page
        for method, url in self.requests(referent.association)[1:]:
            assert getattr(client, method)(url).status_code == 403


class TestProgrammeList:
    def test_lists_programmes_with_their_youths_capacity_and_cadence(self, client, coordinator):
        programme = ProgrammeFactory(
            association=coordinator.association,
            name="Cap emploi",
            capacity=30,
            min_duration_months=9,
            departement_codes=["93"],
        )
        YouthProfileFactory.create_batch(2, programme=programme)
        YouthProfileFactory(programme=programme, rejected=True)
        ProgrammeFactory(association=coordinator.association, name="Fermé", closed=True)

        page = page_of(client.get(list_url(coordinator.association)))

        assert "Cap emploi" in page
        assert "2 / 30" in page
        assert "9 mois au moins" in page
        assert "Ouvertes" in page and "Fermées" in page

    def test_query_count_does_not_grow_with_the_number_of_programmes(
        self, client, coordinator, django_assert_num_queries
    ):
        for programme in ProgrammeFactory.create_batch(8, association=coordinator.association):
            YouthProfileFactory(programme=programme)

        # session, user, savepoint, association, coordinator check, programmes with their
        # youth counts, their départements, release savepoint
        with django_assert_num_queries(9):
            client.get(list_url(coordinator.association))

    def test_a_suspended_association_says_it_cannot_take_new_youths(self, client):
        membership = StaffMembershipFactory(association=AssociationFactory(suspended=True))
        client.force_login(membership.user)
        page = page_of(client.get(list_url(membership.association)))
        assert "Suspendue" in page
        assert "ne peut plus accueillir de nouveaux jeunes" in page


class TestCreateAndEdit:
    def test_creates_a_programme_with_a_slug_from_its_name(self, client, coordinator):
        response = client.post(create_url(coordinator.association), programme_data())

        assert response.status_code == 302
        assert response.url == list_url(coordinator.association)
        programme = Programme.objects.get()
        assert programme.association == coordinator.association
        assert programme.slug == "premiers-pas-pro"
        assert (programme.age_min, programme.age_max, programme.capacity) == (15, 25, 40)
        assert programme.needs == flags.mask_of(Need, [Need.ORIENTATION, Need.INTERNSHIP])
        assert set(programme.departements.values_list("code", flat=True)) == {"75", "93"}
        assert programme.open_for_signup
        assert "Le programme « Premiers pas pro » est enregistré." in page_of(
            client.get(response.url)
        )

    def test_slugs_stay_unique_across_associations(self, client, coordinator):
        ProgrammeFactory(slug="premiers-pas-pro")
        client.post(create_url(coordinator.association), programme_data())
        assert coordinator.association.programmes.get().slug == "premiers-pas-pro-2"

    def test_edits_a_programme_and_keeps_its_slug(self, client, coordinator):
        programme = ProgrammeFactory(association=coordinator.association, slug="ancien-nom")

        page = page_of(client.get(edit_url(programme)))
        assert f'value="{programme.name}"' in page

        client.post(
            edit_url(programme),
            programme_data(name="Nouveau nom", min_duration_months="12", open_for_signup=""),
        )

        programme.refresh_from_db()
        assert (programme.name, programme.slug, programme.min_duration_months) == (
            "Nouveau nom",
            "ancien-nom",
            12,
        )
        assert not programme.open_for_signup

    @pytest.mark.parametrize(
        "field, value, message",
        [
            (
                "min_duration_months",
                "4",
                "Le minimum national est de 6 mois : un programme peut demander plus, "
                "jamais moins.",
            ),
            (
                "max_interval_weeks",
                "8",
                "Le minimum national est d’une rencontre toutes les 6 semaines",
            ),
            (
                "min_meeting_minutes",
                "60",
                "Le minimum national est de 90 minutes (1 h 30) par rencontre",
            ),
            ("capacity", "0", "Un programme accueille au moins un jeune."),
            ("capacity", "10001", "Au plus 10000 jeunes par programme."),
            ("age_min", "12", "Un programme accueille des jeunes de 13 ans au moins."),
            ("age_max", "31", "Un programme accueille des jeunes de 30 ans au plus."),
            ("needs", [], "Cochez au moins un besoin."),
            ("departements", [], "Choisissez au moins un département."),
            ("departements", ["13"], "Sélectionnez un choix valide"),
        ],
    )
    def test_bad_input_is_refused_next_to_the_field_and_kept(
        self, client, coordinator, field, value, message
    ):
        response = client.post(
            create_url(coordinator.association), programme_data(**{field: value})
        )

        page = page_of(response)
        assert response.status_code == 200
        assert f"id_{field}-messages" in page
        assert message in page
        assert 'value="Premiers pas pro"' in page
        if isinstance(value, str):
            assert f'value="{value}"' in page
        assert not Programme.objects.exists()

    def test_the_age_range_goes_upwards(self, client, coordinator):
        response = client.post(
            create_url(coordinator.association), programme_data(age_min="20", age_max="16")
        )
        assert "L’âge maximum doit être supérieur ou égal à l’âge minimum." in page_of(response)
        assert not Programme.objects.exists()

    def test_the_national_minimums_are_shown_before_any_mistake(self, client, coordinator):
        page = page_of(client.get(create_url(coordinator.association)))
        assert "6 mois au moins : c’est le minimum national." in page
        assert "6 semaines au plus" in page
        assert "90 minutes (1 h 30) au moins" in page

    def test_a_new_programme_starts_from_the_national_cadence(self, client, coordinator):
        form = client.get(create_url(coordinator.association)).context["form"]
        assert {
            name: form[name].value() for name in form.fields if "min" in name or "max" in name
        } == {
            "age_min": 13,
            "age_max": 25,
            "min_duration_months": 6,
            "max_interval_weeks": 6,
            "min_meeting_minutes": 90,
        }
        assert form["capacity"].value() == 100

    def test_only_the_associations_departements_are_offered(self, client, coordinator):
        page = page_of(client.get(create_url(coordinator.association)))
        assert "94 — Val-de-Marne" in page
        assert "13 — Bouches-du-Rhône" not in page
