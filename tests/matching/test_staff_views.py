"""Staff's matching pages: who may see them, suggestions for one youth, proposing by hand,
the pairs sent to both people or running."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from matching.enums import PairStatus
from matching.models import Pair
from matching.services import run_execute, run_start
from programmes import flags
from programmes.enums import Need
from tests.accounts.factories import UserFactory
from tests.matching.factories import PairFactory
from tests.matching.staff_pages import (
    finished_run,
    propose_url,
    staff_pages,
    suggestions_url,
    url,
)
from tests.programmes.factories import (
    MentorProfileFactory,
    ParentalConsentFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
    departement,
)

pytestmark = pytest.mark.django_db


class TestWhoMaySeeStaffPages:
    def test_anonymous_visitors_are_sent_to_login(self, client, programme):
        for method, page in staff_pages(programme):
            response = getattr(client, method)(page)
            assert response.url.startswith(reverse("account_login")), page

    @pytest.mark.parametrize("role", ["youth", "mentor", "ministry"])
    def test_other_roles_are_refused(self, client, programme, role):
        client.force_login(UserFactory(**{role: True}))
        for method, page in staff_pages(programme):
            assert getattr(client, method)(page).status_code == 403, page

    def test_staff_of_another_association_find_nothing(self, client, programme):
        client.force_login(StaffMembershipFactory().user)
        for method, page in staff_pages(programme):
            assert getattr(client, method)(page).status_code == 404, page

    def test_a_referent_sees_the_pages_but_neither_starts_batches_nor_sets_weights(
        self, client, programme, referent
    ):
        client.force_login(referent)
        assertNotContains(client.get(url("programme", programme)), "Lancer la mise en relation")
        assert client.post(url("run_launch", programme)).status_code == 403
        assert client.get(url("weights", programme)).status_code == 403
        assert client.get(url("proposals", programme)).status_code == 200


class TestHome:
    def test_lists_the_association_s_programmes_with_their_pairs(self, staff_client, programme):
        PairFactory(youth__programme=programme)
        PairFactory(youth__programme=programme, active=True)
        ProgrammeFactory(name="Programme d’une autre association")

        response = staff_client.get(reverse("matching:home", args=["duo"]))

        assertContains(response, "Duo Paris")
        assertNotContains(response, "autre association")
        row = response.context["programmes"][0]
        assert (row.proposed_count, row.approved_count, row.active_count) == (1, 0, 1)


class TestSuggestions:
    def test_the_best_mentors_with_their_score_and_reasons(self, staff_client, programme):
        youth = YouthProfileFactory(programme=programme, ready=True, user__first_name="Inès")
        MentorProfileFactory(programme=programme, ready=True, user__first_name="Karim")
        MentorProfileFactory(
            programme=programme,
            ready=True,
            departement=departement("13"),
            postal_code="13001",
            user__first_name="Lucie",
        )

        response = staff_client.get(suggestions_url(youth))

        names = [s["mentor"].user.first_name for s in response.context["suggestions"]]
        assert names == ["Karim", "Lucie"]  # the one living nearby first
        assertContains(response, "même département (Paris)")
        assertContains(response, "aide à trouver une alternance : oui")
        assertContains(response, "Proposer Karim")

    def test_at_most_ten_and_never_a_mentor_proposed_to_this_youth_before(
        self, staff_client, programme
    ):
        youth = YouthProfileFactory(programme=programme, ready=True)
        declined = PairFactory(youth=youth, approved=True)
        declined.answer(by=youth.user, accepted=False, reason="Pas le bon métier.")
        MentorProfileFactory.create_batch(11, programme=programme, ready=True)

        suggested = staff_client.get(suggestions_url(youth)).context["suggestions"]

        assert len(suggested) == 10
        assert declined.mentor not in [s["mentor"] for s in suggested]

    def test_a_minor_is_only_suggested_mentors_with_a_valid_attestation(
        self, staff_client, programme
    ):
        youth = YouthProfileFactory(programme=programme, ready=True, minor=True)
        MentorProfileFactory(programme=programme, ready=True)
        vetted = MentorProfileFactory(programme=programme, ready=True, with_attestation=True)

        suggested = staff_client.get(suggestions_url(youth)).context["suggestions"]

        assert [s["mentor"] for s in suggested] == [vetted]

    @pytest.mark.parametrize(
        "situation, explanation",
        [
            ({"status": "pending_review"}, "pas prêt pour la mise en relation"),
            ({"under_15": True, "status": "ready"}, "l’accord d’un parent n’est pas enregistré"),
        ],
    )
    def test_a_youth_who_cannot_be_matched_gets_a_plain_explanation(
        self, staff_client, programme, situation, explanation
    ):
        youth = YouthProfileFactory(programme=programme, **situation)
        MentorProfileFactory(programme=programme, ready=True, with_attestation=True)

        response = staff_client.get(suggestions_url(youth))

        assertContains(response, explanation)
        assert response.context["suggestions"] == []

    def test_a_youth_already_paired_is_told_with_whom(self, staff_client, programme):
        pair = PairFactory(youth__programme=programme, active=True, mentor__user__first_name="Zoé")
        response = staff_client.get(suggestions_url(pair.youth))
        assertContains(response, "a déjà un binôme avec Zoé")

    def test_under_15_with_consent_gets_suggestions(self, staff_client, programme):
        consent = ParentalConsentFactory(
            youth__programme=programme, youth__status="ready", given=True
        )
        MentorProfileFactory(programme=programme, ready=True, with_attestation=True)
        assert len(staff_client.get(suggestions_url(consent.youth)).context["suggestions"]) == 1

    def test_no_mentor_for_the_youth_s_need_is_said_with_the_need(self, staff_client, programme):
        youth = YouthProfileFactory(
            programme=programme, ready=True, needs=flags.mask_of(Need, [Need.APPRENTICESHIP])
        )
        MentorProfileFactory(
            programme=programme, ready=True, needs=flags.mask_of(Need, [Need.ORIENTATION])
        )

        response = staff_client.get(suggestions_url(youth))

        assertContains(
            response,
            "Aucun mentor disponible dans son département pour l’aider à trouver une alternance.",
        )

    def test_a_programme_without_any_mentor_says_so(self, staff_client, programme):
        youth = YouthProfileFactory(programme=programme, ready=True)
        response = staff_client.get(suggestions_url(youth))
        assertContains(
            response, "Aucun mentor disponible dans son département pour l’aider à m’orienter."
        )


class TestProposeByHand:
    def test_a_proposal_is_recorded_with_its_score_and_reasons(self, staff_client, programme):
        youth = YouthProfileFactory(programme=programme, ready=True)
        mentor = MentorProfileFactory(programme=programme, ready=True)

        response = staff_client.post(propose_url(youth, mentor), follow=True)

        pair = Pair.objects.get()
        assert (pair.youth, pair.mentor, pair.status) == (youth, mentor, PairStatus.PROPOSED)
        assert pair.score > 0 and pair.explanation[0]["criterion"] == "geography"
        assertRedirects(response, url("proposals", programme))
        assertContains(response, "Proposition enregistrée")
        mentor.refresh_from_db()
        assert mentor.open_pairs == 1

    def test_a_broken_rule_is_refused_with_its_reason(self, staff_client, programme):
        youth = YouthProfileFactory(programme=programme, ready=True, minor=True)
        mentor = MentorProfileFactory(programme=programme, ready=True)

        response = staff_client.post(propose_url(youth, mentor), follow=True)

        assertContains(response, "mineur : le mentor doit avoir une attestation")
        assert not Pair.objects.exists()

    def test_a_mentor_without_a_free_place_is_refused(self, staff_client, programme):
        full = PairFactory(youth__programme=programme, mentor__capacity=1, active=True).mentor
        youth = YouthProfileFactory(programme=programme, ready=True)

        response = staff_client.post(propose_url(youth, full), follow=True)

        assertContains(response, "plus de place libre")
        assert Pair.objects.count() == 1

    def test_a_youth_already_proposed_is_refused(self, staff_client, programme):
        pair = PairFactory(youth__programme=programme)
        other = MentorProfileFactory(programme=programme, ready=True)

        response = staff_client.post(propose_url(pair.youth, other), follow=True)

        assertContains(response, "a déjà un binôme avec")
        assert Pair.objects.count() == 1

    def test_a_mentor_of_another_programme_is_a_404(self, staff_client, programme):
        youth = YouthProfileFactory(programme=programme, ready=True)
        elsewhere = MentorProfileFactory(
            programme=ProgrammeFactory(association=programme.association), ready=True
        )
        assert staff_client.post(propose_url(youth, elsewhere)).status_code == 404


class TestPairs:
    def test_pairs_awaiting_answers_then_running_ones(self, staff_client, programme):
        waiting = PairFactory(youth__programme=programme, approved=True)
        waiting.answer(by=waiting.mentor.user, accepted=True)
        PairFactory(youth__programme=programme, active=True, youth__user__first_name="Inès")

        awaiting = staff_client.get(url("pairs", programme))
        running = staff_client.get(url("pairs", programme), {"etat": "en-cours"})

        assert list(awaiting.context["page_obj"]) == [waiting]
        assertContains(awaiting, "Accepté")
        assertContains(awaiting, "pas encore")
        assertContains(running, "Inès")

    def test_the_list_takes_a_bounded_number_of_queries(
        self, staff_client, programme, django_assert_num_queries
    ):
        page = url("pairs", programme)
        PairFactory(youth__programme=programme, active=True)
        # session, user, savepoint, programme, tab counts, page count, rows, release
        with django_assert_num_queries(9):
            staff_client.get(page, {"etat": "en-cours"})
        PairFactory.create_batch(5, youth__programme=programme, active=True)
        with django_assert_num_queries(9):
            staff_client.get(page, {"etat": "en-cours"})


def test_the_waiting_list_says_why_the_last_batch_left_each_youth_out(staff_client, programme):
    from programmes import flags
    from programmes.enums import Need

    YouthProfileFactory(
        programme=programme,
        ready=True,
        user__last_name="Benali",
        needs=flags.mask_of(Need, [Need.APPRENTICESHIP]),
    )
    finished_run(programme)

    page = staff_client.get(url("programme", programme)).content.decode()

    assert "aucun mentor disponible dans son département pour l’aider à trouver une alternance" in (
        page.replace("&#x27;", "’")
    )


def test_recent_runs_link_to_their_page_for_staff_and_for_the_ministry(
    client, staff_client, programme
):
    from django.urls import reverse

    from tests.accounts.factories import UserFactory

    programme_run = finished_run(programme)
    page = staff_client.get(url("programme", programme)).content.decode()
    assert f'href="{url("run", programme, pk=programme_run.pk)}"' in page

    national_run = run_execute(run_start(programme=None, by=None))
    client.force_login(UserFactory(ministry=True))
    page = client.get(reverse("matching:national")).content.decode()
    assert f'href="{reverse("matching:national_run", args=[national_run.pk])}"' in page
