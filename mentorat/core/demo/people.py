"""The crowd: youths and mentors across France in every state a review can leave them, written
in bulk (a first run stays fast), and a few on the national waiting list."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from mentorat.accounts.enums import Role
from programmes import flags
from programmes.enums import (
    ConsentDecision,
    Format,
    Gender,
    Language,
    Need,
    ParticipantStatus,
    Sector,
    Situation,
    Slot,
    StaffRole,
)
from programmes.models import MentorProfile, ParentalConsent, YouthProfile
from programmes.models.participants import CONSENT_VALIDITY

from .accounts import DEMO_PASSWORD
from .associations import STAFFED_ASSOCIATION

# Youths and mentors per association. The demo staff work for the first, which has the most.
PEOPLE_PER_ASSOCIATION = {
    "Afev": (24, 12),
    "Article 1": (12, 6),
    "Duo for a job": (12, 6),
    "Chemins d'avenir": (12, 6),
}

# Where the demo people live: a département and some of its postal codes.
PLACES = [
    ("75", ["75011", "75013", "75018", "75020"]),
    ("93", ["93100", "93200", "93300"]),
    ("69", ["69003", "69008", "69100"]),
    ("59", ["59000", "59100", "59200"]),
    ("13", ["13001", "13013", "13015"]),
    ("974", ["97400", "97410", "97420"]),
]

FIRST_NAMES = {
    Gender.FEMALE: ["Amina", "Léa", "Chloé", "Fatou", "Sarah", "Manon", "Yasmine", "Camille"],
    Gender.MALE: ["Yanis", "Lucas", "Moussa", "Hugo", "Rayan", "Théo", "Mehdi", "Nathan"],
    Gender.OTHER: ["Alex", "Sacha", "Charlie"],
}
LAST_NAMES = [
    "Diallo",
    "Bernard",
    "Nguyen",
    "Robert",
    "Benali",
    "Lefebvre",
    "Traoré",
    "Garcia",
    "Payet",
    "Hoarau",
    "Moreau",
    "Fontaine",
    "Kone",
    "Rousseau",
    "Mercier",
    "Da Silva",
]
EXPECTATIONS = [
    "Quelqu’un qui m’aide à choisir mon orientation après le bac.",
    "Trouver une alternance dans le numérique et préparer les entretiens.",
    "Reprendre confiance en moi et savoir parler de mon parcours.",
    "Découvrir des métiers que je ne connais pas.",
    "Un stage de seconde : je ne connais personne dans les entreprises.",
    "Être aidé(e) pour écrire mon CV et ma lettre de motivation.",
    "Comprendre comment trouver un premier emploi près de chez moi.",
]
PROFESSIONS = [
    ("Développeuse web", Sector.IT),
    ("Comptable", Sector.FINANCE),
    ("Infirmier", Sector.HEALTH),
    ("Juriste", Sector.LAW),
    ("Chef de chantier", Sector.CONSTRUCTION),
    ("Professeure de mathématiques", Sector.EDUCATION),
    ("Responsable logistique", Sector.LOGISTICS),
    ("Ingénieure en énergie", Sector.INDUSTRY),
    ("Journaliste", Sector.COMMUNICATION),
    ("Commerciale", Sector.COMMERCE),
    ("Cuisinier", Sector.HOSPITALITY),
    ("Chercheuse en biologie", Sector.SCIENCE),
    ("Ébéniste", Sector.CRAFTS),
    ("Éducateur sportif", Sector.SPORT),
    ("Policière", Sector.PUBLIC_SERVICE),
]
# Staff write to a youth with "tu", to a mentor with "vous", in their own words too.
YOUTH_REJECTION_REASONS = [
    "Notre programme est complet pour cette année : une autre association labellisée "
    "pourra t’accompagner.",
    "Nous n’avons pas pu te joindre au numéro indiqué : réinscris-toi quand tu le souhaites.",
    "Ta situation correspond mieux à un accompagnement scolaire que nous ne proposons pas.",
]
MENTOR_REJECTION_REASONS = [
    "Notre programme a tous les mentors qu’il lui faut cette année : une autre association "
    "labellisée pourra vous accueillir.",
    "Nous n’avons pas pu vous joindre au numéro indiqué : réinscrivez-vous quand vous le "
    "souhaitez.",
    "Votre profil correspond mieux à un autre programme que nous ne proposons pas.",
]

# Situations the demo shows: numbers are each kind's 1-based order of creation.
YOUTH_AWAITING_CONSENT, YOUTH_CONSENTED, YOUTH_CRITERIA_CHANGED, YOUTH_DUPLICATE = 1, 2, 3, 4
YOUTHS_REJECTED = {5, 30, 45}
# Signed up, but nobody opened the confirmation link yet: staff see it before vetting them.
YOUTHS_UNCONFIRMED = {6, 8}
# The duplicate (with the staffed association) signed up first with the next association.
YOUTH_DUPLICATED = PEOPLE_PER_ASSOCIATION[STAFFED_ASSOCIATION][0] + 1
MENTORS_REJECTED = {7, 20}


@dataclass
class DemoPerson:
    email: str
    first_name: str
    last_name: str
    profile: dict = field(default_factory=dict)
    consent: ConsentDecision | None = None
    duplicate_of: str = ""  # the email of the youth they may be a second sign-up of
    email_confirmed: bool = True


# Where no programme is open: départements no association covers, so on the waiting list.
WAITING_LIST = {
    "youths": [("33", "33000"), ("33", "33800"), ("2A", "20000")],
    "mentors": [("33", "33300")],
}


def demo_people(programmes, *, staff) -> None:
    """The crowd of youths and mentors, once. ``staff``: association name -> {role: user}."""
    rng = random.Random(2021)  # the same people every time
    youths = _demo_youths(rng, programmes, staff=staff)
    mentors = _demo_mentors(rng, programmes, staff=staff)
    youths += _waiting(rng, len(youths), kind="youths")
    mentors += _waiting(rng, len(mentors), kind="mentors")
    _create_youths(youths)
    _create_people(mentors, role=Role.MENTOR, model=MentorProfile)


def _demo_youths(rng, programmes, *, staff) -> list[DemoPerson]:
    youths = []
    for association, (count, _) in PEOPLE_PER_ASSOCIATION.items():
        reviewer = staff.get(association, {}).get(StaffRole.COORDINATOR)
        for _ in range(count):
            number = len(youths) + 1
            youths.append(_demo_youth(rng, number, programmes[association], reviewer))
    duplicate, original = youths[YOUTH_DUPLICATE - 1], youths[YOUTH_DUPLICATED - 1]
    duplicate.first_name, duplicate.last_name = original.first_name, original.last_name
    duplicate.profile["birth_date"] = original.profile["birth_date"]
    duplicate.duplicate_of = original.email
    return youths


def _demo_youth(rng, number, programme, reviewer) -> DemoPerson:
    now, today = timezone.now(), timezone.localdate()
    gender = rng.choice([Gender.FEMALE, Gender.MALE, Gender.FEMALE, Gender.MALE, Gender.OTHER])
    under_15 = number in {YOUTH_AWAITING_CONSENT, YOUTH_CONSENTED}
    age = 14 if under_15 else rng.randint(15, 25)
    status, consent = ParticipantStatus.PENDING_REVIEW, None
    if number == YOUTH_AWAITING_CONSENT:
        status, consent = ParticipantStatus.AWAITING_CONSENT, ConsentDecision.PENDING
    elif number == YOUTH_CONSENTED:
        status, consent = ParticipantStatus.READY, ConsentDecision.GIVEN
    elif number in YOUTHS_REJECTED:
        status = ParticipantStatus.REJECTED
    elif number == YOUTH_CRITERIA_CHANGED or number % 2:
        status = ParticipantStatus.READY
    reviewed = status in {ParticipantStatus.READY, ParticipantStatus.REJECTED}
    # The parent asked for consent still has time to answer.
    signed_up = now - timedelta(
        days=2 if consent == ConsentDecision.PENDING else rng.randint(3, 60)
    )
    profile = {
        **_common_profile(rng, programme, signed_up),
        "gender": gender,
        "birth_date": _birth_date(today, age, rng),
        "situation": _situation(rng, age),
        "sector_of_interest": rng.choice(["", *Sector.values]),
        "lives_in_qpv": rng.random() < 0.4,
        "followed_by_mission_locale": age >= 16 and rng.random() < 0.3,
        "at_risk_of_dropping_out": rng.random() < 0.2,
        "no_professional_network": rng.random() < 0.6,
        "prefers_same_gender": rng.random() < 0.15,
        "expectations": rng.choice(EXPECTATIONS),
        "privacy_accepted_at": signed_up,
        "status": status,
        "status_reason": rng.choice(YOUTH_REJECTION_REASONS)
        if status == ParticipantStatus.REJECTED
        else "",
        "reviewed_by": reviewer if reviewed else None,
        "reviewed_at": signed_up + timedelta(days=2) if reviewed else None,
        "criteria_changed_at": now - timedelta(days=1)
        if number == YOUTH_CRITERIA_CHANGED
        else None,
    }
    return DemoPerson(
        email=f"jeune{number:02d}@demo.mentorat.local",
        first_name=rng.choice(FIRST_NAMES[gender]),
        last_name=rng.choice(LAST_NAMES),
        profile=profile,
        consent=consent,
        email_confirmed=number not in YOUTHS_UNCONFIRMED,
    )


def _demo_mentors(rng, programmes, *, staff) -> list[DemoPerson]:
    mentors = []
    for association, (_, count) in PEOPLE_PER_ASSOCIATION.items():
        team = staff.get(association, {})
        for _ in range(count):
            number = len(mentors) + 1
            mentors.append(_demo_mentor(rng, number, programmes[association], team))
    return mentors


def _demo_mentor(rng, number, programme, team) -> DemoPerson:
    now, today = timezone.now(), timezone.localdate()
    gender = rng.choice([Gender.FEMALE, Gender.MALE])
    profession, sector = rng.choice(PROFESSIONS)
    if number in MENTORS_REJECTED:
        status = ParticipantStatus.REJECTED
    else:
        status = ParticipantStatus.PENDING_REVIEW if number % 3 == 0 else ParticipantStatus.READY
    # Most attestations are recent, some expired, some not brought yet.
    if number % 5 == 4:
        attestation_date = None
    elif number % 5 == 2:
        attestation_date = today - relativedelta(months=8)
    else:
        attestation_date = today - timedelta(days=rng.randint(5, 150))
    reviewed = status != ParticipantStatus.PENDING_REVIEW
    signed_up = now - timedelta(days=rng.randint(3, 60))
    coordinator = team.get(StaffRole.COORDINATOR)
    # Staff see the attestation when they review the mentor; until then, the date is the one
    # the mentor declared at sign-up.
    seen = attestation_date is not None and reviewed
    profile = {
        **_common_profile(rng, programme, signed_up),
        "gender": gender,
        "profession": profession,
        "sector": sector,
        "years_of_experience": rng.randint(2, 35),
        "capacity": rng.randint(1, 3),
        "attestation_date": attestation_date,
        "attestation_recorded_on": today if attestation_date else None,
        "attestation_checked_by": coordinator if seen else None,
        "attestation_checked_at": signed_up + timedelta(days=2) if seen else None,
        "referent": team.get(StaffRole.REFERENT, coordinator)
        if status == ParticipantStatus.READY
        else None,
        "status": status,
        "status_reason": rng.choice(MENTOR_REJECTION_REASONS)
        if status == ParticipantStatus.REJECTED
        else "",
        "reviewed_by": coordinator if reviewed else None,
        "reviewed_at": signed_up + timedelta(days=2) if reviewed else None,
    }
    return DemoPerson(
        email=f"mentor{number:02d}@demo.mentorat.local",
        first_name=rng.choice(FIRST_NAMES[gender]),
        last_name=rng.choice(LAST_NAMES),
        profile=profile,
    )


def _waiting(rng, count_before: int, *, kind: str) -> list[DemoPerson]:
    """Signed up where no programme is open: the national waiting list."""
    people = []
    for number, (departement, postal_code) in enumerate(WAITING_LIST[kind], count_before + 1):
        if kind == "youths":
            person = _demo_youth(rng, number, None, None)
            person.profile["status"] = ParticipantStatus.WAITING_LIST
        else:
            person = _demo_mentor(rng, number, None, {})
            person.profile.update(
                status=ParticipantStatus.WAITING_LIST,
                attestation_checked_by=None,
                attestation_checked_at=None,
                referent=None,
            )
        person.profile.update(
            departement_id=departement, postal_code=postal_code, reviewed_by=None, reviewed_at=None
        )
        people.append(person)
    return people


def _common_profile(rng, programme, signed_up) -> dict:
    departement, postal_codes = rng.choice(PLACES)
    languages = [Language.FRENCH]
    if departement == "974":
        languages.append(Language.CREOLE)
    elif rng.random() < 0.4:
        languages.append(rng.choice([Language.ENGLISH, Language.ARABIC, Language.SPANISH]))
    return {
        "programme": programme,
        "postal_code": rng.choice(postal_codes),
        "departement_id": departement,
        "format": rng.choice(Format.values),
        "availability": flags.mask_of(Slot, rng.sample(Slot.values, rng.randint(2, 5))),
        "languages": flags.mask_of(Language, languages),
        "needs": flags.mask_of(Need, rng.sample(Need.values, rng.randint(1, 3))),
        "charter_accepted_at": signed_up,
        "created_at": signed_up,
    }


def _birth_date(today: date, age: int, rng) -> date:
    """A birth date giving this age today (between two birthdays, far from both)."""
    return today - timedelta(days=round(age * 365.25) + rng.randint(20, 340))


def _situation(rng, age: int) -> Situation:
    if age < 15:
        return Situation.MIDDLE_SCHOOL
    if age < 18:
        return Situation.HIGH_SCHOOL
    return rng.choice(
        [Situation.HIGHER_EDUCATION, Situation.JOB_SEEKING, Situation.NEET, Situation.EMPLOYED]
    )


def _create_youths(youths: list[DemoPerson]) -> None:
    created = {
        youth.user.email: youth
        for youth in _create_people(youths, role=Role.YOUTH, model=YouthProfile)
    }
    new = [person for person in youths if person.email in created]
    consents = ParentalConsent.objects.bulk_create(
        _parental_consent(created[person.email], person.consent) for person in new if person.consent
    )
    for consent in consents:
        if consent.decision == ConsentDecision.GIVEN:
            YouthProfile.objects.filter(pk=consent.youth_id).update(
                parental_consent_given_at=consent.decided_at
            )
    for person in new:
        if person.duplicate_of:
            YouthProfile.objects.filter(pk=created[person.email].pk).update(
                possible_duplicate_of=YouthProfile.objects.get(user__email=person.duplicate_of)
            )


def _parental_consent(youth: YouthProfile, decision: ConsentDecision) -> ParentalConsent:
    requested_at = youth.created_at
    return ParentalConsent(
        youth=youth,
        guardian_name=f"Parent de {youth.user.first_name} {youth.user.last_name}",
        guardian_email=f"parent.{youth.user.email}",
        requested_at=requested_at,
        expires_at=requested_at + CONSENT_VALIDITY,
        decision=decision,
        decided_at=requested_at + timedelta(days=1) if decision == ConsentDecision.GIVEN else None,
        requested_by=youth.user,
    )


def _create_people(people: list[DemoPerson], *, role: Role, model) -> list:
    """Accounts and profiles of those not created yet, in a few queries."""
    User = get_user_model()
    existing = set(
        User.objects.filter(email__in=[p.email for p in people]).values_list("email", flat=True)
    )
    missing = [person for person in people if person.email not in existing]
    if not missing:
        return []
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    users = User.objects.bulk_create(
        User(
            email=person.email,
            first_name=person.first_name,
            last_name=person.last_name,
            role=role,
            password=password,
            date_joined=person.profile["created_at"],
        )
        for person in missing
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=person.email_confirmed, primary=True)
        for user, person in zip(users, missing, strict=True)
    )
    return model.objects.bulk_create(
        model(user=user, **person.profile) for user, person in zip(users, missing, strict=True)
    )
