"""Vetting: who may open the pages, the lists of people to vet, a person's page."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from programmes import flags
from programmes.enums import Language, Need, ParticipantStatus, Slot
from tests.accounts.factories import UserFactory
from tests.programmes.factories import (
    MentorProfileFactory,
    ParentalConsentFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
    departement,
)
from tests.programmes.vetting.pages import (
    PERSON_VIEWS,
    list_url,
    page_text,
    person_of,
    person_url,
)

pytestmark = pytest.mark.django_db


class TestWhoMayOpenThePages:
    @pytest.mark.parametrize("name, kind, method, data", PERSON_VIEWS)
    def test_anonymous_visitors_are_sent_to_login(
        self, client, programme, name, kind, method, data
    ):
        url = person_url(name, person_of(kind, programme))
        response = getattr(client, method)(url, data)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))

    @pytest.mark.parametrize("role", ["youth", "mentor", "ministry"])
    @pytest.mark.parametrize("name, kind, method, data", PERSON_VIEWS)
    def test_other_roles_are_refused(self, client, programme, role, name, kind, method, data):
        client.force_login(UserFactory(**{role: True}))
        url = person_url(name, person_of(kind, programme))
        assert getattr(client, method)(url, data).status_code == 403

    @pytest.mark.parametrize("name, kind, method, data", PERSON_VIEWS)
    def test_staff_of_another_association_get_a_404(
        self, client, programme, name, kind, method, data
    ):
        person = person_of(kind, programme)
        outsider = StaffMembershipFactory()
        client.force_login(outsider.user)

        # Neither through their own association's address, nor through the other one's.
        assert getattr(client, method)(person_url(name, person), data).status_code == 404
        person.programme = ProgrammeFactory(association=outsider.association)
        assert getattr(client, method)(person_url(name, person), data).status_code == 404
        person.refresh_from_db()
        assert person.status == ParticipantStatus.PENDING_REVIEW

    @pytest.mark.parametrize("kind", ["jeunes", "mentors"])
    def test_the_lists_follow_the_same_rules(self, client, association, kind):
        url = list_url(association, kind)
        assert client.get(url).url.startswith(reverse("account_login"))
        client.force_login(UserFactory(mentor=True))
        assert client.get(url).status_code == 403
        client.force_login(StaffMembershipFactory().user)
        assert client.get(url).status_code == 404

    def test_staff_home_leads_to_the_first_associations_youths(self, client, membership):
        StaffMembershipFactory(
            user=membership.user, association__name="Zèbre", association__slug="z"
        )
        client.force_login(membership.user)
        assertRedirects(
            client.get(reverse("programmes:staff_home")), list_url(membership.association)
        )

    def test_staff_home_of_someone_without_association_says_so(self, client):
        client.force_login(UserFactory(association_staff=True))
        response = client.get(reverse("programmes:staff_home"))
        assertContains(response, "aucune association")

    @pytest.mark.parametrize("role", ["youth", "mentor", "ministry"])
    def test_staff_home_is_for_staff_only(self, client, role):
        client.force_login(UserFactory(**{role: True}))
        assert client.get(reverse("programmes:staff_home")).status_code == 403


class TestTheLists:
    def test_tabs_count_each_state_and_show_those_to_review_first(self, staff_client, programme):
        YouthProfileFactory.create_batch(2, programme=programme)
        YouthProfileFactory(programme=programme, ready=True, user__last_name="Prête")
        YouthProfileFactory(programme=programme, rejected=True)
        YouthProfileFactory(programme=programme, under_15=True)
        YouthProfileFactory(user__last_name="Ailleurs")  # another association's

        response = staff_client.get(list_url(programme.association))

        tabs = [(tab["label"], tab["count"]) for tab in response.context["tabs"]]
        assert [count for _, count in tabs] == [2, 1, 1, 1]
        assert len(response.context["page_obj"]) == 2
        assertNotContains(response, "Ailleurs")
        assertNotContains(response, "Prête")
        assertContains(staff_client.get(list_url(programme.association) + "?etat=prets"), "Prête")

    def test_mentor_tabs(self, staff_client, programme):
        MentorProfileFactory(programme=programme, with_attestation=True, profession="Juriste")
        MentorProfileFactory(programme=programme, ready=True)

        response = staff_client.get(list_url(programme.association, "mentors"))

        assert [tab["count"] for tab in response.context["tabs"]] == [1, 1, 0]
        assertContains(response, "Juriste")
        assertContains(response, "Valide")

    @pytest.mark.parametrize("search", ["nadia", "ROUX", "nadia roux", "nroux@", "9310"])
    def test_search_by_name_email_or_postal_code(self, staff_client, programme, search):
        YouthProfileFactory(
            programme=programme,
            user__first_name="Nadia",
            user__last_name="Roux",
            user__email="nroux@exemple.fr",
            postal_code="93100",
            departement=departement("93"),
        )
        YouthProfileFactory(programme=programme, user__first_name="Yanis", user__last_name="Ben")

        response = staff_client.get(list_url(programme.association), {"q": search})

        assertContains(response, "Roux")
        assertNotContains(response, "Yanis")
        assertContains(response, f'value="{search}"')  # what was typed stays
        assert [tab["count"] for tab in response.context["tabs"]][0] == 1

    def test_filters(self, staff_client, programme):
        other_programme = ProgrammeFactory(association=programme.association, name="Été")
        YouthProfileFactory(programme=programme, user__last_name="Parisienne")
        YouthProfileFactory(
            programme=other_programme,
            user__last_name="Lyonnais",
            postal_code="69003",
            departement=departement("69"),
        )
        changed = YouthProfileFactory(
            programme=programme,
            ready=True,
            user__last_name="Changé",
            criteria_changed_at=timezone.now(),
        )
        YouthProfileFactory(
            programme=programme,
            user__last_name="Double",
            possible_duplicate_of=YouthProfileFactory(),
        )
        url = list_url(programme.association)

        by_departement = page_text(staff_client.get(url, {"departement": "69"}))
        assert "Lyonnais" in by_departement and "Parisienne" not in by_departement
        by_programme = page_text(staff_client.get(url, {"programme": other_programme.pk}))
        assert "Lyonnais" in by_programme and "Parisienne" not in by_programme
        criteria = staff_client.get(url, {"criteria_changed": "on", "etat": "prets"})
        assert list(criteria.context["page_obj"]) == [changed]
        assertContains(criteria, "Critères modifiés")
        duplicates = page_text(staff_client.get(url, {"possible_duplicate": "on"}))
        assert "Double" in duplicates and "Parisienne" not in duplicates

    def test_an_unknown_filter_value_is_told_and_ignored(self, staff_client, programme):
        YouthProfileFactory(programme=programme, user__last_name="Visible")
        response = staff_client.get(list_url(programme.association), {"programme": "999"})
        assertContains(response, "Visible")
        assertContains(response, "fr-select-group--error")

    def test_the_mentor_list_has_no_duplicate_filter(self, staff_client, association):
        response = staff_client.get(list_url(association, "mentors"), {"possible_duplicate": "on"})
        assertNotContains(response, "Doublon possible")

    def test_pages_of_twenty(self, staff_client, programme):
        YouthProfileFactory.create_batch(21, programme=programme)
        url = list_url(programme.association)
        assert len(staff_client.get(url).context["page_obj"]) == 20
        second = staff_client.get(url, {"page": 2})
        assert len(second.context["page_obj"]) == 1
        assertContains(second, "fr-pagination")

    @pytest.mark.parametrize("kind", ["jeunes", "mentors"])
    def test_queries_do_not_grow_with_the_number_of_people(
        self, staff_client, programme, django_assert_num_queries, kind
    ):
        factory = YouthProfileFactory if kind == "jeunes" else MentorProfileFactory
        referent = StaffMembershipFactory(association=programme.association, referent=True).user
        extra = {"referent": referent} if kind == "mentors" else {}
        factory.create_batch(3, programme=programme, **extra)
        url = list_url(programme.association, kind)
        # savepoint, session, user, association, tab counts, département and programme
        # choices, page count, page rows, staff's associations, release
        with django_assert_num_queries(12):
            staff_client.get(url)
        factory.create_batch(25, programme=programme, **extra)
        ParentalConsentFactory(youth__programme=programme)
        with django_assert_num_queries(13):  # and the chosen département, checked
            staff_client.get(url, {"q": "a", "departement": "75", "page": 2})

    def test_staff_of_several_associations_choose_which(self, client, membership, programme):
        second = StaffMembershipFactory(user=membership.user, association__name="Duo for a job")
        YouthProfileFactory(
            programme=ProgrammeFactory(association=second.association), user__last_name="Duo"
        )
        client.force_login(membership.user)

        first_page = client.get(list_url(membership.association))
        assertContains(first_page, "Duo for a job")  # the way to the other association
        assertNotContains(first_page, "Duo</a>")
        assertContains(client.get(list_url(second.association)), "Duo")


class TestAPersonsPage:
    def test_a_youth_page_shows_all_they_gave(self, staff_client, programme):
        youth = YouthProfileFactory(
            programme=programme,
            user__first_name="Inès",
            user__last_name="Martin",
            phone="06 12 34 56 78",
            needs=flags.mask_of(Need, [Need.INTERNSHIP]),
            availability=flags.mask_of(Slot, [Slot.WED_AFTERNOON]),
            languages=flags.mask_of(Language, [Language.FRENCH, Language.ARABIC]),
            expectations="Quelqu’un qui connaît le droit.",
            lives_in_qpv=True,
            followed_by_mission_locale=True,
            prefers_same_gender=True,
        )

        page = page_text(staff_client.get(person_url("vetting_detail", youth)))

        for expected in [
            "Inès Martin",
            "06 12 34 56 78",
            "Trouver un stage",
            "mercredi après-midi",
            "français, arabe",
            "Quelqu’un qui connaît le droit.",
            "Habite un quartier prioritaire (QPV)",
            "Suivi(e) par une Mission locale",
            "20 ans",
            "En recherche d’emploi",
            "Valider l’inscription",
            "Motif du refus",
        ]:
            assert expected in page, expected
        assert "accord parental" not in page

    def test_an_under_15_youth_shows_the_consent_status(self, staff_client, programme):
        consent = ParentalConsentFactory(youth__programme=programme, guardian_name="Sophie Martin")
        page = page_text(staff_client.get(person_url("vetting_detail", consent.youth)))
        assert "14 ans" in page
        assert "Accord parental (moins de 15 ans)" in page
        assert "Sophie Martin" in page and "En attente" in page
        assert "ne peut être ni validé(e) ni mis(e) en relation" in page
        assert "Valider l’inscription" not in page  # the parent answers first

    def test_a_possible_duplicate_names_the_other_association(self, staff_client, programme):
        first = YouthProfileFactory(programme__association__name="Capital Filles")
        youth = YouthProfileFactory(programme=programme, possible_duplicate_of=first)
        page = page_text(staff_client.get(person_url("vetting_detail", youth)))
        assert "Doublon possible" in page and "Capital Filles" in page

    def test_criteria_changed_since_approval_are_dated(self, staff_client, programme):
        changed_at = timezone.make_aware(datetime.datetime(2026, 3, 14, 10, 30))
        youth = YouthProfileFactory(programme=programme, ready=True, criteria_changed_at=changed_at)
        assertContains(
            staff_client.get(person_url("vetting_detail", youth)), "Critères modifiés le 14/03/2026"
        )

    def test_staff_mark_the_changes_as_read(self, staff_client, programme):
        youth = YouthProfileFactory(
            programme=programme, ready=True, criteria_changed_at=timezone.now()
        )
        page = page_text(staff_client.get(person_url("vetting_detail", youth)))
        assert "J’ai relu les modifications" in page

        staff_client.post(person_url("criteria_edit_acknowledge", youth))

        youth.refresh_from_db()
        assert youth.criteria_changed_at is None
        assert "Critères modifiés" not in page_text(
            staff_client.get(person_url("vetting_detail", youth))
        )

    def test_a_mentor_page(self, staff_client, programme):
        referent = StaffMembershipFactory(
            association=programme.association,
            referent=True,
            user__first_name="Rémi",
            user__last_name="Référent",
        ).user
        mentor = MentorProfileFactory(
            programme=programme,
            with_attestation=True,
            profession="Juriste",
            years_of_experience=12,
            capacity=3,
            referent=referent,
        )

        page = page_text(staff_client.get(person_url("vetting_detail", mentor)))

        for expected in [
            "Juriste",
            "Informatique, numérique",
            "12 ans",
            "Suivi(e) par Rémi Référent",
        ]:
            assert expected in page, expected
        assert "Valide" in page
        until = (timezone.localdate() + relativedelta(months=6)).strftime("%d/%m/%Y")
        assert f"valable jusqu’au {until}" in page
        assert "Ne peut pas être mis(e) en relation" not in page

    def test_a_mentor_without_valid_attestation_is_said_not_for_minors(
        self, staff_client, programme
    ):
        mentor = MentorProfileFactory(programme=programme)
        page = page_text(staff_client.get(person_url("vetting_detail", mentor)))
        assert "Ne peut pas être mis(e) en relation avec un ou une mineur(e)" in page
        assert "Aucune attestation n’a été vue" in page

    def test_the_date_a_mentor_declared_is_shown_next_to_what_staff_check(
        self, staff_client, programme
    ):
        declared = timezone.localdate() - datetime.timedelta(days=20)
        mentor = MentorProfileFactory(programme=programme, attestation_date=declared)

        page = page_text(staff_client.get(person_url("vetting_detail", mentor)))

        assert "L’attestation déclarée n’a pas encore été vue" in page
        assert f"Datée du {declared:%d/%m/%Y}" in page
        until = declared + relativedelta(months=6)
        assert f"valable jusqu’au {until:%d/%m/%Y} une fois vue" in page
        assert f'value="{declared.isoformat()}"' in page  # staff confirm it against the paper
        listing = page_text(staff_client.get(list_url(programme.association, "mentors")))
        assert "Déclarée, à vérifier" in listing and "Expirée" not in listing

    def test_a_declared_attestation_too_old_is_said_so(self, staff_client, programme):
        declared = timezone.localdate() - relativedelta(months=7)
        mentor = MentorProfileFactory(programme=programme, attestation_date=declared)
        page = page_text(staff_client.get(person_url("vetting_detail", mentor)))
        assert "plus de 6 mois" in page and "une fois vue" not in page
