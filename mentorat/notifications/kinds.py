"""The kinds of notification the platform sends, registered by the apps that send them.

A kind is *essential* when nobody may turn its email off (a safeguarding alert to a referent,
an expired honorability attestation); every other kind can be kept to the in-site list, per
person, from the preferences page or the one-click link in its emails.

`renew`, when given, is called as the email is made (never before, never twice for the same
notification): it returns extra context and the secrets the email carries, so that a link
that must stay secret (a parent's consent) is made fresh and kept out of the stored bodies.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from mentorat.accounts.enums import Role


@dataclass(frozen=True)
class Kind:
    code: str
    label: str  # lazy, French: "Rencontre à prévoir"
    roles: tuple[str, ...]  # who may receive it (Role values; "" for a parent without account)
    essential: bool = False
    renew: Callable | None = field(default=None, compare=False)


KINDS: dict[str, Kind] = {}


def register(*kinds: Kind) -> None:
    for kind in kinds:
        KINDS[kind.code] = kind


def kind_of(code: str) -> Kind | None:
    return KINDS.get(code)


def choosable_for(user) -> list[Kind]:
    """The kinds this person may receive whose email they may turn off."""
    role = user.role or Role.STAFF
    return [kind for kind in KINDS.values() if not kind.essential and role in kind.roles]
