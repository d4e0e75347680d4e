"""A youth under 15 never consents for themselves: the requests are a history nobody
overwrites, a refusal is final for the youth, no form takes one of their own addresses (or
another youth's) as a parent's, and staff cannot approve them without a parent's consent."""

import importlib

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from mentorat.notifications.models import Message
from programmes import signup
from programmes.enums import ConsentDecision, ParticipantStatus
from programmes.models import InvalidTransition, ParentalConsent, YouthProfile
from programmes.vetting import participant_approve
from tests.accounts.factories import UserFactory
from tests.programmes.factories import (
    ParentalConsentFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
    years_ago,
)

pytestmark = pytest.mark.django_db

SPACE = reverse("programmes:my_space")
RENEW = reverse("programmes:consent_renew")
COMPLETE = reverse("programmes:complete_registration")
SIGNUP = reverse("programmes:youth_signup")


def answer_url(consent):
    return reverse("programmes:consent_answer", args=[consent.token])


def detail_url(youth):
    return reverse(
        "programmes:vetting_detail",
        kwargs={"slug": youth.programme.association.slug, "kind": "jeunes", "pk": youth.pk},
    )


def reopen_url(youth):
    return reverse(
        "programmes:consent_reopen",
        kwargs={"slug": youth.programme.association.slug, "pk": youth.pk},
    )


def approve_url(youth):
    return reverse(
        "programmes:vetting_approve",
        kwargs={"slug": youth.programme.association.slug, "kind": "jeunes", "pk": youth.pk},
    )


@pytest.fixture
def refused(client):
    """A request the parent refused, through the link of their email."""
    consent = ParentalConsentFactory(guardian_name="Sophie Martin")
    client.post(answer_url(consent), {"guardian_name": "Sophie Martin", "decision": "refused"})
    consent.refresh_from_db()
    assert consent.decision == ConsentDecision.REFUSED
    return consent


@pytest.fixture
def coordinator(refused):
    return StaffMembershipFactory(association=refused.youth.programme.association).user


class TestARefusalIsFinalForTheYouth:
    def test_the_youth_cannot_send_a_new_request(self, client, refused):
        client.force_login(refused.youth.user)
        sent_before = Message.objects.count()

        assert client.get(RENEW).url == SPACE
        response = client.post(
            RENEW, {"guardian_name": "Moi aussi", "guardian_email": "autre@exemple.fr"}
        )

        assert response.url == SPACE
        assert refused.youth.consent_requests.get() == refused  # nothing new, nothing changed
        refused.refresh_from_db()
        assert refused.decision == ConsentDecision.REFUSED and refused.decided_at
        assert Message.objects.count() == sent_before
        page = client.get(SPACE).content.decode()
        assert "Sophie Martin n’a pas donné son accord" in page
        assert RENEW not in page

    def test_nor_through_the_service(self, refused):
        with pytest.raises(InvalidTransition):
            signup.consent_request(
                youth=refused.youth,
                guardian_name="Autre",
                guardian_email="autre@exemple.fr",
                base_url="http://testserver",
                by=refused.youth.user,
            )
        assert refused.youth.consent_requests.count() == 1

    def test_the_refused_link_cannot_be_answered_again(self, client, refused):
        response = client.post(
            answer_url(refused), {"guardian_name": "Sophie Martin", "decision": "given"}
        )
        assert "Vous avez refusé" in response.content.decode()
        refused.refresh_from_db()
        refused.youth.refresh_from_db()
        assert refused.decision == ConsentDecision.REFUSED
        assert not refused.youth.has_parental_consent


class TestStaffReopen:
    data = {
        "reason": "Échange avec la mère le 12/03 : elle souhaite revoir sa réponse.",
        "guardian_name": "Sophie Martin",
        "guardian_email": "sophie.martin@exemple.fr",
    }

    def test_staff_reopen_with_a_reason_and_the_history_keeps_everything(
        self, client, refused, coordinator, django_capture_on_commit_callbacks
    ):
        youth = refused.youth
        client.force_login(coordinator)
        page = client.get(detail_url(youth)).content.decode()
        assert "Rouvrir la demande après un refus" in page

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reopen_url(youth), self.data)

        assert response.url == detail_url(youth)
        first, second = youth.consent_requests.history()
        assert first == refused and first.decision == ConsentDecision.REFUSED
        assert (second.requested_by, second.reopen_reason) == (coordinator, self.data["reason"])
        assert second.decision == ConsentDecision.PENDING and second.is_open
        assert mail.outbox[-1].to == ["sophie.martin@exemple.fr"]
        assert f"/accord-parental/{second.token}/" in mail.outbox[-1].body

        page = client.get(detail_url(youth)).content.decode()
        assert "Historique des demandes d’accord parental" in page
        assert "Accord refusé" in page and "réouverture" in page
        assert self.data["reason"] in page
        assert "Rouvrir la demande après un refus" not in page  # a request is pending

        # The parent now agrees: the youth's review begins.
        client.post(answer_url(second), {"guardian_name": "Sophie Martin", "decision": "given"})
        youth.refresh_from_db()
        assert youth.has_parental_consent and youth.status == ParticipantStatus.PENDING_REVIEW

    def test_a_reason_is_required(self, client, refused, coordinator):
        client.force_login(coordinator)
        response = client.post(reopen_url(refused.youth), {**self.data, "reason": " "})
        assert response.context["reopen_form"].errors["reason"] == [
            "Indiquez pourquoi la demande est rouverte."
        ]
        assert refused.youth.consent_requests.count() == 1

    def test_another_associations_staff_get_a_404(self, client, refused):
        client.force_login(StaffMembershipFactory().user)
        assert client.post(reopen_url(refused.youth), self.data).status_code == 404
        assert client.get(detail_url(refused.youth)).status_code == 404
        assert refused.youth.consent_requests.count() == 1

    @pytest.mark.parametrize("role", ["youth", "mentor", "ministry"])
    def test_no_one_else_reopens(self, client, refused, role):
        user = refused.youth.user if role == "youth" else UserFactory(**{role: True})
        client.force_login(user)
        assert client.post(reopen_url(refused.youth), self.data).status_code == 403
        assert refused.youth.consent_requests.count() == 1

    def test_only_a_refused_request_is_reopened(self, client):
        pending = ParentalConsentFactory()
        client.force_login(StaffMembershipFactory(association=pending.youth.association).user)

        response = client.post(reopen_url(pending.youth), self.data, follow=True)

        assert "Seule une demande refusée peut être rouverte." in response.content.decode()
        assert pending.youth.consent_requests.get() == pending

    def test_staff_cannot_give_the_youths_own_address(self, client, refused, coordinator):
        client.force_login(coordinator)
        response = client.post(
            reopen_url(refused.youth),
            {**self.data, "guardian_email": refused.youth.user.email.upper()},
        )
        assert response.context["reopen_form"].errors["guardian_email"] == [
            "Cette adresse est celle du compte du jeune : il faut celle d’un parent."
        ]


class TestNoFormTakesAYouthsAddressAsAParents:
    """One check (check_guardian_email) that every form and the model make."""

    @pytest.fixture
    def youth_user(self):
        user = UserFactory(youth=True, email="lea@exemple.fr")
        EmailAddress.objects.create(user=user, email="Lea.Perso@Exemple.fr")
        return user

    @pytest.fixture
    def other_youth(self):
        other = UserFactory(youth=True, email="frere@exemple.fr")
        EmailAddress.objects.create(user=other, email="frere.bis@exemple.fr")
        return other

    def completion(self, guardian_email):
        return {
            "birth_date": years_ago(14).isoformat(),
            "postal_code": "75011",
            "situation": "middle_school",
            "needs": ["orientation"],
            "format": "in_person",
            "availability": ["sat_morning"],
            "languages": ["fr"],
            "gender": "female",
            "expectations": "Trouver mon stage de 3e.",
            "guardian_name": "Maman",
            "guardian_email": guardian_email,
            "accept_privacy": "on",
            "accept_charter": "on",
        }

    @pytest.mark.parametrize(
        ("address", "message"),
        [
            ("lea@exemple.fr", "Écris l’adresse de ton parent, pas la tienne."),
            ("LEA@EXEMPLE.FR", "Écris l’adresse de ton parent, pas la tienne."),
            ("lea.perso@exemple.fr", "Écris l’adresse de ton parent, pas la tienne."),
            ("FRERE.bis@exemple.fr", "écris celle de ton parent ou tuteur"),
            ("frere@exemple.fr", "écris celle de ton parent ou tuteur"),
        ],
    )
    def test_completing_a_registration(self, client, youth_user, other_youth, address, message):
        ProgrammeFactory()
        client.force_login(youth_user)

        response = client.post(COMPLETE, self.completion(address))

        assert response.status_code == 200
        assert message in " ".join(response.context["form"].errors["guardian_email"])
        assert "Trouver mon stage de 3e." in response.content.decode()  # nothing typed is lost
        assert not ParentalConsent.objects.exists()
        assert not YouthProfile.objects.filter(user=youth_user).exists()

    def test_completing_with_a_parents_address_goes_through(self, client, youth_user, other_youth):
        ProgrammeFactory()
        client.force_login(youth_user)
        assert client.post(COMPLETE, self.completion("maman@exemple.fr")).url == SPACE
        consent = ParentalConsent.objects.get()
        assert (consent.guardian_email, consent.requested_by) == ("maman@exemple.fr", youth_user)

    @pytest.mark.parametrize("address", ["lea.perso@exemple.fr", "Frere@exemple.fr"])
    def test_renewing(self, client, youth_user, other_youth, address):
        ParentalConsentFactory(youth__user=youth_user)
        client.force_login(youth_user)
        response = client.post(RENEW, {"guardian_name": "Maman", "guardian_email": address})
        assert response.context["form"].errors["guardian_email"]
        assert ParentalConsent.objects.count() == 1

    def test_the_public_sign_up(self, client, other_youth):
        ProgrammeFactory()
        data = {
            **self.completion("FRERE.BIS@exemple.fr"),
            "first_name": "Léa",
            "last_name": "Moreau",
            "email": "nouvelle@exemple.fr",
            "password1": "un-mot-de-passe-solide",
            "password2": "un-mot-de-passe-solide",
        }
        response = client.post(SIGNUP, data)
        assert response.context["form"].errors["guardian_email"]

        response = client.post(SIGNUP, {**data, "guardian_email": "Nouvelle@Exemple.fr"})
        assert response.context["form"].errors["guardian_email"] == [
            "Écris l’adresse de ton parent, pas la tienne."
        ]
        assert not ParentalConsent.objects.exists()

    def test_the_model_refuses_it_whatever_calls_it(self, youth_user):
        youth = YouthProfileFactory(user=youth_user, under_15=True)
        with pytest.raises(ValidationError):
            ParentalConsent.request_for(
                youth, guardian_name="Moi", guardian_email="LEA.PERSO@exemple.fr", by=youth_user
            )

    def test_a_sibling_may_share_the_parents_address(self, client):
        sister = ParentalConsentFactory(guardian_email="maman@exemple.fr")
        brother = YouthProfileFactory(under_15=True, programme=sister.youth.programme)
        consent = ParentalConsent.request_for(
            brother, guardian_name="Maman", guardian_email="maman@exemple.fr", by=brother.user
        )
        assert consent.guardian_email == "maman@exemple.fr"


class TestNoApprovalWithoutConsent:
    @pytest.fixture
    def youth(self):
        # Under 15 and waiting for review without any consent (data imported or corrected
        # by hand): the platform still refuses to approve them.
        return YouthProfileFactory(
            birth_date=years_ago(14), status=ParticipantStatus.PENDING_REVIEW
        )

    def test_the_model_refuses(self, youth):
        staff = StaffMembershipFactory(association=youth.programme.association).user
        with pytest.raises(InvalidTransition, match="aucun parent n’a donné son accord"):
            youth.approve(by=staff)
        with pytest.raises(InvalidTransition):
            participant_approve(participant=youth, by=staff, dashboard_url="http://x/")
        youth.refresh_from_db()
        assert youth.status == ParticipantStatus.PENDING_REVIEW

    def test_the_page_says_why_and_a_forced_post_changes_nothing(self, client, youth):
        client.force_login(StaffMembershipFactory(association=youth.programme.association).user)

        page = client.get(detail_url(youth)).content.decode()
        assert "aucun parent n’a donné son accord" in page
        assert approve_url(youth) not in page

        response = client.post(approve_url(youth), follow=True)
        assert "aucun parent n’a donné son accord" in response.content.decode()
        youth.refresh_from_db()
        assert youth.status == ParticipantStatus.PENDING_REVIEW

    def test_with_a_parents_consent_staff_approve(self, client):
        consent = ParentalConsentFactory(given=True, youth__status=ParticipantStatus.PENDING_REVIEW)
        youth = consent.youth
        youth.approve(by=StaffMembershipFactory(association=youth.programme.association).user)
        assert youth.status == ParticipantStatus.READY

    def test_from_15_no_consent_is_asked(self):
        youth = YouthProfileFactory(birth_date=years_ago(15))
        youth.approve(by=UserFactory(association_staff=True))
        assert youth.status == ParticipantStatus.READY


def test_existing_requests_become_the_first_entry_of_each_history():
    migration = importlib.import_module("programmes.migrations.0003_consent_history")
    given = ParentalConsentFactory(given=True, requested_by=None)
    given.youth.parental_consent_given_at = None
    given.youth.save(update_fields=["parental_consent_given_at"])
    pending = ParentalConsentFactory(requested_by=None)

    migration.history_from_single_requests(apps, None)

    given.refresh_from_db()
    given.youth.refresh_from_db()
    pending.refresh_from_db()
    pending.youth.refresh_from_db()
    assert given.requested_by == given.youth.user and pending.requested_by == pending.youth.user
    assert given.youth.parental_consent_given_at == given.decided_at
    assert pending.youth.parental_consent_given_at is None


def test_only_one_request_waits_at_a_time():
    from django.db import IntegrityError

    consent = ParentalConsentFactory()
    with pytest.raises(IntegrityError):
        ParentalConsentFactory(youth=consent.youth, requested_at=timezone.now())


def test_the_parents_answer_keeps_the_name_the_request_went_to(client):
    consent = ParentalConsentFactory(guardian_name="Sophie Martin")
    client.post(answer_url(consent), {"guardian_name": "S. Martin-Diallo", "decision": "refused"})
    consent.refresh_from_db()
    assert (consent.guardian_name, consent.signed_name) == ("Sophie Martin", "S. Martin-Diallo")

    client.force_login(StaffMembershipFactory(association=consent.youth.association).user)
    page = client.get(detail_url(consent.youth)).content.decode()
    assert "Sophie Martin" in page and "signé « S. Martin-Diallo »" in page


def test_existing_answers_keep_the_name_the_parent_gave():
    migration = importlib.import_module("programmes.migrations.0005_consent_signed_name")
    answered = ParentalConsentFactory(given=True, guardian_name="Sophie M.")
    pending = ParentalConsentFactory()
    migration.answered_names_are_signatures(apps, None)
    answered.refresh_from_db()
    pending.refresh_from_db()
    assert answered.signed_name == "Sophie M." and pending.signed_name == ""
