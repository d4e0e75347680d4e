import json

import pytest
from auditlog.context import set_actor
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from matching.enums import ClosureReason, PairStatus
from matching.models import Pair
from matching.workflow import pair_answer
from mentorat.audit.models import AuditEntry, AuditEvent
from mentorat.privacy.erase import ERASED_DOMAIN, person_erase
from mentorat.privacy.models import Erasure
from programmes.models import YouthProfile
from tests.accounts.factories import PASSWORD, UserFactory
from tests.matching.factories import MeetingFactory, ObjectiveFactory, PairFactory
from tests.programmes.factories import ParentalConsentFactory, StaffMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    pair = PairFactory(
        active=True,
        youth__user__first_name="Inès",
        youth__user__last_name="Diallo",
        youth__phone="06 12 34 56 78",
        youth__expectations="Trouver mon stage de 3e chez un architecte.",
    )
    MeetingFactory(pair=pair, shared_note="On a parlé de ton CV.", private_note="Très motivée.")
    ObjectiveFactory(pair=pair, text="Décrocher un stage d’observation")
    return pair


@pytest.fixture
def youth(pair):
    return pair.youth.user


class TestDownload:
    def test_the_page_shows_what_the_platform_holds(self, client, youth):
        client.force_login(youth)
        response = client.get(reverse("privacy:export"))
        assertContains(response, "Mes données personnelles")
        assertContains(response, youth.email)
        assertContains(response, "Trouver mon stage de 3e chez un architecte.")
        assertContains(response, "On a parlé de ton CV.")
        assertContains(response, "Décrocher un stage d’observation")
        # Tu to a youth; the mentor's note for the referent is not the youth's to read.
        assertContains(response, "Voici tout ce que la plateforme garde sur toi")
        assertNotContains(response, "Très motivée.")
        assert response["Cache-Control"].startswith("max-age=0")
        # Nothing that opens an account.
        assertNotContains(response, youth.password)

    def test_the_json_file_holds_the_same_and_no_secret(self, client, youth):
        consent = ParentalConsentFactory(youth=YouthProfile.objects.get(user=youth))
        client.force_login(youth)
        response = client.get(reverse("privacy:export_json"))
        assert response["Content-Disposition"].startswith("attachment;")
        data = json.loads(response.content)
        assert data["account"][0]["email"] == youth.email
        assert "password" not in data["account"][0]
        sign_up = data["sign_up"]
        assert sign_up[0]["expectations"] == "Trouver mon stage de 3e chez un architecte."
        assert any(row.get("guardian_email") == consent.guardian_email for row in sign_up)
        assert all("token" not in row for row in sign_up)
        assert any(row.get("shared_note") == "On a parlé de ton CV." for row in data["pairs"])

    def test_a_download_is_on_the_audit_trail(self, client, youth):
        client.force_login(youth)
        client.get(reverse("privacy:export_json"))
        assert AuditEntry.objects.filter(event=AuditEvent.EXPORT, actor=youth).exists()

    def test_the_mentor_reads_their_own_private_notes(self, client, pair):
        client.force_login(pair.mentor.user)
        response = client.get(reverse("privacy:export"))
        assertContains(response, "Très motivée.")
        assertContains(response, "Voici tout ce que la plateforme conserve sur vous")

    def test_the_mentor_never_reads_the_youths_word_on_a_meeting(self, client, pair):
        meeting = pair.meetings.get()
        meeting.youth_note = "Il n’est pas venu et ne répond plus."
        meeting.save(update_fields=["youth_note"])
        client.force_login(pair.mentor.user)
        assertNotContains(client.get(reverse("privacy:export")), "ne répond plus")
        data = json.loads(client.get(reverse("privacy:export_json")).content)
        assert all("youth_note" not in row for row in data["pairs"])
        # The youth reads what they wrote.
        client.force_login(pair.youth.user)
        assertContains(client.get(reverse("privacy:export")), "ne répond plus")

    def test_the_anonymous_visitor_is_sent_to_login(self, client):
        for name in ("privacy:export", "privacy:export_json", "privacy:erase"):
            response = client.get(reverse(name))
            assert response.status_code == 302 and "/comptes/login/" in response.url


class TestTheOtherPersonInTheDownload:
    """A pair reads in the download as on the site (matching.disclosure): the other person's
    name, answer and words on the end only where the site shows them."""

    @staticmethod
    def downloads(client, user) -> str:
        client.force_login(user)
        page = client.get(reverse("privacy:export")).content.decode()
        return page + client.get(reverse("privacy:export_json")).content.decode()

    @pytest.fixture
    def proposal(self):
        return PairFactory(
            approved=True,
            youth__user__first_name="Inès",
            youth__user__last_name="Diallo",
            mentor__user__first_name="Karim",
            mentor__user__last_name="Bensaïd",
        )

    def test_a_proposal_waiting_for_answers_gives_the_other_s_first_name_only(
        self, client, proposal
    ):
        pair_answer(pair=proposal, by=proposal.mentor.user, accepted=True)
        youth_s = self.downloads(client, proposal.youth.user)
        assert "Karim" in youth_s and "Bensaïd" not in youth_s
        assert '"mentor_answer"' not in youth_s  # the mentor's answer is theirs to give
        mentor_s = self.downloads(client, proposal.mentor.user)
        assert "Inès" in mentor_s and "Diallo" not in mentor_s

    @pytest.mark.parametrize("status", [PairStatus.PROPOSED, PairStatus.DECLINED])
    def test_a_proposal_that_never_started_names_no_one(self, client, proposal, status):
        if status == PairStatus.DECLINED:
            pair_answer(pair=proposal, by=proposal.youth.user, accepted=True)
            pair_answer(pair=proposal, by=proposal.mentor.user, accepted=False, reason="Trop loin")
        else:
            Pair.objects.filter(pk=proposal.pk).update(status=status)
        youth_s = self.downloads(client, proposal.youth.user)
        assert "Karim" not in youth_s and "Bensaïd" not in youth_s
        assert '"mentor_answer"' not in youth_s and '"youth_answer"' in youth_s
        mentor_s = self.downloads(client, proposal.mentor.user)
        assert "Inès" not in mentor_s and "Diallo" not in mentor_s

    def test_the_words_on_an_early_end_stay_with_whoever_wrote_them(self, client, pair):
        pair.end_early(
            by=pair.mentor.user,
            reason=ClosureReason.SAFEGUARDING,
            details="Propos inquiétants sur sa famille.",
        )
        assert "Propos inquiétants" in self.downloads(client, pair.mentor.user)
        youth_s = self.downloads(client, pair.youth.user)
        assert "Propos inquiétants" not in youth_s
        assert "Inès Diallo" in self.downloads(client, pair.youth.user)  # a pair that ran

    def test_staff_s_words_on_a_completed_pair_stay_with_the_association(self, client, pair):
        Pair.objects.filter(pk=pair.pk).update(
            status=PairStatus.COMPLETED,
            ended_at=timezone.now(),
            closure_reason=ClosureReason.OBJECTIVES_REACHED,
            closure_details="Très bon binôme, à citer en exemple.",
            closure_requested_by=pair.mentor.user,
        )
        for person in (pair.youth.user, pair.mentor.user):
            assert "à citer en exemple" not in self.downloads(client, person)


class TestErasure:
    def test_a_wrong_password_erases_nothing(self, client, youth):
        client.force_login(youth)
        response = client.post(
            reverse("privacy:erase"), {"password": "pas-le-bon", "understood": "on"}
        )
        assertContains(response, "Ce n’est pas ton mot de passe.")
        assert not Erasure.objects.exists()

    def test_the_youth_erases_their_account_names_go_the_pair_stays_counted(
        self, client, youth, pair
    ):
        client.force_login(youth)
        response = client.get(reverse("privacy:erase"))
        assertContains(response, "Ton binôme ou ta proposition en cours s’arrêtera")
        response = client.post(reverse("privacy:erase"), {"password": PASSWORD, "understood": "on"})
        assertRedirects(response, reverse("privacy:erased"))

        youth.refresh_from_db()
        assert youth.first_name == youth.last_name == ""
        assert youth.email.endswith(ERASED_DOMAIN)
        assert not youth.is_active and not youth.has_usable_password()
        profile = YouthProfile.objects.get(user=youth)
        assert profile.phone == "" and profile.expectations == ""
        assert (profile.birth_date.month, profile.birth_date.day) == (1, 1)
        # The pair stays, ended, and counted; its words are gone.
        pair.refresh_from_db()
        assert pair.status == PairStatus.ENDED_EARLY
        assert pair.closure_details == ""
        meeting = pair.meetings.get()
        assert meeting.shared_note == meeting.private_note == ""
        assert "Décrocher" not in pair.objectives.get().text
        # Signed out, and the account no longer opens.
        assert client.get(reverse("core:dashboard")).status_code == 302
        assert not client.login(email=youth.email, password=PASSWORD)

    def test_erasure_keeps_the_trail_of_what_the_person_did_without_their_address(self, pair):
        staff = StaffMembershipFactory(association=pair.programme.association).user
        with set_actor(staff):  # as the middleware does for a request
            pair.youth.reject(by=staff, reason="Test")
        assert AuditEntry.objects.filter(actor=staff).exclude(actor_email="").exists()
        person_erase(user=staff)
        assert AuditEntry.objects.filter(actor=staff).exists()
        assert not AuditEntry.objects.filter(actor=staff).exclude(actor_email="").exists()

    def test_erasing_twice_is_harmless(self, youth):
        first = person_erase(user=youth)
        assert person_erase(user=youth) == first

    def test_staff_and_ministry_may_erase_their_account_too(self, client):
        minister = UserFactory(ministry=True)
        client.force_login(minister)
        assertContains(client.get(reverse("privacy:erase")), "Votre mot de passe")
