"""Staff's matching pages: suggestions for one youth, batches, reviewing proposals, pairs."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from matching.enums import PairStatus, RunStatus
from matching.models import MatchingRun, Pair, PairEvent
from matching.services import run_execute, run_start
from mentorat.notifications.models import Message
from programmes import flags
from programmes.enums import Need
from tests.accounts.factories import UserFactory
from tests.matching.factories import PairFactory
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ParentalConsentFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
    departement,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgrammeFactory(
        slug="duo-paris", name="Duo Paris", association__slug="duo", association__name="Duo"
    )


@pytest.fixture
def coordinator(programme):
    return StaffMembershipFactory(association=programme.association).user


@pytest.fixture
def referent(programme):
    return StaffMembershipFactory(association=programme.association, referent=True).user


@pytest.fixture
def staff_client(client, coordinator):
    client.force_login(coordinator)
    return client


def url(name, programme, **kwargs):
    return reverse(
        f"matching:{name}",
        kwargs={"slug": programme.association.slug, "programme_slug": programme.slug, **kwargs},
    )


def suggestions_url(youth):
    return reverse(
        "matching:suggestions", kwargs={"slug": youth.programme.association.slug, "pk": youth.pk}
    )


def propose_url(youth, mentor):
    return reverse(
        "matching:propose",
        kwargs={
            "slug": youth.programme.association.slug,
            "pk": youth.pk,
            "mentor_pk": mentor.pk,
        },
    )


def finished_run(programme, by=None) -> MatchingRun:
    return run_execute(run_start(programme=programme, by=by))


# Every staff page, as (method, URL), for the access rules they all share.
def staff_pages(programme):
    pair = PairFactory(youth__programme=programme)
    run = MatchingRun.objects.create(scope=programme.slug, programme=programme)
    association = programme.association.slug
    return [
        ("get", reverse("matching:home", args=[association])),
        ("get", suggestions_url(pair.youth)),
        ("post", propose_url(pair.youth, pair.mentor)),
        ("get", url("programme", programme)),
        ("post", url("run_launch", programme)),
        ("get", url("run", programme, pk=run.pk)),
        ("get", url("run_progress", programme, pk=run.pk)),
        ("get", url("proposals", programme)),
        ("post", url("proposal_approve", programme, pk=pair.pk)),
        ("get", url("proposal_reject", programme, pk=pair.pk)),
        ("get", url("pairs", programme)),
        ("get", url("weights", programme)),
    ]


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
        with django_assert_num_queries(12):
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
        with django_assert_num_queries(12):
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
    def test_lists_proposals_best_first_with_reasons_even_for_batch_ones(
        self, staff_client, programme
    ):
        YouthProfileFactory.create_batch(2, programme=programme, ready=True)
        MentorProfileFactory(programme=programme, ready=True, capacity=2)
        finished_run(programme)
        assert not any(Pair.objects.values_list("explanation", flat=True))

        response = staff_client.get(url("proposals", programme))

        pairs = response.context["pairs"]
        assert len(pairs) == 2 and pairs[0].score >= pairs[1].score
        assertContains(response, "même département (Paris)", count=2)
        assert not any(Pair.objects.values_list("explanation", flat=True))  # shown, not saved

    def test_the_list_takes_a_bounded_number_of_queries(
        self, staff_client, programme, django_assert_num_queries
    ):
        def propose(count):
            YouthProfileFactory.create_batch(count, programme=programme, ready=True)
            MentorProfileFactory.create_batch(count, programme=programme, ready=True)
            finished_run(programme)

        propose(2)
        page = url("proposals", programme)
        # session, user, savepoint, programme, count, rows, then youths, mentors and weights
        # to explain batch proposals, release
        with django_assert_num_queries(10):
            staff_client.get(page)
        propose(6)
        PairFactory(youth__programme=programme, explanation=Pair.objects.first().explanation)
        with django_assert_num_queries(10):
            staff_client.get(page)

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
        with django_assert_num_queries(8):
            staff_client.get(page, {"etat": "en-cours"})
        PairFactory.create_batch(5, youth__programme=programme, active=True)
        with django_assert_num_queries(8):
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

    from matching.services import run_execute, run_start
    from tests.accounts.factories import UserFactory

    programme_run = finished_run(programme)
    page = staff_client.get(url("programme", programme)).content.decode()
    assert f'href="{url("run", programme, pk=programme_run.pk)}"' in page

    national_run = run_execute(run_start(programme=None, by=None))
    client.force_login(UserFactory(ministry=True))
    page = client.get(reverse("matching:national")).content.decode()
    assert f'href="{reverse("matching:national_run", args=[national_run.pk])}"' in page
