"""The ministry's pages: associations, their label decisions, their first coordinator."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from mentorat.notifications.models import Message
from programmes.enums import LabelStatus, StaffRole
from programmes.models import Association, StaffInvitation
from programmes.tokens import digest
from tests.accounts.factories import UserFactory
from tests.programmes.factories import (
    AssociationFactory,
    LabelDecisionFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def minister(client):
    user = UserFactory(ministry=True, first_name="Claire", last_name="Dumas")
    client.force_login(user)
    return user


def page_of(response) -> str:
    return response.content.decode()


def ministry_urls(association):
    return [
        reverse("programmes:association_list"),
        reverse("programmes:association_create"),
        reverse("programmes:association_detail", args=[association.slug]),
        reverse("programmes:association_decide", args=[association.slug, "suspension"]),
        reverse("programmes:association_invite_coordinator", args=[association.slug]),
    ]


class TestWhoMayOpenTheMinistryPages:
    def test_anonymous_visitors_are_sent_to_login(self, client):
        for url in ministry_urls(AssociationFactory()):
            response = client.get(url)
            assert response.status_code == 302
            assert response.url.startswith(reverse("account_login"))

    @pytest.mark.parametrize("traits", [{"youth": True}, {"mentor": True}])
    def test_youths_and_mentors_are_refused(self, client, traits):
        client.force_login(UserFactory(**traits))
        for url in ministry_urls(AssociationFactory()):
            assert client.get(url).status_code == 403

    def test_association_staff_are_refused_even_for_their_own_association(self, client):
        membership = StaffMembershipFactory()
        client.force_login(membership.user)
        for url in ministry_urls(membership.association):
            assert client.get(url).status_code == 403
        assert (
            client.post(ministry_urls(membership.association)[3], {"reason": "x"}).status_code
            == 403
        )
        membership.association.refresh_from_db()
        assert membership.association.label_status == LabelStatus.LABELLED

    def test_the_ministry_opens_them_all(self, client, minister):
        for url in ministry_urls(AssociationFactory()):
            assert client.get(url).status_code == 200


class TestAssociationList:
    def test_lists_associations_with_their_label_departements_and_counts(self, client, minister):
        association = AssociationFactory(name="Article 1", departement_codes=["69", "2A"])
        ProgrammeFactory.create_batch(2, association=association, staffed=False)
        StaffMembershipFactory(association=association)

        page = page_of(client.get(reverse("programmes:association_list")))

        assert "Article 1" in page
        assert "Labellisée" in page
        assert "2A, 69" in page
        row = page[page.index("Article 1") :]
        assert "<td>2</td>" in row and "<td>1</td>" in row

    def test_filters_by_label_status_and_departement(self, client, minister):
        AssociationFactory(name="Afev", departement_codes=["75"])
        AssociationFactory(name="Capital Filles", suspended=True, departement_codes=["75"])
        AssociationFactory(name="Anaf", departement_codes=["971"])

        by_status = page_of(
            client.get(reverse("programmes:association_list"), {"status": "suspended"})
        )
        by_departement = page_of(
            client.get(reverse("programmes:association_list"), {"departement": "971"})
        )

        assert "Capital Filles" in by_status and "Afev" not in by_status
        assert "Anaf" in by_departement and "Afev" not in by_departement

    def test_counts_each_label_status_within_the_departement(self, client, minister):
        AssociationFactory.create_batch(3, departement_codes=["13"])
        AssociationFactory(suspended=True, departement_codes=["13"])
        AssociationFactory(candidate=True, departement_codes=["59"])

        page = page_of(client.get(reverse("programmes:association_list"), {"departement": "13"}))

        assert "Labellisée : 3" in page
        assert "Suspendue : 1" in page
        assert "Candidate : 0" in page

    def test_an_unknown_filter_value_is_an_error_not_a_crash(self, client, minister):
        AssociationFactory(name="Afev")
        response = client.get(
            reverse("programmes:association_list"), {"status": "nope", "departement": "999"}
        )
        assert response.status_code == 200
        assert "Afev" in page_of(response)
        assert "fr-select--error" in page_of(response)

    def test_is_paginated(self, client, minister):
        AssociationFactory.create_batch(27)
        first = page_of(client.get(reverse("programmes:association_list")))
        second = page_of(client.get(reverse("programmes:association_list"), {"page": 2}))
        assert first.count("<tr>") == 26  # header row + 25 associations
        assert second.count("<tr>") == 3
        assert "27 associations" in first

    def test_query_count_does_not_grow_with_the_number_of_associations(
        self, client, minister, django_assert_num_queries
    ):
        for association in AssociationFactory.create_batch(20):
            ProgrammeFactory(association=association)
            StaffMembershipFactory(association=association)

        # session, user, savepoint, status counts, labelled without staff, page count, page,
        # départements of the page, départements of the filter, release savepoint
        with django_assert_num_queries(11):
            client.get(reverse("programmes:association_list"))

    def test_associations_nobody_can_work_for_are_shown_as_needing_a_coordinator(
        self, client, minister
    ):
        staffed = StaffMembershipFactory(association__name="Afev").association
        StaffMembershipFactory(association=staffed, user__is_active=False)
        AssociationFactory(name="Anaf")  # no team at all
        left = StaffMembershipFactory(association__name="Duo for a job", user__is_active=False)
        url = reverse("programmes:association_list")

        page = page_of(client.get(url))

        assert "Labellisées sans équipe : 2" in page
        for name, team in (("Afev", "<td>1</td>"), ("Anaf", "Coordination à inviter")):
            row = page[page.index(f">{name}</a>") :]
            assert team in row[: row.index("</tr>")], name
        row = page[page.index(">Duo for a job</a>") :]
        assert "Coordination à inviter" in row[: row.index("</tr>")]

        filtered = page_of(client.get(url, {"without_staff": "on"}))
        assert ">Anaf</a>" in filtered and ">Duo for a job</a>" in filtered
        assert ">Afev</a>" not in filtered

        detail = reverse("programmes:association_detail", args=[left.association.slug])
        assert "Coordination à inviter" in page_of(client.get(detail))
        detail = reverse("programmes:association_detail", args=[staffed.slug])
        assert 'id="staff-notice"' not in page_of(client.get(detail))


class TestAssociationDetail:
    def test_shows_identity_programmes_and_dated_label_history(self, client, minister):
        association = AssociationFactory(
            name="Duo for a job",
            rna="W751234567",
            siren="123456789",
            contact_email="contact@duoforajob.fr",
            departement_codes=["93"],
        )
        ProgrammeFactory(association=association, name="Duo Île-de-France")
        LabelDecisionFactory(
            association=association,
            campaign_year=2021,
            funding_euros=150_000,
            reason="Premier comité national",
            decided_by=UserFactory(ministry=True, first_name="Paul", last_name="Morel"),
        )

        page = page_of(client.get(reverse("programmes:association_detail", args=["association-x"])))
        page = page_of(
            client.get(reverse("programmes:association_detail", args=[association.slug]))
        )

        for expected in (
            "W751234567",
            "123456789",
            "contact@duoforajob.fr",
            "93 — Seine-Saint-Denis",
            "Duo Île-de-France",
            "2021",
            "150\xa0000 €",
            "Premier comité national",
            "Paul Morel",
        ):
            assert expected in page, expected

    def test_an_unknown_association_is_a_404(self, client, minister):
        url = reverse("programmes:association_detail", args=["nulle-part"])
        assert client.get(url).status_code == 404

    def test_offers_only_the_decisions_the_label_allows(self, client, minister):
        candidate = AssociationFactory(candidate=True)
        page = page_of(client.get(reverse("programmes:association_detail", args=[candidate.slug])))
        assert "Labelliser l’association" in page
        assert "Retirer le label" in page
        assert "Suspendre le label" not in page

    def test_a_labelled_association_is_offered_a_renewal_not_a_first_label(self, client, minister):
        labelled = AssociationFactory()
        page = page_of(client.get(reverse("programmes:association_detail", args=[labelled.slug])))
        assert "Renouveler le label pour une campagne" in page
        assert "Labelliser l’association" not in page
        decide = reverse("programmes:association_decide", args=[labelled.slug, "labellisation"])
        assert "<h1>Renouveler le label pour une campagne</h1>" in page_of(client.get(decide))

    @pytest.mark.parametrize(
        "traits, badge, notice",
        [
            ({"suspended": True}, "Suspendue", "ne peut plus accueillir de nouveaux jeunes"),
            (
                {"label_status": LabelStatus.WITHDRAWN},
                "Label retiré",
                "ne peut plus accueillir de nouveaux jeunes",
            ),
            ({"candidate": True}, "Candidate", "ne peut pas encore accueillir de jeunes"),
        ],
    )
    def test_an_association_without_a_label_says_so_plainly(
        self, client, minister, traits, badge, notice
    ):
        association = AssociationFactory(**traits)
        page = page_of(
            client.get(reverse("programmes:association_detail", args=[association.slug]))
        )
        assert "fr-badge" in page and badge in page
        assert notice in page


class TestAssociationCreate:
    url = reverse_lazy = None

    def post(self, client, **overrides):
        data = {
            "name": "Chemins d'avenir",
            "rna": "w 123 456 789",
            "siren": "",
            "contact_email": "contact@cheminsdavenir.fr",
            "departements": ["23", "2B"],
            **overrides,
        }
        return client.post(reverse("programmes:association_create"), data)

    def test_creates_a_candidate_association_with_a_slug(self, client, minister):
        response = self.post(client)

        association = Association.objects.get(name="Chemins d'avenir")
        assert response.status_code == 302
        assert response.url == reverse("programmes:association_detail", args=["chemins-davenir"])
        assert association.slug == "chemins-davenir"
        assert association.rna == "W123456789"
        assert association.label_status == LabelStatus.CANDIDATE
        assert set(association.departements.values_list("code", flat=True)) == {"23", "2B"}

    def test_a_siren_alone_is_enough(self, client, minister):
        self.post(client, rna="", siren="123 456 782")
        assert Association.objects.get().siren == "123456782"

    def test_at_least_one_number_is_required_and_typed_values_are_kept(self, client, minister):
        response = self.post(client, rna="", siren="")

        page = page_of(response)
        assert response.status_code == 200
        assert "Indiquez au moins un numéro : RNA (W + 9 chiffres) ou SIREN (9 chiffres)." in page
        assert 'value="contact@cheminsdavenir.fr"' in page
        assert not Association.objects.exists()

    @pytest.mark.parametrize(
        "field, value, message",
        [
            ("rna", "W12345", "W suivi de 9 chiffres"),
            ("siren", "12345", "9 chiffres"),
            ("siren", "123 456 789", "clé de contrôle"),
            ("contact_email", "pas-une-adresse", "adresse de courriel valide"),
            ("departements", [], "Choisissez au moins un département."),
        ],
    )
    def test_bad_input_is_explained_next_to_the_field(
        self, client, minister, field, value, message
    ):
        response = self.post(client, **{field: value})
        assert response.status_code == 200
        assert f"id_{field}-messages" in page_of(response)
        assert message in page_of(response)
        assert not Association.objects.exists()

    def test_two_associations_cannot_share_a_name_or_a_number(self, client, minister):
        AssociationFactory(name="Chemins d'avenir", rna="W000000001", siren="987654324")

        page = page_of(self.post(client))
        assert "Une association porte déjà ce nom." in page

        page = page_of(self.post(client, name="Autre", rna="W000000001", siren="987654324"))
        assert "Une association porte déjà ce numéro RNA." in page
        assert "Une association porte déjà ce numéro SIREN." in page

    def test_slugs_stay_unique(self, client, minister):
        AssociationFactory(name="Ancienne", slug="chemins-davenir")
        self.post(client)
        assert Association.objects.get(name="Chemins d'avenir").slug == "chemins-davenir-2"


def decide_url(association, decision):
    return reverse("programmes:association_decide", args=[association.slug, decision])


class TestLabelDecisions:
    def test_labelling_records_the_decision_and_emails_the_association(
        self, client, minister, django_capture_on_commit_callbacks
    ):
        association = AssociationFactory(
            candidate=True, name="C Possible", contact_email="bonjour@cpossible.fr"
        )

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                decide_url(association, "labellisation"),
                {"campaign_year": "2022", "funding_euros": "75000", "reason": ""},
            )

        assert response.status_code == 302
        association.refresh_from_db()
        assert association.label_status == LabelStatus.LABELLED
        decision = association.label_decisions.get()
        assert (decision.campaign_year, decision.funding_euros, decision.decided_by) == (
            2022,
            75_000,
            minister,
        )
        [email] = mail.outbox
        assert email.to == ["bonjour@cpossible.fr"]
        assert email.subject == "Votre association est labellisée pour la campagne 2022"
        assert "75\xa0000 euros" in email.body
        follow = page_of(client.get(response.url))
        assert "L’association est labellisée." in follow

    @pytest.mark.parametrize(
        "decision, status", [("suspension", "suspended"), ("retrait", "withdrawn")]
    )
    def test_a_sanction_is_recorded_with_its_reason_and_emailed(
        self, client, minister, decision, status
    ):
        association = AssociationFactory(contact_email="contact@anaf.fr")

        client.post(decide_url(association, decision), {"reason": "Bilan annuel non remis."})

        association.refresh_from_db()
        assert association.label_status == status
        assert association.label_decisions.get().reason == "Bilan annuel non remis."
        message = Message.objects.get(to_email="contact@anaf.fr")
        assert "Bilan annuel non remis." in message.body_text

    @pytest.mark.parametrize("decision", ["suspension", "retrait"])
    def test_a_sanction_without_reason_is_refused_next_to_the_field(
        self, client, minister, decision
    ):
        association = AssociationFactory()

        response = client.post(decide_url(association, decision), {"reason": "   "})

        assert response.status_code == 200
        assert "Indiquez le motif de cette décision." in page_of(response)
        association.refresh_from_db()
        assert association.label_status == LabelStatus.LABELLED

    def test_a_label_needs_a_campaign_and_a_funding_and_keeps_what_was_typed(
        self, client, minister
    ):
        association = AssociationFactory(candidate=True)

        response = client.post(
            decide_url(association, "labellisation"),
            {"campaign_year": "2019", "funding_euros": "", "reason": "Dossier complet"},
        )

        page = page_of(response)
        assert "supérieure ou égale à 2021" in page
        assert "id_funding_euros-messages" in page
        assert "Dossier complet" in page
        assert not association.label_decisions.exists()

    def test_an_impossible_transition_shows_its_message(self, client, minister):
        association = AssociationFactory(candidate=True)

        response = client.post(decide_url(association, "suspension"), {"reason": "Contrôle"})

        assert response.status_code == 200
        assert "Impossible de passer de « Candidate » à « Suspendue »." in page_of(response)
        association.refresh_from_db()
        assert association.label_status == LabelStatus.CANDIDATE
        assert not Message.objects.exists()

    def test_an_unknown_decision_is_a_404(self, client, minister):
        assert client.get(decide_url(AssociationFactory(), "dissolution")).status_code == 404

    def test_no_email_without_a_contact_address(self, client, minister):
        association = AssociationFactory(contact_email="")
        client.post(decide_url(association, "suspension"), {"reason": "Contrôle"})
        assert association.label_decisions.exists()
        assert not Message.objects.exists()


class TestFirstCoordinator:
    def test_the_ministry_invites_the_first_coordinator(
        self, client, minister, django_capture_on_commit_callbacks
    ):
        association = AssociationFactory(candidate=True, name="Collectif Powa")

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("programmes:association_invite_coordinator", args=[association.slug]),
                {"email": "Lea.Martin@Powa.fr"},
            )

        assert response.status_code == 302
        invitation = StaffInvitation.objects.get()
        assert (invitation.email, invitation.role, invitation.invited_by) == (
            "lea.martin@powa.fr",
            StaffRole.COORDINATOR,
            minister,
        )
        message = Message.objects.get(to_email="lea.martin@powa.fr")
        assert "Collectif Powa" in message.subject
        # The outbox keeps no live link: read it in the email as delivered.
        (delivered,) = [email for email in mail.outbox if email.to == ["lea.martin@powa.fr"]]
        link = re.search(r"/invitation/([\w-]+)/", delivered.body)
        assert link and invitation.token == digest(link[1])  # the link is the stored digest's
        client.logout()
        assert client.get(link[0]).status_code == 200
