from mentorat.states import InvalidTransition  # lives in mentorat.states; re-exported

from .associations import (
    Association,
    Departement,
    LabelDecision,
    Programme,
    StaffInvitation,
    StaffMembership,
)
from .consent import ParentalConsent, check_guardian_email
from .participants import MentorProfile, YouthProfile

__all__ = [
    "Association",
    "Departement",
    "InvalidTransition",
    "LabelDecision",
    "MentorProfile",
    "ParentalConsent",
    "Programme",
    "StaffInvitation",
    "StaffMembership",
    "YouthProfile",
    "check_guardian_email",
]
