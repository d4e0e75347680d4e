"""Demo data for a first run: the associations named in the programme's launch, a programme
each, and one account per role. Idempotent: running it again changes nothing."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from mentorat.accounts.enums import Role
from programmes import flags
from programmes.enums import LabelStatus, Need, StaffRole
from programmes.models import Association, Departement, Programme, StaffMembership

DEMO_PASSWORD = "demo-mentorat-2026"

# As named by the first national mentoring committee (May 2021).
LABELLED_ASSOCIATIONS = [
    "Afev",
    "Anaf",
    "ARPEJEH",
    "Article 1",
    "Capital Filles",
    "Chemins d'avenir",
    "Collectif Powa",
    "C Possible",
    "Duo for a job",
    "Ecti-EGEE-OTECI-AgirAbdc",
]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    role: Role


DEMO_ACCOUNTS = [
    DemoAccount("jeune@demo.mentorat.local", "Inès", "Martin", Role.YOUTH),
    DemoAccount("mentor@demo.mentorat.local", "Karim", "Durand", Role.MENTOR),
    DemoAccount("coordination@demo.mentorat.local", "Claire", "Petit", Role.STAFF),
    DemoAccount("ministere@demo.mentorat.local", "Paul", "Bernard", Role.MINISTRY),
]


@transaction.atomic
def seed_demo() -> list[DemoAccount]:
    associations = [_labelled_association(name) for name in LABELLED_ASSOCIATIONS]
    for account in DEMO_ACCOUNTS:
        user = _account(account)
        if account.role == Role.STAFF:
            StaffMembership.objects.get_or_create(
                user=user, association=associations[0], defaults={"role": StaffRole.COORDINATOR}
            )
    return DEMO_ACCOUNTS


def _labelled_association(name: str) -> Association:
    slug = slugify(name)
    association, _ = Association.objects.get_or_create(
        slug=slug, defaults={"name": name, "label_status": LabelStatus.LABELLED}
    )
    programme, created = Programme.objects.get_or_create(
        slug=f"{slug}-mentorat",
        defaults={
            "association": association,
            "name": f"Mentorat {name}",
            "description": "Programme de mentorat de l'association.",
            "needs": flags.full_mask(Need),
        },
    )
    if created:
        programme.departements.set(Departement.objects.all())
    return association


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
