"""How long the platform keeps personal data: the durations the privacy notice states and
the periodic tasks enforce (``mentorat.audit`` and ``mentorat.privacy``), written once.

Below every app, like ``mentorat.states``: the notice page reads the same numbers.
"""

from datetime import timedelta

# The audit trail (who read or changed a sensitive record): 12 months, as the CNIL advises
# for access logs; then the entries are deleted.
AUDIT_TRAIL = timedelta(days=365)

# An account nobody signed in to for 2 years is anonymised, after a warning by email sent
# 30 days before.
INACTIVE_ACCOUNT = timedelta(days=2 * 365)
INACTIVE_ACCOUNT_WARNING = timedelta(days=30)

# A closed pair's free-text notes (meeting notes, follow-up notes, closure comments) are
# removed 12 months after the pair ended; the pair itself stays counted, without names.
CLOSED_PAIR_NOTES = timedelta(days=365)

# The file of a youth whose sign-up the association refused is removed 6 months after the
# decision.
REJECTED_YOUTH_FILE = timedelta(days=183)


def months(duration: timedelta) -> int:
    """The duration as the notice says it, in whole months."""
    return round(duration.days / 30.44)
