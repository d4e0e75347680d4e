import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import Count

from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from mentorat.core.demo import DEMO_PASSWORD
from programmes.enums import ConsentDecision, ParticipantStatus, StaffRole
from programmes.models import (
    Association,
    MentorProfile,
    ParentalConsent,
    Programme,
    StaffMembership,
    YouthProfile,
)

pytestmark = pytest.mark.django_db

COORDINATOR = "coordination@demo.mentorat.local"


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
        (COORDINATOR, "Afev", StaffRole.COORDINATOR),
        ("referent@demo.mentorat.local", "Afev", StaffRole.REFERENT),
    ]
    output = capsys.readouterr().out
    assert COORDINATOR in output and DEMO_PASSWORD in output
    assert "referent@demo.mentorat.local" in output and "jeune60@demo.mentorat.local" in output


def test_seed_demo_twice_changes_nothing(seeded):
    before = snapshot()
    call_command("seed_demo")
    assert snapshot() == before


def test_enough_people_across_france_for_matching(seeded):
    assert YouthProfile.objects.count() == 60
    assert MentorProfile.objects.count() == 30
    departements = set(YouthProfile.objects.values_list("departement", flat=True))
    assert {"75", "93", "69", "59", "13", "974"} <= departements
    assert set(MentorProfile.objects.values_list("departement", flat=True)) == departements
    associations = YouthProfile.objects.values_list("programme__association__name", flat=True)
    assert len(set(associations)) == 4


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


def test_people_in_every_state(seeded):
    youths = YouthProfile.objects.all()
    assert youths.pending_review().count() >= 20
    assert youths.ready().count() >= 20
    assert not youths.filter(status=ParticipantStatus.REJECTED, status_reason="").exists()
    assert youths.filter(status=ParticipantStatus.REJECTED).count() == 3

    awaiting = youths.get(status=ParticipantStatus.AWAITING_CONSENT)
    assert awaiting.needs_parental_consent and not awaiting.is_matchable
    assert awaiting.consent_requests.get().is_open
    consented = ParentalConsent.objects.get(decision=ConsentDecision.GIVEN).youth
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


def test_every_demo_account_can_log_in(seeded, client):
    assert client.login(email="jeune@demo.mentorat.local", password=DEMO_PASSWORD)
    assert client.login(email="mentor17@demo.mentorat.local", password=DEMO_PASSWORD)
    assert not EmailAddress.objects.filter(verified=False).exists()
    assert EmailAddress.objects.count() == User.objects.count()


def test_seed_demo_refuses_to_run_in_production(settings):
    from django.core.management.base import CommandError

    settings.ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="pas en production"):
        call_command("seed_demo")
