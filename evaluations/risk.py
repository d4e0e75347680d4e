"""Which followed pairs need the referent first: the signals of risk on each pair, and when
its next follow-up contact is due. One query for any number of pairs."""

from dataclasses import dataclass, field
from datetime import date

from .models import contact_due, with_contacts
from .models.followup import ContactDue


@dataclass(frozen=True)
class Signal:
    code: str
    label: str
    weight: int


@dataclass
class FollowUpRow:
    pair: object
    contact: ContactDue
    signals: list[Signal] = field(default_factory=list)

    @property
    def risk(self) -> int:
        return sum(signal.weight for signal in self.signals)


def signals_of(pair) -> list[Signal]:
    return []


def follow_up_rows(pairs, *, today: date) -> list[FollowUpRow]:
    """The pairs, riskiest first, then by the date their next contact is due."""
    pairs = with_contacts(pairs).select_related(
        "programme", "youth__user", "mentor__user", "mentor__referent"
    )
    rows = [
        FollowUpRow(
            pair=pair,
            contact=contact_due(
                started_on=pair.started_on,
                contact_count=pair.contact_count,
                last_contact_on=pair.last_contact_on,
                today=today,
            ),
            signals=signals_of(pair),
        )
        for pair in pairs
    ]
    rows.sort(key=lambda row: (-row.risk, row.contact.due_on, row.pair.pk))
    return rows
