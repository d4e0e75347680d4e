"""Demo data for a first run: the associations named in the programme's launch, labelled by
the ministry, a programme each; one account per role, a second association with its own
coordinator; youths and mentors across France for the associations to vet and match; and the
showcase youth and mentor in a pair under way, and a year of the programme's history behind them
for the dashboards (history.py). Idempotent: running it again changes nothing.

What a person does on the site is done here by the same functions (labelling, sign-up,
review, proposal, answers); only the crowd of youths and mentors is written in bulk, to keep
the first run fast."""

from django.db import transaction

from evaluations.demo import seed_evaluations_demo
from programmes.enums import StaffRole

from .accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoAccount, demo_accounts
from .associations import STAFFED_ASSOCIATION, demo_associations
from .history import HISTORY_YOUTHS, seed_history
from .pair_life import seed_pair_life
from .people import PEOPLE_PER_ASSOCIATION, WAITING_LIST, demo_people
from .showcase import Showcase, showcase_pair

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_PASSWORD",
    "PEOPLE_PER_ASSOCIATION",
    "WAITING_LIST",
    "DemoAccount",
    "HISTORY_YOUTHS",
    "Showcase",
    "seed_demo",
]


@transaction.atomic
def seed_demo(*, history: bool = True) -> list[DemoAccount]:
    """``history``: also the year of pairs behind the dashboards (tests of other parts of the
    demo leave it out, for speed)."""
    users = demo_accounts()
    ministry = next(users[a.email] for a in DEMO_ACCOUNTS if a.role == "ministry")
    associations = demo_associations(ministry=ministry)
    staff = {}  # association name -> {staff role: user}
    for account in DEMO_ACCOUNTS:
        if account.association:
            associations[account.association].memberships.get_or_create(
                user=users[account.email], defaults={"role": account.staff_role}
            )
            staff.setdefault(account.association, {})[account.staff_role] = users[account.email]
    programmes = {
        name: association.programmes.order_by("pk").first()
        for name, association in associations.items()
    }
    demo_people(programmes, staff=staff)
    afev = staff[STAFFED_ASSOCIATION]
    showcase = showcase_pair(
        youth_user=users["jeune@demo.mentorat.local"],
        mentor_user=users["mentor@demo.mentorat.local"],
        programme=programmes[STAFFED_ASSOCIATION],
        coordinator=afev[StaffRole.COORDINATOR],
        referent=afev[StaffRole.REFERENT],
    )
    seed_pair_life(showcase)
    # Questionnaires, meeting evaluations and follow-up on the pairs that started.
    seed_evaluations_demo()
    if history:
        seed_history(programmes, staff=staff, ministry=ministry)
    return DEMO_ACCOUNTS
