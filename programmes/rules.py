"""The national programme's minimums (a programme may ask for more, never less), and the
dates that decide who is a minor, who needs a parent's consent, whose attestation is valid.

The dates are computed here once; the QuerySet methods (``programmes.models.querysets``) turn
them into SQL for the batch loader and the lists, the model properties compare with them.
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

MIN_DURATION_MONTHS = 6
MAX_INTERVAL_WEEKS = 6
MIN_MEETING_MINUTES = 90
MIN_AGE = 13
MAX_AGE = 30
ADULT_AGE = 18
# Under this age a parent or guardian consents too (French law on minors' data).
JOINT_CONSENT_AGE = 15
# An honorability attestation is valid 6 months (the 31st of a shorter month: its last day).
ATTESTATION_VALIDITY = relativedelta(months=6)


def born_at_least(years: int, today: date) -> date:
    """The latest birth date of someone at least ``years`` old on ``today`` (a 29 February
    birthday falls on 28 February in other years)."""
    return today - relativedelta(years=years)


def adult_if_born_by(today: date) -> date:
    return born_at_least(ADULT_AGE, today)


def own_consent_if_born_by(today: date) -> date:
    """Born on or before this day: old enough to consent alone (no parent needed)."""
    return born_at_least(JOINT_CONSENT_AGE, today)


def attestation_valid_until(attestation_date: date) -> date:
    return attestation_date + ATTESTATION_VALIDITY


def attestation_valid_from(today: date) -> date:
    """The oldest attestation date still valid on ``today``: valid iff dated on or after it.

    Not simply ``today - 6 months``: month ends make ``+ 6 months`` clip (30 September + 6
    months is 30 March), so the boundary is searched around it, with the same arithmetic as
    :func:`attestation_valid_until`.
    """
    day = today - ATTESTATION_VALIDITY
    while attestation_valid_until(day) < today:
        day += timedelta(days=1)
    while attestation_valid_until(day - timedelta(days=1)) >= today:
        day -= timedelta(days=1)
    return day
