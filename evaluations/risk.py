"""Which followed pairs need the referent first: the signals of risk on each pair, and when
its next follow-up contact is due. One query for any number of pairs.

A signal that comes from an event (an alert, a "non" to the fit question, a low rating, a
meeting disputed or left unconfirmed) stands until the referent notes a follow-up contact
after it; a late cadence stands until a meeting that counts is logged.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.db.models import Exists, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from matching.enums import CadenceStatus, YouthConfirmation
from matching.models import Meeting
from matching.models.meetings import confirmation_cutoff

from .enums import Fit
from .models import FollowUpNote, MeetingEvaluation, contact_due, with_contacts
from .models.followup import ContactDue
from .models.meetings import LOW_RATING

BEFORE_ANY_NOTE = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Signal:
    code: str
    label: str
    weight: int


SIGNALS = (
    Signal("signal_unfit", _("Le binôme ne convient pas"), 5),
    Signal("signal_alert", _("Alerte du mentor"), 5),
    Signal("signal_late", _("Rencontre en retard"), 3),
    Signal("signal_disputed", _("Rencontre contestée par le jeune"), 3),
    Signal("signal_low", _("Rencontre jugée peu utile"), 2),
    Signal("signal_unconfirmed", _("Rencontre non confirmée"), 1),
)


@dataclass
class FollowUpRow:
    pair: object
    contact: ContactDue
    signals: list[Signal] = field(default_factory=list)

    @property
    def risk(self) -> int:
        return sum(signal.weight for signal in self.signals)


def with_signals(pairs, *, today: date):
    """Annotate each signal as a boolean, and the cadence (matching's one definition)."""
    notes = FollowUpNote.objects.filter(pair=OuterRef("pk")).order_by().values("pair")
    pairs = pairs.with_cadence(today).annotate(
        signals_since=Coalesce(
            Subquery(notes.annotate(last=Max("created_at")).values("last")),
            Value(BEFORE_ANY_NOTE),
        )
    )
    since = OuterRef("signals_since")
    evaluations = MeetingEvaluation.objects.filter(
        meeting__pair=OuterRef("pk"), created_at__gt=since
    )
    meetings = Meeting.objects.filter(pair=OuterRef("pk"))
    return pairs.annotate(
        signal_unfit=Exists(evaluations.filter(fit=Fit.NO)),
        signal_low=Exists(evaluations.filter(usefulness__lte=LOW_RATING)),
        signal_alert=Exists(meetings.filter(alert_referent=True, logged_at__gt=since)),
        signal_disputed=Exists(
            meetings.filter(
                youth_confirmation=YouthConfirmation.DISPUTED, youth_answered_at__gt=since
            )
        ),
        signal_unconfirmed=Exists(
            meetings.filter(
                youth_confirmation="",
                logged_at__lt=confirmation_cutoff(today),
                logged_at__gt=since,
            )
        ),
    )


def signals_of(pair) -> list[Signal]:
    found = []
    for signal in SIGNALS:
        if signal.code == "signal_late":
            if pair.cadence_status == CadenceStatus.LATE:
                found.append(signal)
        elif getattr(pair, signal.code):
            found.append(signal)
    return found


def follow_up_rows(pairs, *, today: date) -> list[FollowUpRow]:
    """The pairs, riskiest first, then by the date their next contact is due."""
    pairs = with_signals(with_contacts(pairs), today=today).select_related(
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
