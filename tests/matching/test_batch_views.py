"""Staff's batch pages (a programme's and the national one) and the review of proposals."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from matching.enums import PairStatus, RunStatus
from matching.models import MatchingRun, Pair, PairEvent
from matching.services import run_start
from mentorat.notifications.models import Message
from tests.accounts.factories import UserFactory
from tests.matching.factories import PairFactory
from tests.matching.staff_pages import (
    finished_run,
    url,
)
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
)

pytestmark = pytest.mark.django_db


class TestBatch:
    def test_a_coordinator_starts_a_batch_that_runs_after_commit(
        self, staff_client, programme, coordinator, django_capture_on_commit_callbacks
    ):
        YouthProfileFactory.create_batch(2, programme=programme, ready=True)
        MentorProfileFactory(programme=programme, ready=True, capacity=1)

        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = staff_client.post(url("run_launch", programme))

        run = MatchingRun.objects.get()
        assert len(callbacks) == 1
        assertRedirects(response, url("run", programme, pk=run.pk))
        run.refresh_from_db()
        assert (run.status, run.scope, run.started_by) == (
            RunStatus.DONE,
            f"programme:{programme.pk}",
            coordinator,
        )
        page = staff_client.get(url("run", programme, pk=run.pk))
        assert page.context["in_progress"] is False
        assertContains(page, "Examiner les propositions")
        assertContains(
            page, '<dt class="fr-text--bold">Propositions</dt>\n    <dd>1</dd>', html=False
        )
        assertContains(page, "Les mentors possibles avaient déjà toutes leurs places prises")
        assertContains(page, "75 — Paris")

    def test_a_second_start_while_one_runs_is_refused_with_a_message(
        self, staff_client, programme, django_capture_on_commit_callbacks
    ):
        run_start(programme=programme, by=None)

        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = staff_client.post(url("run_launch", programme), follow=True)

        assert callbacks == []
        assertRedirects(response, url("programme", programme))
        assertContains(response, "déjà en cours pour ce programme")
        assert MatchingRun.objects.count() == 1

    def test_an_association_no_longer_labelled_cannot_start_one(self, client):
        programme = ProgrammeFactory(association=AssociationFactory(suspended=True))
        client.force_login(StaffMembershipFactory(association=programme.association).user)

        response = client.post(url("run_launch", programme), follow=True)

        assertContains(response, "n’est pas labellisée")
        assert not MatchingRun.objects.exists()

    def test_a_running_batch_shows_its_progress_and_polls_for_more(self, staff_client, programme):
        run = run_start(programme=programme, by=None)
        MatchingRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, progress=40)
        progress_url = url("run_progress", programme, pk=run.pk)

        page = staff_client.get(url("run", programme, pk=run.pk))

        assertContains(page, 'value="40"')
        assertContains(page, f'data-url="{progress_url}"')
        assertContains(page, '<noscript><meta http-equiv="refresh"', html=False)
        assert staff_client.get(progress_url).json() == {
            "status": "running",
            "status_label": "En cours",
            "progress": 40,
            "finished": False,
        }

    def test_a_failed_batch_says_so(self, staff_client, programme):
        run = MatchingRun.objects.create(
            scope=programme.slug, programme=programme, status=RunStatus.FAILED, error="Boom"
        )
        response = staff_client.get(url("run", programme, pk=run.pk))
        assertContains(response, "La mise en relation a échoué")
        assert staff_client.get(url("run_progress", programme, pk=run.pk)).json()["finished"]

    def test_another_programme_s_run_is_a_404(self, staff_client, programme):
        other = ProgrammeFactory(association=programme.association)
        run = MatchingRun.objects.create(scope=other.slug, programme=other)
        assert staff_client.get(url("run", programme, pk=run.pk)).status_code == 404

    def test_the_programme_page_lists_waiting_youths_in_bounded_queries(
        self, staff_client, programme, django_assert_num_queries
    ):
        ines = YouthProfileFactory(
            programme=programme, ready=True, user__first_name="Inès", user__last_name="Martin"
        )
        PairFactory(
            youth__programme=programme,
            youth__user__first_name="Paul",
            youth__user__last_name="Lefort",
            mentor__capacity=1,
        )
        finished_run(programme)  # no mentor with a free place: Inès keeps waiting
        page = url("programme", programme)
        # session, user, savepoint, programme, waiting count, waiting rows, last run, its
        # unmatched youths, pair counts, coordinator?, runs, release
        with django_assert_num_queries(13):
            response = staff_client.get(page)
        detail = reverse(
            "programmes:vetting_detail", args=[programme.association.slug, "jeunes", ines.pk]
        )
        assertContains(response, f'<td><a href="{detail}">Inès Martin</a></td>', html=True)
        assertContains(
            response, reverse("matching:suggestions", args=[programme.association.slug, ines.pk])
        )
        assertNotContains(response, "Lefort")

        YouthProfileFactory.create_batch(5, programme=programme, ready=True)
        finished_run(programme)
        with django_assert_num_queries(13):
            staff_client.get(page)


class TestNationalBatch:
    @pytest.fixture
    def ministry_client(self, client):
        client.force_login(UserFactory(ministry=True))
        return client

    def test_the_ministry_starts_a_batch_over_every_labelled_programme(
        self, ministry_client, django_capture_on_commit_callbacks
    ):
        for programme in (ProgrammeFactory(), ProgrammeFactory()):
            YouthProfileFactory(programme=programme, ready=True)
            MentorProfileFactory(programme=programme, ready=True)

        with django_capture_on_commit_callbacks(execute=True):
            response = ministry_client.post(reverse("matching:national"))

        run = MatchingRun.objects.get()
        assertRedirects(response, reverse("matching:national_run", args=[run.pk]))
        run.refresh_from_db()
        assert (run.scope, run.programme, run.summary["proposals"]) == ("national", None, 2)
        assertContains(ministry_client.get(reverse("matching:national")), "Voir le résultat")
        page = ministry_client.get(reverse("matching:national_run", args=[run.pk]))
        assertContains(page, "Répartition optimale")

    def test_a_second_national_batch_is_refused_while_one_runs(self, ministry_client):
        run_start(programme=None, by=None)
        response = ministry_client.post(reverse("matching:national"), follow=True)
        assertContains(response, "déjà en cours")
        assert MatchingRun.objects.count() == 1

    def test_the_ministry_sees_national_runs_only(self, ministry_client, programme):
        run = finished_run(programme)
        assert (
            ministry_client.get(reverse("matching:national_run", args=[run.pk])).status_code == 404
        )
        progress = reverse("matching:national_run_progress", args=[run.pk])
        assert ministry_client.get(progress).status_code == 404

    @pytest.mark.parametrize("role", ["youth", "mentor", "association_staff"])
    def test_other_roles_are_refused(self, client, role):
        run = MatchingRun.objects.create(scope="national")
        client.force_login(UserFactory(**{role: True}))
        for page in (
            reverse("matching:national"),
            reverse("matching:national_run", args=[run.pk]),
            reverse("matching:national_run_progress", args=[run.pk]),
        ):
            assert client.get(page).status_code == 403
        assert client.post(reverse("matching:national")).status_code == 403

    def test_anonymous_visitors_are_sent_to_login(self, client):
        response = client.get(reverse("matching:national"))
        assert response.url.startswith(reverse("account_login"))


class TestProposals:
    def test_lists_batch_proposals_best_first_with_the_reasons_stored_when_proposed(
        self, staff_client, programme
    ):
        YouthProfileFactory.create_batch(2, programme=programme, ready=True)
        MentorProfileFactory(programme=programme, ready=True, capacity=2)
        finished_run(programme)
        assert all(Pair.objects.values_list("explanation", flat=True))

        response = staff_client.get(url("proposals", programme))

        pairs = response.context["pairs"]
        assert len(pairs) == 2 and pairs[0].score >= pairs[1].score
        assertContains(response, "même département (Paris)", count=2)

    def test_the_list_takes_a_bounded_number_of_queries(
        self, staff_client, programme, django_assert_num_queries
    ):
        def propose(count):
            YouthProfileFactory.create_batch(count, programme=programme, ready=True)
            MentorProfileFactory.create_batch(count, programme=programme, ready=True)
            finished_run(programme)

        propose(2)
        page = url("proposals", programme)
        # session, user, savepoint, programme, count, rows (with their stored reasons), release
        with django_assert_num_queries(8):
            staff_client.get(page)
        propose(6)
        PairFactory(youth__programme=programme)  # by hand
        with django_assert_num_queries(8):
            staff_client.get(page)

    def test_a_link_to_one_proposal_lands_on_its_page_and_row(
        self, staff_client, programme, monkeypatch
    ):
        monkeypatch.setattr("matching.views.review.PAGE_SIZE", 2)
        # Best score first, then the oldest: pages [best, tie_first], [tie_second, last].
        tie_first, tie_second, last = (
            PairFactory(youth__programme=programme, score=score) for score in (50, 50, 10)
        )
        best = PairFactory(youth__programme=programme, score=90)
        page = url("proposals", programme)

        def lands(pair):
            return staff_client.get(page, {"proposition": pair.pk})

        assertRedirects(lands(best), f"{page}#proposition-{best.pk}", fetch_redirect_response=False)
        assertRedirects(
            lands(tie_first), f"{page}#proposition-{tie_first.pk}", fetch_redirect_response=False
        )
        for pair in (tie_second, last):
            response = lands(pair)
            target = f"{page}?page=2#proposition-{pair.pk}"
            assertRedirects(response, target, fetch_redirect_response=False)
            shown = staff_client.get(response.url.split("#")[0])
            assertContains(shown, f'<tr id="proposition-{pair.pk}">')

    def test_a_link_to_a_proposal_no_longer_to_examine_lands_on_the_list_with_a_word(
        self, staff_client, programme
    ):
        page = url("proposals", programme)
        decided = PairFactory(youth__programme=programme, approved=True)
        another_association_s = PairFactory()
        for wanted in (decided.pk, another_association_s.pk, "abc", "²", "9" * 40, ""):
            response = staff_client.get(page, {"proposition": wanted}, follow=True)
            assertRedirects(response, page)
            assertContains(response, "Cette proposition n’est plus à examiner.")

    def test_approving_one_sends_it_to_both_people(self, staff_client, programme, coordinator):
        pair = PairFactory(youth__programme=programme)

        response = staff_client.post(url("proposal_approve", programme, pk=pair.pk), follow=True)

        pair.refresh_from_db()
        assert pair.status == PairStatus.APPROVED and pair.answer_deadline
        assert pair.events.get().by == coordinator
        assertContains(response, "ont reçu un courriel")
        assert set(Message.objects.values_list("recipient", flat=True)) == {
            pair.youth.user_id,
            pair.mentor.user_id,
        }

    def test_approving_twice_says_why_instead_of_failing(self, staff_client, programme):
        pair = PairFactory(youth__programme=programme, approved=True)
        response = staff_client.post(url("proposal_approve", programme, pk=pair.pk), follow=True)
        assertContains(response, "cette action n’est plus possible")

    def test_rejecting_one_needs_a_reason_and_keeps_what_was_typed(self, staff_client, programme):
        pair = PairFactory(youth__programme=programme)
        page = url("proposal_reject", programme, pk=pair.pk)
        assertContains(staff_client.get(page), "aide à trouver une alternance : oui")

        response = staff_client.post(page, {"reason": "   "})
        assert response.status_code == 400
        assertContains(
            response, "Indiquez pourquoi cette proposition est écartée.", status_code=400
        )

        response = staff_client.post(page, {"reason": "Le mentor part à l’étranger."}, follow=True)
        pair.refresh_from_db()
        assert pair.status == PairStatus.REJECTED
        assert pair.events.get().reason == "Le mentor part à l’étranger."
        assertContains(response, "Proposition écartée")

    def test_bulk_approval(self, staff_client, programme):
        pairs = PairFactory.create_batch(3, youth__programme=programme)

        staff_client.post(
            url("proposals", programme),
            {"pairs": [pairs[0].pk, pairs[1].pk], "decision": "approve"},
        )

        statuses = {pair.pk: pair.status for pair in Pair.objects.all()}
        assert statuses == {
            pairs[0].pk: PairStatus.APPROVED,
            pairs[1].pk: PairStatus.APPROVED,
            pairs[2].pk: PairStatus.PROPOSED,
        }

    def test_a_bulk_rejection_needs_one_reason_for_all(self, staff_client, programme):
        pairs = PairFactory.create_batch(2, youth__programme=programme)
        chosen = {"pairs": [pair.pk for pair in pairs], "decision": "reject"}

        response = staff_client.post(url("proposals", programme), {**chosen, "reason": ""})

        assert response.status_code == 400
        assertContains(
            response, "Indiquez pourquoi ces propositions sont écartées.", status_code=400
        )
        assertContains(
            response, f'value="{pairs[0].pk}" id="pair-{pairs[0].pk}" checked', status_code=400
        )
        assert not Pair.objects.exclude(status=PairStatus.PROPOSED).exists()

        staff_client.post(url("proposals", programme), {**chosen, "reason": "Doublons."})
        assert set(Pair.objects.values_list("status", flat=True)) == {PairStatus.REJECTED}
        assert set(PairEvent.objects.values_list("reason", flat=True)) == {"Doublons."}

    def test_a_bulk_decision_needs_a_proposal(self, staff_client, programme):
        PairFactory(youth__programme=programme)
        response = staff_client.post(url("proposals", programme), {"decision": "approve"})
        assertContains(response, "Cochez au moins une proposition.", status_code=400)

    def test_a_proposal_of_another_programme_cannot_be_decided_here(self, staff_client, programme):
        elsewhere = PairFactory(
            youth__programme=ProgrammeFactory(association=programme.association)
        )
        response = staff_client.post(
            url("proposals", programme), {"pairs": [elsewhere.pk], "decision": "approve"}
        )
        assert response.status_code == 400
        assert (
            staff_client.post(url("proposal_approve", programme, pk=elsewhere.pk)).status_code
            == 404
        )
        elsewhere.refresh_from_db()
        assert elsewhere.status == PairStatus.PROPOSED
