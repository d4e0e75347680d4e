"""The printed demo logins: one per role, and a coordinator for a second association."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from mentorat.accounts.enums import Role
from programmes.enums import StaffRole

DEMO_PASSWORD = "demo-mentorat-2026"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    role: Role
    staff_role: StaffRole | None = None
    association: str = ""  # staff: the association they work for

    @property
    def description(self) -> str:
        if not self.staff_role:
            return str(self.role.label)
        return f"{self.role.label} ({self.staff_role.label}, {self.association})"


DEMO_ACCOUNTS = [
    DemoAccount("jeune@demo.mentorat.local", "Inès", "Martin", Role.YOUTH),
    DemoAccount("mentor@demo.mentorat.local", "Karim", "Durand", Role.MENTOR),
    DemoAccount(
        "coordination@demo.mentorat.local",
        "Claire",
        "Petit",
        Role.STAFF,
        StaffRole.COORDINATOR,
        "Afev",
    ),
    DemoAccount(
        "referent@demo.mentorat.local",
        "Julien",
        "Moreau",
        Role.STAFF,
        StaffRole.REFERENT,
        "Afev",
    ),
    # A second association's coordinator: each association sees its own people only.
    DemoAccount(
        "coordination.article1@demo.mentorat.local",
        "Sophie",
        "Laurent",
        Role.STAFF,
        StaffRole.COORDINATOR,
        "Article 1",
    ),
    DemoAccount("ministere@demo.mentorat.local", "Paul", "Bernard", Role.MINISTRY),
]


def demo_accounts() -> dict:
    """The accounts of DEMO_ACCOUNTS by email, their addresses confirmed."""
    return {account.email: _account(account) for account in DEMO_ACCOUNTS}


def _account(account: DemoAccount):
    user, created = get_user_model().objects.get_or_create(
        email=account.email,
        defaults={
            "first_name": account.first_name,
            "last_name": account.last_name,
            "role": account.role,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=account.email, defaults={"verified": True, "primary": True}
    )
    return user
