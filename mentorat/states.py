"""What every app's states share: the refusal of a change, and counting rows by state.

Below the domain apps (any of them may import it): a model's states are ``TextChoices`` in its
app's ``enums.py``, its transitions named methods that raise :class:`InvalidTransition`.
"""

from collections.abc import Iterable

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
