"""One small programme with someone in every role, for the every-URL-by-every-role test.

Association A runs a programme with a coordinator, a referent, a youth and a mentor in a
running pair (with a logged meeting), a youth under 15 awaiting a parent's consent, a second
mentor in a pair of their own, a proposal awaiting staff, a matching batch, a pending
invitation. Association B has its own coordinator, programme and pair. The URLs of the rule
table are built from A's objects; the role "other_staff" is B's coordinator.
"""

from dataclasses import dataclass, field

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from evaluations.enums import QuestionnaireKind
from evaluations.models import Questionnaire
from matching.models import MatchingRun, Objective, Pair, PlannedMeeting
from mentorat.accounts.models import User
from mentorat.notifications.links import preference_token
from mentorat.notifications.models import Notification
from mentorat.reminders.kinds import CADENCE_LATE
from programmes.models import (
    Association,
    MentorProfile,
    ParentalConsent,
    Programme,
    StaffInvitation,
    StaffMembership,
    YouthProfile,
)
from tests.accounts.factories import UserFactory
from tests.matching.factories import MeetingFactory, ObjectiveFactory, PairFactory
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ParentalConsentFactory,
    ProgrammeFactory,
    StaffInvitationFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
)

# The roles every URL is requested with, in the order of the rule table's columns.
ROLES = (
    "anonymous",
    "youth",  # A's youth, in `pair`
    "youth_under_15",  # A's youth under 15, awaiting a parent's consent, in no pair
    "mentor",  # A's mentor, in `pair`
    "other_mentor",  # A's other mentor, in a pair of their own (not `pair`)
    "referent",  # A's referent, who follows `mentor`
    "coordinator",  # A's coordinator
    "other_staff",  # B's coordinator: A's objects are none of their business
    "ministry",  # a ministry administrator
    "superuser",  # Django's superuser (the technical admin)
)


@dataclass
class World:
    association: Association
    programme: Programme
    pair: Pair
    meeting: object
    objective: Objective
    planned: PlannedMeeting  # the pair's next meeting
    proposal: Pair
    youth: YouthProfile
    youth_under_15: YouthProfile
    unpaired_youth: YouthProfile
    mentor: MentorProfile
    consent: ParentalConsent
    consent_token: str
    invitation: StaffInvitation
    invitation_token: str
    referent_membership: StaffMembership
    questionnaire: Questionnaire  # A's own version of the start questionnaire
    run: MatchingRun
    national_run: MatchingRun
    other_association: Association
    other_programme: Programme
    notification: Notification  # the youth's, about their pair
    preference_token: str  # the youth's one-click link: no more "late" emails
    users: dict[str, User | None] = field(default_factory=dict)


def build_world() -> World:
    association = AssociationFactory()
    coordinator = StaffMembershipFactory(association=association).user
    referent_membership = StaffMembershipFactory(association=association, referent=True)
    referent = referent_membership.user
    programme = ProgrammeFactory(association=association)

    youth = YouthProfileFactory(programme=programme, ready=True)
    mentor = MentorProfileFactory(programme=programme, ready=True, referent=referent)
    pair = PairFactory(youth=youth, mentor=mentor, active=True)
    meeting = MeetingFactory(pair=pair)
    objective = ObjectiveFactory(pair=pair)
    planned = PlannedMeeting.objects.create(
        pair=pair,
        starts_at=timezone.now() + timezone.timedelta(days=7),
        place="Médiathèque",
        planned_by=mentor.user,
    )

    other_mentor = MentorProfileFactory(programme=programme, ready=True, referent=referent)
    PairFactory(
        youth=YouthProfileFactory(programme=programme, ready=True), mentor=other_mentor, active=True
    )
    unpaired_youth = YouthProfileFactory(programme=programme, ready=True)
    proposal = PairFactory(
        youth=YouthProfileFactory(programme=programme, ready=True), mentor=other_mentor
    )

    youth_under_15 = YouthProfileFactory(programme=programme, under_15=True)
    consent = ParentalConsentFactory(youth=youth_under_15)
    invitation = StaffInvitationFactory(association=association, invited_by=coordinator)

    platform = Questionnaire.objects.current(kind=QuestionnaireKind.START)
    questionnaire = Questionnaire.publish(
        kind=QuestionnaireKind.START,
        association=association,
        items=platform.items.values("code", "dimension", "kind", "text"),
        by=coordinator,
    )
    run = MatchingRun.objects.create(scope="programme", programme=programme, started_by=coordinator)
    ministry = UserFactory(ministry=True)
    national_run = MatchingRun.objects.create(scope="national", started_by=ministry)

    other_association = AssociationFactory()
    other_staff = StaffMembershipFactory(association=other_association).user
    other_programme = ProgrammeFactory(association=other_association)
    PairFactory(youth__programme=other_programme, active=True)

    notification = Notification.objects.create(
        key="world:late",
        kind=CADENCE_LATE,
        recipient=youth.user,
        email=youth.user.email,
        title="Rencontre en retard",
        url=f"/binomes/{pair.pk}/",
    )
    superuser = User.objects.create_superuser(
        email="technique@exemple.fr", password="un-mot-de-passe-solide"
    )
    users = {
        "anonymous": None,
        "youth": youth.user,
        "youth_under_15": youth_under_15.user,
        "mentor": mentor.user,
        "other_mentor": other_mentor.user,
        "referent": referent,
        "coordinator": coordinator,
        "other_staff": other_staff,
        "ministry": ministry,
        "superuser": superuser,
    }
    # Those who must have two factors have them (the walk runs with MFA_REQUIRED on).
    for user in users.values():
        if user is not None and user.has_protected_account:
            TOTP.activate(user, generate_totp_secret())
            RecoveryCodes.activate(user)
    return World(
        association=association,
        programme=programme,
        pair=pair,
        meeting=meeting,
        objective=objective,
        planned=planned,
        proposal=proposal,
        youth=youth,
        youth_under_15=youth_under_15,
        unpaired_youth=unpaired_youth,
        mentor=mentor,
        consent=consent,
        consent_token=consent.token,
        invitation=invitation,
        invitation_token=invitation.token,
        referent_membership=referent_membership,
        questionnaire=questionnaire,
        run=run,
        national_run=national_run,
        other_association=other_association,
        other_programme=other_programme,
        notification=notification,
        preference_token=preference_token(user_id=youth.user.pk, kind=CADENCE_LATE),
        users=users,
    )
