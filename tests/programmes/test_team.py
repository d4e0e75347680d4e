"""An association's team: seen by its staff, managed by its coordinators, joined by invitation."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from mentorat.notifications.models import Message
from programmes.enums import StaffRole
from programmes.models import StaffInvitation, StaffMembership
from programmes.tokens import digest
from tests.accounts.factories import UserFactory
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ProgrammeFactory,
    StaffInvitationFactory,
    StaffMembershipFactory,
)

pytestmark = pytest.mark.django_db


def page_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def coordinator(client):
    membership = StaffMembershipFactory(
        association__name="Afev", user__first_name="Inès", user__last_name="Garcia"
    )
    client.force_login(membership.user)
    return membership


def team_url(association):
    return reverse("programmes:team", args=[association.slug])


def management_requests(association):
    """(method, url) of every team management action on this association."""
    invitation = StaffInvitationFactory(association=association)
    member = StaffMembershipFactory(association=association, referent=True)
    return [
        ("get", reverse("programmes:team_invite", args=[association.slug])),
        ("post", reverse("programmes:team_invite", args=[association.slug])),
        ("post", reverse("programmes:invitation_revoke", args=[association.slug, invitation.pk])),
        ("post", reverse("programmes:member_remove", args=[association.slug, member.pk])),
    ]


class TestWhoMayOpenTheTeamPages:
    def test_anonymous_visitors_are_sent_to_login(self, client):
        association = AssociationFactory()
        for method, url in [("get", team_url(association)), *management_requests(association)]:
            response = getattr(client, method)(url)
            assert response.status_code == 302
            assert response.url.startswith(reverse("account_login"))

    @pytest.mark.parametrize("traits", [{"youth": True}, {"mentor": True}, {"ministry": True}])
    def test_other_roles_are_refused(self, client, traits):
        association = AssociationFactory()
        client.force_login(UserFactory(**traits))
        for method, url in [("get", team_url(association)), *management_requests(association)]:
            assert getattr(client, method)(url).status_code == 403

    def test_staff_of_another_association_get_a_404(self, client, coordinator):
        other = AssociationFactory()
        for method, url in [("get", team_url(other)), *management_requests(other)]:
            assert getattr(client, method)(url).status_code == 404
        assert StaffInvitation.objects.filter(association=other).count() == 1
        assert other.memberships.count() == 1

    def test_a_referent_sees_the_team_but_cannot_manage_it(self, client):
        referent = StaffMembershipFactory(referent=True)
        client.force_login(referent.user)

        page = page_of(client.get(team_url(referent.association)))
        assert referent.user.email in page
        assert "Inviter une personne" not in page
        assert "Retirer" not in page
        for method, url in management_requests(referent.association):
            assert getattr(client, method)(url).status_code == 403
        assert referent.association.memberships.count() == 2
        assert referent.association.invitations.count() == 1


class TestTeamPage:
    def test_lists_members_and_pending_invitations(self, client, coordinator):
        association = coordinator.association
        StaffMembershipFactory(
            association=association,
            referent=True,
            user__first_name="Hugo",
            user__last_name="Petit",
            user__email="hugo.petit@afev.fr",
        )
        StaffInvitationFactory(association=association, email="nina@afev.fr")
        StaffInvitationFactory(
            association=association, email="accepted@afev.fr", accepted_at=timezone.now()
        )

        page = page_of(client.get(team_url(association)))

        for expected in ("Inès Garcia", "Hugo Petit", "hugo.petit@afev.fr", "Référent·e"):
            assert expected in page
        assert "Coordinateur·rice" in page
        assert "nina@afev.fr" in page
        assert "accepted@afev.fr" not in page

    def test_an_expired_invitation_is_marked_as_such(self, client, coordinator):
        StaffInvitationFactory(
            association=coordinator.association,
            created_at=timezone.now() - timedelta(days=20),
        )
        assert "Expirée" in page_of(client.get(team_url(coordinator.association)))

    def test_query_count_does_not_grow_with_the_team(
        self, client, coordinator, django_assert_num_queries
    ):
        StaffMembershipFactory.create_batch(10, association=coordinator.association, referent=True)
        StaffInvitationFactory.create_batch(10, association=coordinator.association)

        # session, user, savepoint, association, members, invitations, release savepoint
        with django_assert_num_queries(8):
            client.get(team_url(coordinator.association))

    @pytest.mark.parametrize("traits", [{"suspended": True}, {"candidate": True}])
    def test_an_association_without_a_label_says_it_cannot_take_new_youths(self, client, traits):
        membership = StaffMembershipFactory(association=AssociationFactory(**traits))
        client.force_login(membership.user)
        page = page_of(client.get(team_url(membership.association)))
        assert "fr-badge" in page
        assert "accueillir de" in page and "jeunes" in page


class TestInvite:
    def url(self, association):
        return reverse("programmes:team_invite", args=[association.slug])

    def test_invites_by_email_with_a_function_and_sends_the_link(
        self, client, coordinator, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                self.url(coordinator.association),
                {"email": "Hugo.Petit@Afev.fr", "role": StaffRole.REFERENT},
            )

        assert response.status_code == 302
        invitation = StaffInvitation.objects.get()
        assert invitation.email == "hugo.petit@afev.fr"
        assert invitation.role == StaffRole.REFERENT
        assert invitation.invited_by == coordinator.user
        assert invitation.expires_at - invitation.created_at == timedelta(days=14)
        [email] = mail.outbox
        assert email.to == ["hugo.petit@afev.fr"]
        assert email.subject == "Invitation à rejoindre l’équipe de Afev sur Mentorat"
        link = re.search(r"http://testserver/invitation/([\w-]+)/", email.body)
        assert link and digest(link[1]) == invitation.token  # only the digest is stored
        assert "Inès Garcia vous invite" in email.body
        assert "Invitation envoyée à hugo.petit@afev.fr." in page_of(client.get(response.url))

    @pytest.mark.parametrize(
        "data, field, message",
        [
            ({"email": "pas-une-adresse", "role": "referent"}, "email", "adresse de courriel"),
            ({"email": "x@afev.fr", "role": ""}, "role", "Ce champ est obligatoire."),
            ({"email": "x@afev.fr", "role": "boss"}, "role", "Sélectionnez un choix valide"),
        ],
    )
    def test_bad_input_is_explained_and_kept(self, client, coordinator, data, field, message):
        response = client.post(self.url(coordinator.association), data)

        assert response.status_code == 200
        page = page_of(response)
        assert f"id_{field}-messages" in page or f"id_{field}-legend id_{field}-messages" in page
        assert message in page
        assert f'value="{data["email"]}"' in page
        assert not StaffInvitation.objects.exists()

    def test_a_member_cannot_be_invited_again(self, client, coordinator):
        response = client.post(
            self.url(coordinator.association),
            {"email": coordinator.user.email.upper(), "role": "referent"},
        )
        assert "Cette personne fait déjà partie de l’équipe." in page_of(response)

    def test_one_pending_invitation_per_address(self, client, coordinator):
        StaffInvitationFactory(association=coordinator.association, email="nina@afev.fr")
        response = client.post(
            self.url(coordinator.association), {"email": "nina@afev.fr", "role": "referent"}
        )
        assert "Une invitation est déjà en attente pour cette adresse." in page_of(response)

    def test_an_expired_invitation_can_be_sent_again(self, client, coordinator):
        StaffInvitationFactory(
            association=coordinator.association,
            email="nina@afev.fr",
            created_at=timezone.now() - timedelta(days=15),
        )
        client.post(
            self.url(coordinator.association), {"email": "nina@afev.fr", "role": "referent"}
        )
        assert StaffInvitation.objects.filter(email="nina@afev.fr").count() == 2

    @pytest.mark.parametrize("traits", [{"youth": True}, {"mentor": True}])
    def test_a_youth_or_mentor_address_cannot_be_invited(self, client, coordinator, traits):
        person = UserFactory(**traits)
        response = client.post(
            self.url(coordinator.association), {"email": person.email, "role": "referent"}
        )
        assert "compte de jeune ou de mentor" in page_of(response)
        assert not StaffInvitation.objects.exists()


class TestRevoke:
    def test_revokes_a_pending_invitation(self, client, coordinator):
        invitation = StaffInvitationFactory(
            association=coordinator.association, email="nina@afev.fr"
        )
        url = reverse(
            "programmes:invitation_revoke", args=[coordinator.association.slug, invitation.pk]
        )

        response = client.post(url)

        assert response.status_code == 302
        assert not StaffInvitation.objects.exists()
        assert "L’invitation de nina@afev.fr est annulée." in page_of(client.get(response.url))

    def test_an_accepted_invitation_cannot_be_revoked(self, client, coordinator):
        invitation = StaffInvitationFactory(
            association=coordinator.association, accepted_at=timezone.now()
        )
        url = reverse(
            "programmes:invitation_revoke", args=[coordinator.association.slug, invitation.pk]
        )
        assert client.post(url).status_code == 404

    def test_another_associations_invitation_is_a_404(self, client, coordinator):
        invitation = StaffInvitationFactory()
        url = reverse(
            "programmes:invitation_revoke", args=[coordinator.association.slug, invitation.pk]
        )
        assert client.post(url).status_code == 404
        assert StaffInvitation.objects.exists()

    def test_only_by_post(self, client, coordinator):
        invitation = StaffInvitationFactory(association=coordinator.association)
        url = reverse(
            "programmes:invitation_revoke", args=[coordinator.association.slug, invitation.pk]
        )
        assert client.get(url).status_code == 405


class TestRemoveMember:
    def url(self, membership):
        return reverse(
            "programmes:member_remove", args=[membership.association.slug, membership.pk]
        )

    def test_removes_a_member_and_frees_their_mentors_for_another_referent(
        self, client, coordinator
    ):
        referent = StaffMembershipFactory(association=coordinator.association, referent=True)
        programme = ProgrammeFactory(association=coordinator.association)
        followed_here = MentorProfileFactory(programme=programme, referent=referent.user)
        followed_elsewhere = MentorProfileFactory(referent=referent.user)

        response = client.post(self.url(referent))

        assert response.status_code == 302
        assert not StaffMembership.objects.filter(pk=referent.pk).exists()
        followed_here.refresh_from_db()
        followed_elsewhere.refresh_from_db()
        assert followed_here.referent is None
        assert followed_elsewhere.referent == referent.user
        assert "ne fait plus partie de l’équipe" in page_of(client.get(response.url))

    def test_the_last_coordinator_cannot_be_removed(self, client, coordinator):
        response = client.post(self.url(coordinator), follow=True)

        assert StaffMembership.objects.filter(pk=coordinator.pk).exists()
        assert "dernier coordinateur ou la dernière coordinatrice" in page_of(response)

    def test_a_coordinator_may_leave_when_another_one_stays(self, client, coordinator):
        StaffMembershipFactory(association=coordinator.association)

        response = client.post(self.url(coordinator))

        assert response.url == reverse("core:dashboard")
        assert not StaffMembership.objects.filter(pk=coordinator.pk).exists()

    def test_another_associations_member_is_a_404(self, client, coordinator):
        stranger = StaffMembershipFactory(referent=True)
        url = reverse("programmes:member_remove", args=[coordinator.association.slug, stranger.pk])
        assert client.post(url).status_code == 404
        assert StaffMembership.objects.filter(pk=stranger.pk).exists()


class TestAcceptInvitation:
    def url(self, invitation):
        return reverse("programmes:invitation_accept", args=[invitation.token])

    def test_an_invitee_with_an_account_is_asked_to_sign_in_and_come_back(self, client):
        invitation = StaffInvitationFactory(email="hugo@article-1.fr")
        UserFactory(email="hugo@article-1.fr", role="")
        url = self.url(invitation)

        page = page_of(client.get(url))

        assert f'href="{reverse("account_login")}?next={url}"' in page
        assert not StaffMembership.objects.exists()

    def test_an_invitee_without_account_creates_one_and_joins_the_team(self, client):
        invitation = StaffInvitationFactory(
            association__name="Article 1", email="nora@article-1.fr", role=StaffRole.REFERENT
        )
        data = {
            "first_name": "Nora",
            "last_name": "Diallo",
            "password1": "un-mot-de-passe-solide",
            "password2": "un-mot-de-passe-solide",
        }

        weak = client.post(self.url(invitation), {**data, "password1": "123", "password2": "123"})
        assert "trop court" in page_of(weak) and 'value="Nora"' in page_of(weak)
        response = client.post(self.url(invitation), data)

        assert response.url == team_url(invitation.association)
        user = User.objects.get(email="nora@article-1.fr")
        assert (user.role, user.first_name) == (Role.STAFF, "Nora")
        assert user.emailaddress_set.get().verified  # the link reached that address
        assert StaffMembership.objects.get(user=user).role == StaffRole.REFERENT
        assert client.get(reverse("core:dashboard")).url == reverse("programmes:staff_home")

    def test_a_used_invitation_cannot_create_an_account(self, client):
        invitation = StaffInvitationFactory(accepted_at=timezone.now())
        page = page_of(client.get(self.url(invitation)))
        assert "déjà été utilisée" in page
        assert 'name="password1"' not in page

    @pytest.mark.parametrize("role", [Role.STAFF, ""])
    def test_the_invited_person_joins_the_team(self, client, role):
        invitation = StaffInvitationFactory(
            association__name="Article 1", email="hugo@article-1.fr", role=StaffRole.REFERENT
        )
        person = UserFactory(email="hugo@article-1.fr", role=role)
        client.force_login(person)

        page = page_of(client.get(self.url(invitation)))
        assert "Rejoindre l’équipe de Article 1" in page
        response = client.post(self.url(invitation))

        assert response.url == team_url(invitation.association)
        membership = StaffMembership.objects.get(user=person)
        assert (membership.association, membership.role) == (
            invitation.association,
            StaffRole.REFERENT,
        )
        person.refresh_from_db()
        assert person.role == Role.STAFF
        invitation.refresh_from_db()
        assert invitation.accepted_at is not None
        assert "Bienvenue dans l’équipe de Article 1." in page_of(client.get(response.url))

    def test_the_email_is_compared_regardless_of_case(self, client):
        invitation = StaffInvitationFactory(email="Hugo@Article-1.fr")
        client.force_login(UserFactory(email="hugo@article-1.fr", association_staff=True))
        client.post(self.url(invitation))
        assert StaffMembership.objects.filter(association=invitation.association).exists()

    @pytest.mark.parametrize(
        "situation, message",
        [
            ("expired", "Cette invitation a expiré le"),
            ("used", "Cette invitation a déjà été utilisée."),
            ("someone_else", "Cette invitation a été envoyée à une autre adresse (hugo@a1.fr)"),
            ("youth", "Votre compte est un compte « Jeune accompagné(e) »"),
            ("mentor", "Votre compte est un compte « Mentor »"),
            ("member", "Vous faites déjà partie de cette équipe."),
        ],
    )
    def test_an_unusable_invitation_gets_a_clear_page(self, client, situation, message):
        invitation = StaffInvitationFactory(email="hugo@a1.fr")
        person = UserFactory(email="hugo@a1.fr", association_staff=True)
        if situation == "expired":
            StaffInvitation.objects.filter(pk=invitation.pk).update(
                created_at=timezone.now() - timedelta(days=15),
                expires_at=timezone.now() - timedelta(days=1),
            )
        elif situation == "used":
            StaffInvitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
        elif situation == "someone_else":
            person = UserFactory(association_staff=True)
        elif situation in ("youth", "mentor"):
            person.role = situation
            person.save()
        elif situation == "member":
            StaffMembershipFactory(user=person, association=invitation.association)
        client.force_login(person)
        memberships_before = StaffMembership.objects.count()

        shown = client.get(self.url(invitation))
        posted = client.post(self.url(invitation))

        for response in (shown, posted):
            assert response.status_code == 200
            assert message in page_of(response)
            assert "Rejoindre l’équipe</button>" not in page_of(response)
        assert StaffMembership.objects.count() == memberships_before
        person.refresh_from_db()
        assert person.role in ("staff", "youth", "mentor")

    def test_an_unknown_token_is_a_404(self, client):
        client.force_login(UserFactory(association_staff=True))
        url = reverse("programmes:invitation_accept", args=["inconnu"])
        assert client.get(url).status_code == 404


def test_the_invitation_email_is_kept_once_per_invitation(client, coordinator):
    client.post(
        reverse("programmes:team_invite", args=[coordinator.association.slug]),
        {"email": "nina@afev.fr", "role": "coordinator"},
    )
    assert Message.objects.filter(key__startswith="staff-invitation:").count() == 1
