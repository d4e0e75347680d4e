from .associations import (
    Association,
    Departement,
    InvalidTransition,
    LabelDecision,
    Programme,
    StaffInvitation,
    StaffMembership,
)
from .participants import MentorProfile, ParentalConsent, YouthProfile

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
]
