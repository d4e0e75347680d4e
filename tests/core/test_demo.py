import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import Count, Q

from matching.enums import PairStatus
from matching.models import Pair, PairEvent
from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from mentorat.core.demo import DEMO_PASSWORD, HISTORY_YOUTHS
from mentorat.core.demo.pair_life import PAIRS
from programmes.enums import ConsentDecision, LabelStatus, ParticipantStatus, StaffRole
from programmes.models import (
    Association,
    LabelDecision,
    MentorProfile,
    ParentalConsent,
    Programme,
    StaffMembership,
    YouthProfile,
)

pytestmark = pytest.mark.django_db

COORDINATOR = "coordination@demo.mentorat.local"
SECOND_COORDINATOR = "coordination.article1@demo.mentorat.local"
MINISTRY = "ministere@demo.mentorat.local"


def snapshot():
    return (
        sorted(Association.objects.values_list("name", "label_status")),
        Programme.objects.count(),
        sorted(User.objects.values_list("email", "role", "first_name", "last_name")),
        sorted(StaffMembership.objects.values_list("user__email", "association__name", "role")),
        sorted(YouthProfile.objects.values_list("user__email", "status", "birth_date")),
        sorted(MentorProfile.objects.values_list("user__email", "status", "attestation_date")),
        ParentalConsent.objects.count(),
        EmailAddress.objects.count(),
        LabelDecision.objects.count(),
        sorted(Pair.objects.values_list("youth__user__email", "mentor__user__email", "status")),
        PairEvent.objects.count(),
    )


@pytest.fixture
def seeded():
    call_command("seed_demo")


def test_seed_demo_loads_the_associations_and_one_account_per_role(capsys):
    call_command("seed_demo")

    associations, programmes, users, memberships, *_ = snapshot()
    assert ("Chemins d'avenir", "labelled") in associations
    assert programmes == len(associations) == 10
    assert {role for _, role, *_ in users} == set(Role.values)
    assert memberships == [
        (SECOND_COORDINATOR, "Article 1", StaffRole.COORDINATOR),
        (COORDINATOR, "Afev", StaffRole.COORDINATOR),
        ("referent@demo.mentorat.local", "Afev", StaffRole.REFERENT),
    ]
    output = capsys.readouterr().out
    assert COORDINATOR in output and DEMO_PASSWORD in output
    assert SECOND_COORDINATOR in output and "Article 1" in output
    assert "referent@demo.mentorat.local" in output and "jeune63@demo.mentorat.local" in output


def test_seed_demo_twice_changes_nothing(seeded):
    before = snapshot()
    call_command("seed_demo")
    assert snapshot() == before


def test_every_association_was_labelled_by_the_ministry_and_covers_its_departements(seeded):
    ministry = User.objects.get(email=MINISTRY)
    for association in Association.objects.prefetch_related("departements", "programmes"):
        [decision] = association.label_decisions.all()
        assert (decision.status, decision.decided_by) == (LabelStatus.LABELLED, ministry)
        assert decision.campaign_year and decision.funding_euros
        covered = set(association.departements.values_list("code", flat=True))
        assert covered, association
        [programme] = association.programmes.all()
        assert set(programme.departements.values_list("code", flat=True)) == covered


def test_the_showcase_youth_and_mentor_are_in_a_pair_under_way(seeded):
    pair = Pair.objects.select_related("youth__user", "mentor__user").get(
        youth__user__email="jeune@demo.mentorat.local"
    )
    coordinator = User.objects.get(email=COORDINATOR)
    assert pair.mentor.user.email == "mentor@demo.mentorat.local"
    assert pair.status == PairStatus.ACTIVE and pair.started_on is not None
    assert pair.explanation  # proposed with the engine's reasons, as staff do by hand
    steps = list(pair.events.values_list("to_status", "by__email"))
    assert steps == [
        (PairStatus.APPROVED, COORDINATOR),
        (PairStatus.APPROVED, "mentor@demo.mentorat.local"),
        (PairStatus.ACTIVE, "jeune@demo.mentorat.local"),
    ]
    assert pair.youth.status == pair.mentor.status == ParticipantStatus.READY
    assert pair.youth.reviewed_by == pair.mentor.reviewed_by == coordinator
    assert pair.mentor.has_valid_attestation()
    assert pair.mentor.referent.email == "referent@demo.mentorat.local"
    assert pair.mentor.open_pairs == 1


def test_enough_people_across_france_for_matching(seeded):
    # 63 and the showcase youth, and the people of the pair-life demo's pairs; beside them the
    # history's (test_demo_history.py), who are not in this crowd.
    pair_life_mentors = {situation.mentor.email for situation in PAIRS}
    assert YouthProfile.objects.count() == 64 + len(PAIRS) + HISTORY_YOUTHS
    crowd = ~Q(user__email__startswith="historique.")
    assert YouthProfile.objects.filter(crowd).count() == 64 + len(PAIRS)
    assert MentorProfile.objects.filter(crowd).count() == 32 + len(pair_life_mentors)
    attached = YouthProfile.objects.filter(crowd).exclude(programme=None)
    departements = set(attached.values_list("departement", flat=True))
    assert {"75", "93", "69", "59", "13", "974"} <= departements
    mentors = MentorProfile.objects.filter(crowd).exclude(programme=None)
    assert set(mentors.values_list("departement", flat=True)) == departements
    associations = attached.values_list("programme__association__name", flat=True)
    assert len(set(associations)) == 4


def test_some_wait_where_no_programme_is_open(seeded):
    waiting = YouthProfile.objects.filter(status=ParticipantStatus.WAITING_LIST)
    assert waiting.count() == 3 and not waiting.exclude(programme=None).exists()
    assert set(waiting.values_list("departement", flat=True)) == {"33", "2A"}
    assert MentorProfile.objects.filter(status=ParticipantStatus.WAITING_LIST).count() == 1
    assert not Programme.objects.filter(departements__in=["33", "2A"]).exists()


def test_the_coordinator_works_for_the_association_with_the_most_people(seeded):
    busiest = (
        Association.objects.annotate(youths=Count("programmes__youthprofiles"))
        .order_by("-youths")
        .first()
    )
    assert StaffMembership.objects.get(user__email=COORDINATOR).association == busiest
    ready_mentors = MentorProfile.objects.ready().for_association(busiest)
    assert ready_mentors.exists()
    assert not ready_mentors.filter(referent=None).exists()  # each followed by the referent


def test_the_second_association_s_people_were_reviewed_by_its_own_coordinator(seeded):
    article_1 = Association.objects.get(name="Article 1")
    coordinator = User.objects.get(email=SECOND_COORDINATOR)
    reviewed = YouthProfile.objects.for_association(article_1).exclude(reviewed_at=None)
    assert reviewed.exists()
    assert set(reviewed.values_list("reviewed_by", flat=True)) == {coordinator.pk}
    ready_mentors = MentorProfile.objects.ready().for_association(article_1)
    assert set(ready_mentors.values_list("referent", flat=True)) == {coordinator.pk}


def test_people_in_every_state(seeded):
    youths = YouthProfile.objects.all()
    assert youths.pending_review().count() >= 20
    assert youths.ready().count() >= 20
    assert not youths.filter(status=ParticipantStatus.REJECTED, status_reason="").exists()
    assert youths.filter(status=ParticipantStatus.REJECTED).count() == 3

    awaiting = youths.get(status=ParticipantStatus.AWAITING_CONSENT)
    assert awaiting.needs_parental_consent and not awaiting.is_matchable
    assert awaiting.consent_requests.get().is_open
    # The crowd's youth whose parent agreed (the history's under-15s have their parent's too).
    consented = ParentalConsent.objects.get(
        decision=ConsentDecision.GIVEN, youth__user__email__startswith="jeune"
    ).youth
    assert consented.needs_parental_consent and consented.is_matchable

    duplicate = youths.get(possible_duplicate_of__isnull=False)
    original = duplicate.possible_duplicate_of
    assert (duplicate.user.last_name, duplicate.birth_date) == (
        original.user.last_name,
        original.birth_date,
    )
    assert duplicate.association != original.association
    assert youths.filter(criteria_changed_at__isnull=False).count() == 1

    mentors = list(MentorProfile.objects.ready())
    with_valid = [mentor for mentor in mentors if mentor.has_valid_attestation()]
    assert 0 < len(with_valid) < len(mentors)
    assert MentorProfile.objects.pending_review().exists()
    assert {mentor.capacity for mentor in mentors} == {1, 2, 3}


def test_staff_find_what_they_check_before_a_review(seeded):
    unconfirmed = YouthProfile.objects.with_email_confirmed().filter(email_confirmed=False)
    assert unconfirmed.count() == 2
    assert set(unconfirmed.values_list("status", flat=True)) == {ParticipantStatus.PENDING_REVIEW}
    assert set(unconfirmed.values_list("programme__association__name", flat=True)) == {"Afev"}
    pending = MentorProfile.objects.pending_review()
    declared = [mentor for mentor in pending if mentor.attestation_declared_only]
    assert declared and not pending.exclude(attestation_checked_at=None).exists()


def test_every_demo_account_can_log_in(seeded, client):
    assert client.login(email="jeune@demo.mentorat.local", password=DEMO_PASSWORD)
    assert client.login(email="mentor17@demo.mentorat.local", password=DEMO_PASSWORD)
    assert EmailAddress.objects.count() == User.objects.count()
    assert EmailAddress.objects.filter(verified=False).count() == 2


def test_seed_demo_refuses_to_run_in_production(settings):
    from django.core.management.base import CommandError

    settings.ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="pas en production"):
        call_command("seed_demo")
