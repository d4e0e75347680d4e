import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from mentorat.states import InvalidTransition
from programmes.enums import ParticipantStatus
from programmes.models import MentorProfile, YouthProfile
from tests.accounts.factories import UserFactory
from tests.programmes.factories import (
    MentorProfileFactory,
    ParentalConsentFactory,
    YouthProfileFactory,
    years_ago,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer():
    return UserFactory(association_staff=True)


def refused_by_the_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


class TestReview:
    @pytest.mark.parametrize("factory", [YouthProfileFactory, MentorProfileFactory])
    def test_approving_a_pending_person_makes_them_ready(self, factory, reviewer):
        person = factory(criteria_changed_at=timezone.now())

        person.approve(by=reviewer)

        person.refresh_from_db()
        assert person.status == ParticipantStatus.READY
        assert (person.reviewed_by, person.status_reason) == (reviewer, "")
        assert person.reviewed_at is not None
        assert person.criteria_changed_at is None  # looked at again

    @pytest.mark.parametrize(
        "traits", [{"ready": True}, {"rejected": True}, {"under_15": True}, {"waiting_list": True}]
    )
    def test_only_a_pending_youth_can_be_approved(self, traits, reviewer):
        youth = YouthProfileFactory(**traits)
        with pytest.raises(InvalidTransition):
            youth.approve(by=reviewer)
        youth.refresh_from_db()
        assert youth.reviewed_by is None

    @pytest.mark.parametrize("traits", [{}, {"ready": True}])
    def test_a_pending_or_ready_person_can_be_rejected_with_a_reason(self, traits, reviewer):
        mentor = MentorProfileFactory(**traits)

        mentor.reject(by=reviewer, reason="  Pas de créneau commun avec nos jeunes.  ")

        mentor.refresh_from_db()
        assert mentor.status == ParticipantStatus.REJECTED
        assert mentor.status_reason == "Pas de créneau commun avec nos jeunes."

    @pytest.mark.parametrize("reason", ["", "   "])
    def test_a_rejection_without_reason_is_refused(self, reason, reviewer):
        youth = YouthProfileFactory()
        with pytest.raises(InvalidTransition):
            youth.reject(by=reviewer, reason=reason)
        youth.refresh_from_db()
        assert youth.status == ParticipantStatus.PENDING_REVIEW

    @pytest.mark.parametrize("traits", [{"rejected": True}, {"under_15": True}])
    def test_a_rejected_or_awaiting_consent_youth_cannot_be_rejected(self, traits, reviewer):
        with pytest.raises(InvalidTransition):
            YouthProfileFactory(**traits).reject(by=reviewer, reason="Motif.")


class TestAttestation:
    def mentor(self, attestation_date, checked=True):
        return MentorProfileFactory(
            attestation_date=attestation_date,
            attestation_checked_at=timezone.now() if checked else None,
        )

    def test_valid_up_to_exactly_six_months_then_expired(self):
        mentor = self.mentor(datetime.date(2025, 1, 15))
        assert mentor.attestation_valid_until() == datetime.date(2025, 7, 15)
        assert mentor.has_valid_attestation(on=datetime.date(2025, 7, 15))
        assert not mentor.has_valid_attestation(on=datetime.date(2025, 7, 16))

    def test_from_the_end_of_a_long_month_to_the_end_of_a_short_one(self):
        mentor = self.mentor(datetime.date(2025, 8, 31))
        assert mentor.attestation_valid_until() == datetime.date(2026, 2, 28)

    def test_an_attestation_staff_have_not_seen_does_not_count(self):
        assert not self.mentor(timezone.localdate(), checked=False).has_valid_attestation()
        assert not MentorProfileFactory().has_valid_attestation()

    def test_recording_it_says_who_saw_it_and_when(self, reviewer):
        mentor = MentorProfileFactory()
        mentor.record_attestation_seen(by=reviewer, attestation_date=timezone.localdate())
        mentor.refresh_from_db()
        assert mentor.attestation_checked_by == reviewer
        assert mentor.attestation_checked_at is not None
        assert mentor.has_valid_attestation()


class TestAge:
    def test_age_turns_on_the_birthday(self):
        assert YouthProfileFactory(birth_date=years_ago(15)).age == 15
        assert YouthProfileFactory(birth_date=years_ago(15, days=-1)).age == 14

    def test_under_15_needs_a_parents_consent(self):
        assert YouthProfileFactory(birth_date=years_ago(15, days=-1)).needs_parental_consent
        assert not YouthProfileFactory(birth_date=years_ago(15)).needs_parental_consent
        assert YouthProfileFactory(minor=True).is_minor
        assert not YouthProfileFactory().is_minor


class TestMatchable:
    def test_a_ready_youth_is_matchable(self):
        assert YouthProfileFactory(ready=True).is_matchable

    @pytest.mark.parametrize("traits", [{}, {"rejected": True}, {"waiting_list": True}])
    def test_a_youth_not_ready_is_not(self, traits):
        assert not YouthProfileFactory(**traits).is_matchable

    def test_under_15_only_once_a_parent_consented(self):
        waiting = ParentalConsentFactory(youth__status=ParticipantStatus.READY)
        consented = ParentalConsentFactory(given=True, youth__status=ParticipantStatus.READY)
        assert not waiting.youth.is_matchable
        assert consented.youth.is_matchable


class TestCriteriaEdits:
    def test_a_ready_person_changing_what_matching_reads_is_flagged(self):
        youth = YouthProfileFactory(ready=True)
        youth.note_criteria_edit(["phone", "availability"])
        assert youth.criteria_changed_at is not None

    def test_other_fields_are_not_flagged(self):
        youth = YouthProfileFactory(ready=True)
        youth.note_criteria_edit(["phone", "expectations"])
        assert youth.criteria_changed_at is None

    def test_before_approval_nothing_is_flagged(self):
        mentor = MentorProfileFactory()
        mentor.note_criteria_edit(["needs"])
        assert mentor.criteria_changed_at is None


class TestDatabaseConstraints:
    @pytest.mark.parametrize("capacity", [0, 4])
    def test_a_mentor_follows_one_to_three_youths(self, capacity):
        refused_by_the_database(lambda: MentorProfileFactory(capacity=capacity))

    def test_an_attestation_cannot_be_dated_in_the_future(self):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        refused_by_the_database(lambda: MentorProfileFactory(attestation_date=tomorrow))

    def test_a_birth_date_cannot_be_in_the_future(self):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        refused_by_the_database(lambda: YouthProfileFactory(birth_date=tomorrow))

    @pytest.mark.parametrize("model", [YouthProfile, MentorProfile])
    def test_a_rejection_always_has_a_reason(self, model):
        factory = YouthProfileFactory if model is YouthProfile else MentorProfileFactory
        person = factory()
        refused_by_the_database(
            lambda: model.objects.filter(pk=person.pk).update(
                status=ParticipantStatus.REJECTED, status_reason=""
            )
        )

    def test_a_reviewed_person_belongs_to_a_programme(self):
        refused_by_the_database(lambda: YouthProfileFactory(programme=None))

    @pytest.mark.parametrize("capacity", [1, 3])
    def test_the_bounds_themselves_are_accepted(self, capacity):
        assert MentorProfileFactory(capacity=capacity).pk
