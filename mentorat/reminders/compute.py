"""What is due at a moment, and recording it: every rule, set-based (a bounded number of
queries whatever the number of pairs), then one bulk insert of notifications keyed by
(kind, object, period, recipient) so that each is recorded, and emailed, once only."""

from collections import Counter
from datetime import datetime

from django.conf import settings
from django.utils import translation

from mentorat.notifications.record import Due, not_yet_recorded, notifications_record

from .rules.common import Links, Moment, Staff, new_run
from .rules.consent import consent_reminders
from .rules.digest import staff_digests
from .rules.meetings import (
    meetings_to_answer,
    minimum_reached,
    planned_tomorrow,
    questionnaires,
    referent_signals,
)
from .rules.pairs import cadence_reminders, pairs_behind
from .rules.people import attestation_reminders


def reminders_due(now: datetime) -> list[Due]:
    """Everything due at ``now`` (recorded before or not), in French."""
    moment, links = Moment(now), Links()
    new_run()
    with translation.override(settings.LANGUAGE_CODE):
        staff = Staff()
        behind = pairs_behind(moment)
        dues = [
            *cadence_reminders(moment, behind, staff, links),
            *planned_tomorrow(moment, links),
            *questionnaires(moment, links),
            *minimum_reached(moment, links),
            *meetings_to_answer(moment, links),
            *referent_signals(moment, staff, links),
            *attestation_reminders(moment, staff, links),
            *consent_reminders(moment, links),
            *staff_digests(moment, staff, behind, links),
        ]
    return dues


def reminders_send(now: datetime, *, wet_run: bool = True) -> Counter:
    """Record what is due at ``now`` and not recorded yet; returns the new ones per kind.
    A dry run (``wet_run=False``) only counts them."""
    dues = reminders_due(now)
    if not wet_run:
        return not_yet_recorded(dues)
    return notifications_record(dues, now=now)
