"""What every app's states share: the refusal of a change, and counting rows by state.

Below the domain apps (any of them may import it): a model's states are ``TextChoices`` in its
app's ``enums.py``, its transitions named methods that raise :class:`InvalidTransition`.
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet


class InvalidTransition(ValidationError):
    """A state change that the current state (or a rule) does not allow; says why in French."""


def counts_by_status(
    rows: QuerySet, statuses: Iterable[str], *, field: str = "status"
) -> dict[str, int]:
    """How many rows are in each of these states, zeros included, in one query."""
    counts = {
        str(status): Count("pk", filter=Q(**{field: status}), distinct=True) for status in statuses
    }
    return rows.order_by().aggregate(**counts)


class Transitions:
    """Which state may follow which: the one table a model's state machine is written in.

    Each transition is a named model method (``pair.approve(by=...)``, ``run.claim()``) that
    asks its table first, then writes the new state (and, where history matters, a dated
    event). States are the app's ``TextChoices``.
    """

    def __init__(self, table: Mapping[str, Iterable[str]]):
        self.table = {str(source): frozenset(targets) for source, targets in table.items()}

    def allows(self, source: str, target: str) -> bool:
        return target in self.table.get(str(source), frozenset())

    def sources_of(self, target: str) -> list[str]:
        """The states ``target`` may follow: what a conditional UPDATE claims from."""
        return [source for source, targets in self.table.items() if target in targets]

    def check(self, source: str, target: str, message) -> None:
        if not self.allows(source, target):
            raise InvalidTransition(message)
