"""The national programme's minimums (a programme may ask for more, never less)."""

MIN_DURATION_MONTHS = 6
MAX_INTERVAL_WEEKS = 6
MIN_MEETING_MINUTES = 90
MIN_AGE = 13
MAX_AGE = 30
# Under this age a parent or guardian consents too (French law on minors' data).
JOINT_CONSENT_AGE = 15
