import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from matching.enums import PairStatus
from mentorat import events, retention
from mentorat.audit.models import AuditEntry, AuditEvent
from mentorat.audit.tasks import purge_expired_entries
from programmes.enums import ParticipantStatus
from programmes.vetting import participant_approve, participant_reject
from tests.accounts.factories import UserFactory
from tests.matching.factories import PairFactory
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ParentalConsentFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def membership():
    return StaffMembershipFactory(association__name="Article 1", association__slug="article-1")


@pytest.fixture
def programme(membership):
    return ProgrammeFactory(association=membership.association)


@pytest.fixture
def staff_client(client, membership):
    client.force_login(membership.user)
    return client


def entries_about(instance):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_pk=str(instance.pk)
    )


class TestWhatIsRecorded:
    def test_a_vetting_decision_says_who_decided_and_for_which_association(
        self, programme, membership
    ):
        youth = YouthProfileFactory(programme=programme)
        participant_reject(
            participant=youth, by=membership.user, reason="Hors territoire", dashboard_url="/"
        )
        entry = entries_about(youth).get(action=AuditEntry.Action.UPDATE)
        assert entry.association == programme.association
        assert entry.changes_dict["status"] == [
            ParticipantStatus.PENDING_REVIEW,
            ParticipantStatus.REJECTED,
        ]
        # The trail names the record by its number and keeps no free text about the youth.
        assert entry.object_repr == f"Jeune n° {youth.pk}"
        assert "Hors territoire" not in str(entry.changes)
        assert youth.user.last_name not in entry.object_repr

    def test_an_attestation_seen_by_staff_is_recorded(self, programme, membership):
        mentor = MentorProfileFactory(programme=programme)
        mentor.record_attestation_seen(by=membership.user, attestation_date=timezone.localdate())
        entry = entries_about(mentor).get(action=AuditEntry.Action.UPDATE)
        assert "attestation_checked_by" in entry.changes_dict
        assert entry.association == programme.association

    def test_a_parents_consent_and_a_pairs_state_are_recorded(self, programme):
        consent = ParentalConsentFactory(youth__programme=programme, given=True)
        assert entries_about(consent).get().association == programme.association
        pair = PairFactory(programme=programme)
        pair.status = PairStatus.EXPIRED
        pair.save(update_fields=["status"])
        changed = entries_about(pair).get(action=AuditEntry.Action.UPDATE)
        assert changed.changes_dict["status"][1] == PairStatus.EXPIRED
        assert changed.association == programme.association

    def test_membership_and_label_changes_are_recorded(self, membership):
        assert entries_about(membership).get().association == membership.association
        minister = UserFactory(ministry=True)
        membership.association.suspend(by=minister, reason="Contrôle en cours")
        assert (
            entries_about(membership.association).filter(action=AuditEntry.Action.UPDATE).exists()
        )

    def test_a_role_change_is_recorded_but_a_login_is_not(self, client):
        user = UserFactory(youth=True)
        user.role = "mentor"
        user.save()
        assert entries_about(user).filter(action=AuditEntry.Action.UPDATE).count() == 1
        client.force_login(user)
        user.refresh_from_db()
        assert entries_about(user).filter(action=AuditEntry.Action.UPDATE).count() == 1

    def test_approving_through_the_page_records_the_actor_and_address(
        self, staff_client, programme, membership
    ):
        youth = YouthProfileFactory(programme=programme)
        url = reverse(
            "programmes:vetting_approve",
            kwargs={"slug": programme.association.slug, "kind": "jeunes", "pk": youth.pk},
        )
        staff_client.post(url, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="6.6.6.6")
        entry = entries_about(youth).get(action=AuditEntry.Action.UPDATE)
        assert entry.actor == membership.user
        # The forwarded header is a visitor's word: the address is the connection's.
        assert entry.remote_addr == "203.0.113.9"
        assert not entry.via_admin

    def test_opening_a_minors_file_is_recorded_an_adults_is_not(
        self, staff_client, programme, membership
    ):
        minor = YouthProfileFactory(programme=programme, minor=True)
        adult = YouthProfileFactory(programme=programme)
        for youth in (minor, adult):
            url = reverse(
                "programmes:vetting_detail",
                kwargs={"slug": programme.association.slug, "kind": "jeunes", "pk": youth.pk},
            )
            assert staff_client.get(url).status_code == 200
        view = entries_about(minor).get(event=AuditEvent.VIEW)
        assert view.actor == membership.user
        assert view.association == programme.association
        assert not entries_about(adult).filter(event=AuditEvent.VIEW).exists()

    def test_the_admin_marks_its_changes_and_records_reads_of_a_minors_file(self, client):
        admin = UserFactory(is_staff=True, is_superuser=True, role="")
        client.force_login(admin)
        minor = YouthProfileFactory(minor=True)
        url = reverse("admin:programmes_youthprofile_change", args=[minor.pk])
        assert client.get(url).status_code == 200
        assert entries_about(minor).filter(event=AuditEvent.VIEW, actor=admin).exists()

    def test_an_export_is_recorded_on_its_associations_trail(self, membership):
        events.data_exported.send(
            sender=None,
            by=membership.user,
            association=membership.association,
            what="binômes",
            rows=12,
        )
        entry = AuditEntry.objects.get(event=AuditEvent.EXPORT)
        assert entry.association == membership.association
        assert entry.additional_data == {"what": "binômes", "rows": 12}


class TestWhoReadsTheTrail:
    def test_staff_read_their_associations_trail(self, staff_client, programme, membership):
        youth = YouthProfileFactory(programme=programme)
        participant_approve(participant=youth, by=membership.user, dashboard_url="/")
        response = staff_client.get(reverse("audit:trail"))
        assertRedirects(
            response, reverse("audit:association_trail", args=[programme.association.slug])
        )
        response = staff_client.get(response.url)
        assertContains(response, f"Jeune n° {youth.pk}")
        assertContains(response, "Prêt(e) pour la mise en relation")

    def test_another_associations_trail_is_a_404_and_its_entries_never_show(
        self, staff_client, programme
    ):
        other = ProgrammeFactory(association=AssociationFactory(slug="autre"))
        stranger = YouthProfileFactory(programme=other)
        participant_approve(participant=stranger, by=UserFactory(), dashboard_url="/")
        response = staff_client.get(reverse("audit:association_trail", args=["autre"]))
        assert response.status_code == 404
        response = staff_client.get(
            reverse("audit:association_trail", args=[programme.association.slug])
        )
        assertNotContains(response, f"Jeune n° {stranger.pk}")

    @pytest.mark.parametrize("role", ["youth", "mentor"])
    def test_youths_and_mentors_may_not_read_any_trail(self, client, membership, role):
        client.force_login(UserFactory(role=role))
        assert client.get(reverse("audit:trail")).status_code == 403
        url = reverse("audit:association_trail", args=[membership.association.slug])
        assert client.get(url).status_code == 403

    def test_the_anonymous_visitor_is_sent_to_login(self, client):
        response = client.get(reverse("audit:trail"))
        assert response.status_code == 302
        assert "/comptes/login/" in response.url

    def test_the_ministry_reads_every_associations_trail(self, client, programme, membership):
        youth = YouthProfileFactory(programme=programme)
        participant_approve(participant=youth, by=membership.user, dashboard_url="/")
        client.force_login(UserFactory(ministry=True))
        response = client.get(reverse("audit:trail"))
        assertContains(response, f"Jeune n° {youth.pk}")
        assertContains(response, "Article 1")
        url = reverse("audit:association_trail", args=[programme.association.slug])
        assertContains(client.get(url), f"Jeune n° {youth.pk}")

    def test_the_list_costs_the_same_whatever_its_length(
        self, staff_client, programme, membership, django_assert_num_queries
    ):
        url = reverse("audit:association_trail", args=[programme.association.slug])
        for _ in range(3):
            participant_approve(
                participant=YouthProfileFactory(programme=programme),
                by=membership.user,
                dashboard_url="/",
            )
        with django_assert_num_queries(8) as few:
            staff_client.get(url)
        for _ in range(5):
            participant_approve(
                participant=YouthProfileFactory(programme=programme),
                by=membership.user,
                dashboard_url="/",
            )
        with django_assert_num_queries(len(few.captured_queries)):
            staff_client.get(url)

    def test_the_list_filters_by_event(self, staff_client, programme, membership):
        minor = YouthProfileFactory(programme=programme, minor=True)
        participant_approve(participant=minor, by=membership.user, dashboard_url="/")
        events.file_viewed.send(sender=None, instance=minor, by=membership.user)
        url = reverse("audit:association_trail", args=[programme.association.slug])
        response = staff_client.get(url, {"event": "view"})
        assertContains(response, "Consultation du dossier d’un mineur")
        assertNotContains(response, "Prêt(e) pour la mise en relation")


class TestRetention:
    def test_entries_older_than_twelve_months_are_purged(self, programme, membership):
        youth = YouthProfileFactory(programme=programme)
        participant_approve(participant=youth, by=membership.user, dashboard_url="/")
        old = entries_about(youth).get(action=AuditEntry.Action.UPDATE)
        old.timestamp = timezone.now() - retention.AUDIT_TRAIL - datetime.timedelta(days=1)
        old.save()
        kept = entries_about(youth).get(action=AuditEntry.Action.CREATE)
        assert purge_expired_entries() == 1
        assert list(entries_about(youth)) == [kept]

    def test_the_purge_is_scheduled(self, settings):
        tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
        assert "mentorat.audit.tasks.purge_expired_entries" in tasks
