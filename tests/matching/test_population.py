"""The batch loader decides minority, consent and attestation validity in the database: on
the boundary days it must agree with the people's own rules."""

import datetime

import pytest
from django.utils import timezone

from matching.population import load_mentees, load_mentors
from programmes import rules
from programmes.models import MentorProfile, YouthProfile
from programmes.models.participants import age_on
from tests.programmes.factories import MentorProfileFactory, YouthProfileFactory

pytestmark = pytest.mark.django_db

# Month ends, a leap day and the days around them: where "6 months" and "18 years" bend.
TRICKY_DAYS = [
    datetime.date(2026, 8, 31),
    datetime.date(2026, 9, 1),
    datetime.date(2026, 2, 28),
    datetime.date(2026, 3, 1),
    datetime.date(2028, 2, 29),
    datetime.date(2028, 3, 1),
    datetime.date(2027, 12, 31),
    datetime.date(2027, 4, 30),
]
FAR_FUTURE = datetime.date(2100, 1, 1)  # what the constraints compare dated fields with


def test_a_mentors_attestation_is_valid_for_the_batch_exactly_when_the_mentor_says_so():
    mentors = MentorProfileFactory.create_batch(24, ready=True, with_attestation=True)
    for today in TRICKY_DAYS:
        for offset, mentor in enumerate(mentors):
            mentor.attestation_date = today - datetime.timedelta(days=170 + offset)
            mentor.attestation_recorded_on = FAR_FUTURE
        MentorProfile.objects.bulk_update(mentors, ["attestation_date", "attestation_recorded_on"])

        loaded = load_mentors(MentorProfile.objects.filter(pk__in=[m.pk for m in mentors]), today)

        valid = dict(zip(loaded.ids.tolist(), loaded.has_attestation.tolist(), strict=True))
        expected = {mentor.pk: mentor.has_valid_attestation(today) for mentor in mentors}
        assert valid == expected, today
        assert 0 < sum(valid.values()) < len(mentors)  # the boundary lies within the range


def test_an_attestation_never_seen_by_staff_is_not_valid_for_the_batch():
    mentor = MentorProfileFactory(ready=True, attestation_date=timezone.localdate())
    assert mentor.attestation_checked_at is None
    assert not load_mentors(MentorProfile.objects.filter(pk=mentor.pk)).has_attestation[0]


def test_minority_and_consent_for_the_batch_are_the_youths_own_on_their_birthdays():
    youths = YouthProfileFactory.create_batch(8, ready=True)
    consented = youths[::2]
    YouthProfile.objects.filter(pk__in=[y.pk for y in consented]).update(
        parental_consent_given_at=timezone.now()
    )
    for today in TRICKY_DAYS:
        for number, youth in enumerate(youths):
            # Around the 18th birthday for half, around the 15th for the others.
            age = 18 if number < 4 else rules.JOINT_CONSENT_AGE
            youth.birth_date = age_years_before(today, age) + datetime.timedelta(
                days=number % 4 - 1
            )
            youth.created_on = FAR_FUTURE
        YouthProfile.objects.bulk_update(youths, ["birth_date", "created_on"])

        loaded = load_mentees(YouthProfile.objects.filter(pk__in=[y.pk for y in youths]), today)

        rows = {pk: row for row, pk in enumerate(loaded.ids.tolist())}
        for youth in youths:
            age = age_on(youth.birth_date, today)
            row = rows[youth.pk]
            assert loaded.is_minor[row] == (age < 18), (today, youth.birth_date)
            assert loaded.matchable[row] == (
                age >= rules.JOINT_CONSENT_AGE or youth in consented
            ), (today, youth.birth_date)


def age_years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
