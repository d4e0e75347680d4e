"""The referent's follow-up: dated contacts with the mentor and the youth, and when the next
one is due (at least twice in a pair's first month, then every month)."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import Count, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.models import Pair

from ..enums import Channel, ContactWith

# Standard practice of mentoring programmes: two contacts in the first month, then monthly.
FIRST_CONTACT_AFTER = timedelta(days=14)
CONTACTS_IN_FIRST_MONTH = 2
CONTACT_SOON = timedelta(days=7)


class FollowUpNoteQuerySet(models.QuerySet):
    def for_pairs(self, pairs):
        return self.filter(pair__in=pairs)


class FollowUpNote(models.Model):
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="follow_up_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contacted_on = models.DateField(_("date du contact"))
    contact_with = models.CharField(_("avec qui"), max_length=8, choices=ContactWith)
    channel = models.CharField(_("comment"), max_length=12, choices=Channel)
    summary = models.TextField(_("ce qui s’est dit"), max_length=3000)
    action = models.TextField(_("action décidée"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("écrit le"), default=timezone.now)
    # The local day the note was written: the contact cannot come after it (the database
    # cannot compare with "today" itself).
    created_on = models.DateField(default=timezone.localdate, editable=False)

    objects = FollowUpNoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact de suivi")
        verbose_name_plural = _("contacts de suivi")
        ordering = ["-contacted_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(contacted_on__lte=F("created_on")),
                name="follow_up_not_in_future",
                violation_error_message=_("Un contact ne peut pas être daté du futur."),
            ),
            models.CheckConstraint(
                condition=~Q(summary=""),
                name="follow_up_has_summary",
                violation_error_message=_("Dites en quelques mots ce qui s’est dit."),
            ),
        ]
        indexes = [models.Index(fields=["pair", "-contacted_on"], name="follow_up_pair_idx")]

    def __str__(self):
        return f"{self.pair} — {self.contacted_on:%d/%m/%Y}"


def with_contacts(pairs):
    """Annotate each pair with its number of follow-up contacts and the last one's date
    (subqueries, so that other annotations never multiply them)."""
    notes = FollowUpNote.objects.filter(pair=OuterRef("pk")).order_by().values("pair")
    return pairs.annotate(
        contact_count=Coalesce(Subquery(notes.annotate(n=Count("pk")).values("n")), 0),
        last_contact_on=Subquery(notes.annotate(last=Max("contacted_on")).values("last")),
    )


class ContactState(StrEnum):
    LATE = "late"
    SOON = "soon"
    OK = "ok"


@dataclass(frozen=True)
class ContactDue:
    due_on: date
    state: ContactState

    @property
    def is_late(self) -> bool:
        return self.state == ContactState.LATE

    @property
    def is_soon(self) -> bool:
        return self.state == ContactState.SOON

    @property
    def is_due(self) -> bool:
        return self.state != ContactState.OK


def contact_due(
    *, started_on: date, contact_count: int, last_contact_on: date | None, today: date
) -> ContactDue:
    """When the next follow-up contact is due: a first one within 14 days of the start, a
    second before the first month is over, then a month after the last contact at most."""
    first_month_end = started_on + relativedelta(months=1)
    if last_contact_on is None:
        due_on = started_on + FIRST_CONTACT_AFTER
    elif last_contact_on < first_month_end and contact_count < CONTACTS_IN_FIRST_MONTH:
        due_on = first_month_end
    else:
        due_on = last_contact_on + relativedelta(months=1)
    if due_on < today:
        state = ContactState.LATE
    elif due_on <= today + CONTACT_SOON:
        state = ContactState.SOON
    else:
        state = ContactState.OK
    return ContactDue(due_on=due_on, state=state)
