"""Vetting decisions, the follow-up of mentors (referent, attestation), unconfirmed addresses."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from pytest_django.asserts import assertContains, assertRedirects

from mentorat.notifications.models import Message
from programmes.enums import ParticipantStatus
from tests.programmes.factories import (
    MentorProfileFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
)
from tests.programmes.vetting.pages import (
    list_url,
    page_text,
    person_url,
)

pytestmark = pytest.mark.django_db


class TestDecisions:
    def test_approving_makes_the_youth_ready_and_tells_them(
        self, staff_client, programme, membership
    ):
        youth = YouthProfileFactory(programme=programme, user__first_name="Inès")

        response = staff_client.post(person_url("vetting_approve", youth), follow=True)

        assertRedirects(response, list_url(programme.association))
        assertContains(response, "est prêt(e) pour la mise en relation")
        youth.refresh_from_db()
        assert youth.status == ParticipantStatus.READY and youth.reviewed_by == membership.user
        message = Message.objects.get(recipient=youth.user)
        assert message.subject == "Ton inscription est validée"
        assert "Article 1" in message.body_text

    def test_approving_twice_is_refused_gently(self, staff_client, programme):
        youth = YouthProfileFactory(programme=programme, ready=True)
        response = staff_client.post(person_url("vetting_approve", youth), follow=True)
        assertContains(response, "Seule une inscription en cours d’examen peut être validée.")
        assert Message.objects.count() == 0

    def test_a_youth_awaiting_consent_cannot_be_approved(self, staff_client, programme):
        youth = YouthProfileFactory(programme=programme, under_15=True)
        response = staff_client.post(person_url("vetting_approve", youth), follow=True)
        assert response.status_code == 200
        youth.refresh_from_db()
        assert youth.status == ParticipantStatus.AWAITING_CONSENT

    def test_rejecting_needs_a_reason(self, staff_client, programme):
        youth = YouthProfileFactory(programme=programme)

        response = staff_client.post(person_url("vetting_reject", youth), {"reason": "   "})

        assert response.status_code == 200
        assertContains(response, "Indiquez le motif du refus")
        youth.refresh_from_db()
        assert youth.status == ParticipantStatus.PENDING_REVIEW
        assert Message.objects.count() == 0

    def test_rejecting_with_a_reason_tells_the_person_why(self, staff_client, programme):
        mentor = MentorProfileFactory(programme=programme, ready=True)
        reason = "Notre programme n’accompagne que des jeunes de Marseille."

        response = staff_client.post(person_url("vetting_reject", mentor), {"reason": reason})

        assertRedirects(response, list_url(programme.association, "mentors"))
        mentor.refresh_from_db()
        assert (mentor.status, mentor.status_reason) == (ParticipantStatus.REJECTED, reason)
        message = Message.objects.get(recipient=mentor.user)
        assert reason in message.body_text

    def test_rejecting_a_rejected_person_again_is_refused_gently(self, staff_client, programme):
        youth = YouthProfileFactory(programme=programme, rejected=True)
        response = staff_client.post(
            person_url("vetting_reject", youth), {"reason": "Encore."}, follow=True
        )
        assertContains(response, "Cette inscription ne peut pas être refusée.")

    def test_a_mentor_without_attestation_may_be_approved_for_adults_only(
        self, staff_client, programme
    ):
        mentor = MentorProfileFactory(programme=programme)
        response = staff_client.post(person_url("vetting_approve", mentor), follow=True)
        assertContains(response, "seulement avec des jeunes majeurs")
        mentor.refresh_from_db()
        assert mentor.status == ParticipantStatus.READY


class TestMentorFollowUp:
    def test_assigning_a_referent_of_the_association(self, staff_client, programme):
        referent = StaffMembershipFactory(association=programme.association, referent=True).user
        mentor = MentorProfileFactory(programme=programme)

        response = staff_client.post(
            person_url("mentor_referent_assign", mentor), {"referent": referent.pk}
        )

        assertRedirects(response, person_url("vetting_detail", mentor))
        mentor.refresh_from_db()
        assert mentor.referent == referent

    @pytest.mark.parametrize("who", ["other_staff", "mentor", "nobody"])
    def test_a_referent_must_be_of_the_team(self, staff_client, programme, who):
        mentor = MentorProfileFactory(programme=programme)
        chosen = {
            "other_staff": lambda: StaffMembershipFactory().user.pk,
            "mentor": lambda: mentor.user.pk,
            "nobody": lambda: "",
        }[who]()

        response = staff_client.post(
            person_url("mentor_referent_assign", mentor), {"referent": chosen}
        )

        assert response.status_code == 200
        assertContains(response, "fr-select-group--error")
        mentor.refresh_from_db()
        assert mentor.referent is None

    def test_recording_the_attestation(self, staff_client, programme, membership):
        mentor = MentorProfileFactory(programme=programme)
        seen = timezone.localdate() - datetime.timedelta(days=10)

        response = staff_client.post(
            person_url("mentor_attestation_record", mentor), {"attestation_date": seen.isoformat()}
        )

        assertRedirects(response, person_url("vetting_detail", mentor))
        mentor.refresh_from_db()
        assert mentor.attestation_date == seen
        assert mentor.attestation_checked_by == membership.user
        assert mentor.has_valid_attestation()

    def test_an_attestation_exactly_six_months_old_is_still_valid(self, staff_client, programme):
        mentor = MentorProfileFactory(programme=programme)
        six_months_ago = timezone.localdate() - relativedelta(months=6)
        staff_client.post(
            person_url("mentor_attestation_record", mentor),
            {"attestation_date": six_months_ago.isoformat()},
        )
        mentor.refresh_from_db()
        assert mentor.has_valid_attestation()

    @pytest.mark.parametrize(
        "typed, error",
        [
            ("tomorrow", "ne peut pas être datée du futur"),
            ("expired", "elle a expiré"),
            ("31/02/2026", "Date invalide"),
            ("", "Indiquez la date de l’attestation"),
        ],
    )
    def test_a_wrong_attestation_date_is_refused_next_to_the_field(
        self, staff_client, programme, typed, error
    ):
        mentor = MentorProfileFactory(programme=programme)
        today = timezone.localdate()
        value = {
            "tomorrow": (today + datetime.timedelta(days=1)).isoformat(),
            "expired": (today - relativedelta(months=6) - datetime.timedelta(days=1)).isoformat(),
        }.get(typed, typed)

        response = staff_client.post(
            person_url("mentor_attestation_record", mentor), {"attestation_date": value}
        )

        assert response.status_code == 200
        assertContains(response, error)
        if value:
            assertContains(response, f'value="{value}"')  # what was typed stays
        mentor.refresh_from_db()
        assert mentor.attestation_date is None


class TestUnconfirmedAddresses:
    def test_people_who_have_not_confirmed_their_address_are_marked(self, staff_client, programme):
        YouthProfileFactory(programme=programme, user__last_name="Confirmé")
        unconfirmed = YouthProfileFactory(
            programme=programme, user__last_name="Inconnu", user__verified_email=False
        )

        page = page_text(staff_client.get(list_url(programme.association)))
        assert (
            page.count(
                '<span class="fr-badge fr-badge--sm fr-badge--warning">Adresse non confirmée</span>'
            )
            == 1
        )
        row = page[page.index("Inconnu") :]
        assert row.index("Adresse non confirmée") < row.index("</tr>")

        filtered = page_text(
            staff_client.get(list_url(programme.association), {"email_unconfirmed": "on"})
        )
        assert "Inconnu" in filtered and "Confirmé" not in filtered

        detail = page_text(staff_client.get(person_url("vetting_detail", unconfirmed)))
        assert "Adresse électronique non confirmée" in detail

    def test_a_confirmed_address_in_another_case_counts(self, staff_client, programme):
        youth = YouthProfileFactory(programme=programme, user__verified_email=False)
        EmailAddress.objects.create(
            user=youth.user, email=youth.user.email.upper(), verified=True, primary=True
        )
        detail = page_text(staff_client.get(person_url("vetting_detail", youth)))
        assert "non confirmée" not in detail
