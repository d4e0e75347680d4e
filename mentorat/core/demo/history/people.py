"""The history's youths and mentors, written in bulk: accounts, profiles, parents' consents."""

from collections import defaultdict

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from mentorat.accounts.enums import Role
from programmes import flags, rules
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
from programmes.models.participants import age_on

from ..people import EXPECTATIONS, FIRST_NAMES, LAST_NAMES, PROFESSIONS
from .plan import BATCH, DOMAIN, POSTAL_CODES, PlannedMentor, at, days


def _situation(rng, age: int) -> Situation:
    if age < 15:
        return Situation.MIDDLE_SCHOOL
    if age < 18:
        return rng.choice([Situation.HIGH_SCHOOL] * 5 + [Situation.NEET])
    return rng.choices(
        [Situation.HIGHER_EDUCATION, Situation.JOB_SEEKING, Situation.NEET, Situation.EMPLOYED,
         Situation.HIGH_SCHOOL],
        weights=[36, 30, 14, 14, 6],
    )[0]  # fmt: skip


def _needs(rng, age: int) -> list:
    if age < 16:
        pool, weights = [Need.ORIENTATION, Need.INTERNSHIP, Need.DISCOVER_WORK,
                         Need.SELF_CONFIDENCE], [4, 3, 3, 2]  # fmt: skip
    else:
        pool = [Need.EMPLOYMENT, Need.ORIENTATION, Need.APPRENTICESHIP, Need.INTERNSHIP,
                Need.SELF_CONFIDENCE, Need.DISCOVER_WORK, Need.BACK_TO_SCHOOL]  # fmt: skip
        weights = [33, 24, 12, 10, 10, 7, 4]
    needs = []
    for _ in range(rng.randint(1, 3)):
        need = rng.choices(pool, weights=weights)[0]
        if need not in needs:
            needs.append(need)
    return needs


def _users(people: list, *, role, password, key: str) -> list:
    User = get_user_model()
    users = User.objects.bulk_create(
        (
            User(
                email=f"historique.{key}{number:03d}@{DOMAIN}",
                first_name=first_name,
                last_name=last_name,
                role=role,
                password=password,
                date_joined=joined,
            )
            for number, first_name, last_name, joined in people
        ),
        batch_size=BATCH,
    )
    EmailAddress.objects.bulk_create(
        (EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users),
        batch_size=BATCH,
    )
    return users


def _common(rng, departement: str, signed_up) -> dict:
    return {
        "departement_id": departement,
        "postal_code": POSTAL_CODES[departement],
        "format": rng.choice(Format.values),
        "availability": flags.mask_of(Slot, rng.sample(Slot.values, rng.randint(2, 5))),
        "languages": flags.mask_of(
            Language,
            [Language.FRENCH, Language.CREOLE]
            if departement in ("971", "974")
            else [Language.FRENCH],
        ),
        "charter_accepted_at": signed_up,
        "created_at": signed_up,
        "created_on": timezone.localdate(signed_up),
        "status": ParticipantStatus.READY,
    }


def create_youths(rng, youths, programmes, staff, password, today) -> None:
    users = _users(
        [(y.number, y.first_name, y.last_name, y.signed_up) for y in youths],
        role=Role.YOUTH,
        password=password,
        key="jeune",
    )
    profiles = []
    for youth, user in zip(youths, users, strict=True):
        signup_day = timezone.localdate(youth.signed_up)
        birth = signup_day - days(round(youth.age_at_signup * 365.25) + rng.randint(20, 340))
        age_now = age_on(birth, today)
        minor_at_signup = youth.age_at_signup < rules.JOINT_CONSENT_AGE
        profiles.append(
            YouthProfile(
                user=user,
                programme=programmes[youth.association],
                **_common(rng, youth.departement, youth.signed_up),
                gender=youth.gender,
                birth_date=birth,
                situation=_situation(rng, age_now),
                sector_of_interest=rng.choice(["", *Sector.values]),
                lives_in_qpv=rng.random() < 0.55,
                followed_by_mission_locale=age_now >= 16 and rng.random() < 0.28,
                at_risk_of_dropping_out=15 <= age_now <= 21 and rng.random() < 0.2,
                no_professional_network=rng.random() < 0.6,
                prefers_same_gender=rng.random() < 0.1,
                expectations=rng.choice(EXPECTATIONS),
                needs=flags.mask_of(Need, _needs(rng, age_now)),
                privacy_accepted_at=youth.signed_up,
                reviewed_by=staff.get(youth.association, {}).get(StaffRole.COORDINATOR),
                reviewed_at=youth.signed_up + days(rng.randint(2, 8)),
                parental_consent_given_at=youth.signed_up + days(1) if minor_at_signup else None,
            )
        )
    for youth, profile in zip(
        youths, YouthProfile.objects.bulk_create(profiles, batch_size=BATCH), strict=True
    ):
        youth.profile = profile
    # Under 15 at sign-up: a parent agreed, through the consent link.
    ParentalConsent.objects.bulk_create(
        ParentalConsent(
            youth=y.profile,
            guardian_name=f"Parent de {y.first_name} {y.last_name}",
            guardian_email=f"parent.{y.profile.user.email}",
            requested_at=y.signed_up,
            expires_at=y.signed_up + days(30),
            decision=ConsentDecision.GIVEN,
            decided_at=y.profile.parental_consent_given_at,
            requested_by=y.profile.user,
        )
        for y in youths
        if y.profile.parental_consent_given_at
    )


def create_mentors(rng, pairs, youths, programmes, staff, password, today) -> None:
    """Mentors where the pairs are, about one for two pairs, each pair given one; running pairs
    only to mentors with a place left, so that some keep free places."""
    groups = defaultdict(list)  # (association, département) -> mentors
    started = [pair for pair in pairs if pair.start]
    per_group = defaultdict(int)
    for pair in started:
        per_group[(pair.youth.association, pair.youth.departement)] += 1
    for youth in youths:  # the waiting ones' départements have mentors too
        per_group.setdefault((youth.association, youth.departement), 0)
    for (association, departement), count in per_group.items():
        for _ in range(max(1, round(count * 0.5))):
            capacity = rng.choices([1, 2, 3], weights=[3, 4, 3])[0]
            mentor = PlannedMentor(association, departement, capacity)
            groups[(association, departement)].append(mentor)
    for pair in sorted(started, key=lambda p: p.fate != "active"):
        group = groups[(pair.youth.association, pair.youth.departement)]
        if pair.fate == "active":
            free = [mentor for mentor in group if mentor.open_pairs < mentor.capacity]
            if not free:
                free = [PlannedMentor(pair.youth.association, pair.youth.departement, 3)]
                group.append(free[0])
            pair.mentor = rng.choice(free)
            pair.mentor.open_pairs += 1
        else:
            pair.mentor = rng.choice(group)
    for pair in pairs:
        if not pair.start:
            pair.mentor = rng.choice(groups[(pair.youth.association, pair.youth.departement)])

    mentors = [mentor for group in groups.values() for mentor in group]
    people = []
    for number, _mentor in enumerate(mentors, start=1):
        gender = rng.choice([Gender.FEMALE, Gender.MALE])
        joined = at(today - days(rng.randint(440, 520)), 12)
        people.append((number, rng.choice(FIRST_NAMES[gender]), rng.choice(LAST_NAMES), joined))
        _mentor.gender = gender
    users = _users(people, role=Role.MENTOR, password=password, key="mentor")
    profiles = []
    for mentor, user, (*_, joined) in zip(mentors, users, people, strict=True):
        team = staff.get(mentor.association, {})
        coordinator = team.get(StaffRole.COORDINATOR)
        profession, sector = rng.choice(PROFESSIONS)
        # Most renewed their attestation in the last months; a few let it lapse.
        attestation_date = today - days(rng.choice([rng.randint(5, 170)] * 9 + [200]))
        profiles.append(
            MentorProfile(
                user=user,
                programme=programmes[mentor.association],
                **_common(rng, mentor.departement, joined),
                gender=mentor.gender,
                needs=flags.full_mask(Need),
                profession=profession,
                sector=sector,
                years_of_experience=rng.randint(2, 35),
                capacity=mentor.capacity,
                open_pairs=mentor.open_pairs,
                attestation_date=attestation_date,
                attestation_recorded_on=today,
                attestation_checked_by=coordinator,
                attestation_checked_at=at(attestation_date, 10),
                referent=team.get(StaffRole.REFERENT, coordinator),
                reviewed_by=coordinator,
                reviewed_at=joined + days(3),
            )
        )
    for mentor, profile in zip(
        mentors, MentorProfile.objects.bulk_create(profiles, batch_size=BATCH), strict=True
    ):
        mentor.profile = profile
