"""The mentors' place counter checked against the pairs themselves.

``MentorProfile.open_pairs`` is written only by ``take_places`` and ``release_place``
(``programmes.models.querysets``), in the same transaction as the pair change; this check
compares it with a count of each mentor's open pairs, for the periodic task and the command.
"""

import logging

from django.db.models import Count, F, Q

from programmes.models import MentorProfile

from .enums import OPEN_PAIR_STATUSES

logger = logging.getLogger(__name__)


def place_drift() -> dict[int, tuple[int, int]]:
    """{mentor id: (counter, open pairs)} for each mentor whose counter is wrong (one query)."""
    rows = (
        MentorProfile.objects.annotate(
            counted=Count("pairs", filter=Q(pairs__status__in=OPEN_PAIR_STATUSES))
        )
        .exclude(open_pairs=F("counted"))
        .values_list("pk", "open_pairs", "counted")
    )
    return {pk: (counter, counted) for pk, counter, counted in rows}


def report_place_drift() -> int:
    """Log each drift as an error (the counter is not changed: a drift is a bug to find)."""
    drift = place_drift()
    for mentor_id, (counter, counted) in sorted(drift.items()):
        logger.error(
            "Mentor %s: open_pairs is %s but %s pairs are open.", mentor_id, counter, counted
        )
    return len(drift)
