"""Rules that a one-line break once slipped past the suite: each is pinned here, through the
public paths (the batch, a hand proposal, the answers), whatever module decides it."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from matching.enums import PairStatus
from matching.models import Pair
from matching.population import load_mentors
from matching.services import ProposalRefused, pair_propose, run_execute, run_start
from matching.workflow import pair_answer, pair_approve
from mentorat.states import InvalidTransition
from programmes.enums import LabelStatus, ParticipantStatus
from programmes.models import MentorProfile
from tests.matching.factories import PairFactory
from tests.programmes.factories import (
    MentorProfileFactory,
    ProgrammeFactory,
    YouthProfileFactory,
)

pytestmark = pytest.mark.django_db


def approved_pair(**traits):
    pair = PairFactory(**traits)
    return pair_approve(pair=pair, by=None)


def lapse_attestation(pair):
    MentorProfile.objects.filter(pk=pair.mentor_id).update(
        attestation_date=timezone.localdate() - relativedelta(months=6, days=1)
    )


def suspend_association(pair):
    association = pair.programme.association
    association.label_status = LabelStatus.SUSPENDED
    association.save(update_fields=["label_status"])


def mentor_no_longer_ready(pair):
    MentorProfile.objects.filter(pk=pair.mentor_id).update(
        status=ParticipantStatus.REJECTED, status_reason="Hors du territoire couvert."
    )


@pytest.mark.parametrize(
    "change, refusal",
    [
        (lapse_attestation, "attestation"),
        (suspend_association, "plus labellisée"),
        (mentor_no_longer_ready, "plus prêt"),
    ],
)
@pytest.mark.parametrize("last_to_answer", ["youth", "mentor"])
def test_a_pair_does_not_start_when_a_rule_broke_after_approval(change, refusal, last_to_answer):
    pair = approved_pair(youth__minor=True, mentor__with_attestation=True)
    first_to_answer = "mentor" if last_to_answer == "youth" else "youth"
    pair_answer(pair=pair, by=getattr(pair, first_to_answer).user, accepted=True)

    change(pair)

    with pytest.raises(InvalidTransition, match=refusal):
        pair_answer(pair=pair, by=getattr(pair, last_to_answer).user, accepted=True)
    pair.refresh_from_db()
    assert pair.status == PairStatus.APPROVED
    assert pair.started_on is None


@pytest.mark.parametrize(
    "today",
    [
        timezone.localdate(),
        datetime.date(2025, 3, 31),  # 30 September + 6 months is 30 March: one day short
        datetime.date(2025, 2, 28),  # 31 August + 6 months is 28 February: still valid
        datetime.date(2024, 2, 29),
    ],
)
def test_the_batch_loader_and_the_mentor_agree_on_the_attestation_s_last_valid_day(today):
    """Valid until the day 6 calendar months after its date, included; the loader (which
    proposes mentors to minors) and MentorProfile.has_valid_attestation decide the same."""
    programme = ProgrammeFactory()
    around = today - relativedelta(months=6)
    for shift in range(-3, 4):
        mentor = MentorProfileFactory(programme=programme, ready=True, with_attestation=True)
        MentorProfile.objects.filter(pk=mentor.pk).update(
            attestation_date=around + datetime.timedelta(days=shift)
        )
    mentors = list(MentorProfile.objects.filter(programme=programme))
    arrays = load_mentors(MentorProfile.objects.filter(programme=programme), today)
    loaded = dict(zip(arrays.ids.tolist(), arrays.has_attestation.tolist(), strict=True))

    for mentor in mentors:
        expected = today <= mentor.attestation_date + relativedelta(months=6)
        assert loaded[mentor.pk] is expected, mentor.attestation_date
        assert mentor.has_valid_attestation(on=today) is expected, mentor.attestation_date
    assert len(set(loaded.values())) == 2  # the boundary lies inside the range


def test_a_minor_is_never_proposed_a_mentor_whose_attestation_is_six_months_and_a_day_old():
    programme = ProgrammeFactory()
    YouthProfileFactory(programme=programme, ready=True, minor=True)
    mentor = MentorProfileFactory(programme=programme, ready=True, with_attestation=True)
    MentorProfile.objects.filter(pk=mentor.pk).update(
        attestation_date=timezone.localdate() - relativedelta(months=6, days=1)
    )
    run = run_execute(run_start(programme=programme, by=None))
    assert run.summary["proposals"] == 0

    MentorProfile.objects.filter(pk=mentor.pk).update(
        attestation_date=timezone.localdate() - relativedelta(months=6)
    )
    run = run_execute(run_start(programme=programme, by=None))
    assert run.summary["proposals"] == 1


def test_a_mentor_awaiting_review_gets_no_proposal_from_a_batch_or_by_hand():
    programme = ProgrammeFactory()
    youth = YouthProfileFactory(programme=programme, ready=True)
    waiting = MentorProfileFactory(programme=programme)  # pending review
    assert waiting.status == ParticipantStatus.PENDING_REVIEW

    run = run_execute(run_start(programme=programme, by=None))
    assert run.summary["proposals"] == 0

    with pytest.raises(ProposalRefused, match="inscription n’est pas validée"):
        pair_propose(youth=youth, mentor=waiting)
    assert not Pair.objects.exists()
