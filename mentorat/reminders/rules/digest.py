"""The staff's daily digest: one email a day per person (not one per item), from 08:00, only
when there is something to do: people to vet, proposals to review, proposals waiting for an
answer for more than 3 days, late pairs and follow-up contacts due. Each section names its
first items, each with the link to its page, then says how many others wait ("et 12 autres").
Coordinators read their association's; referents the pairs of the mentors they follow (and
their association's registrations and proposals). Grouped queries: their number does not grow
with the number of people or pairs."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time, timedelta
from functools import cache
from itertools import chain, islice
from typing import NamedTuple

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from evaluations.models import contact_due, with_contacts
from matching.enums import CadenceStatus, PairStatus
from matching.models import ANSWER_DELAY, Pair
from programmes.enums import ParticipantStatus, StaffRole
from programmes.models import MentorProfile, YouthProfile

from .. import kinds
from .common import Links, Moment, Staff, due
from .common import tr as _

DIGEST_FROM = time(7, 0)  # computed from this hour (local), sent from 08:00 (quiet hours)
WAITING_ANSWER_FOR = timedelta(days=3)
SHOWN = 5  # items named per section; the others are counted


class Item(NamedTuple):
    """One thing waiting; its words and link are made only if it is among those shown."""

    key: object  # what it is about (a pair, a profile)
    render: Callable  # render(*args) -> (label, path)
    args: tuple
    association_id: int | None = None


@dataclass
class Section:
    """The items of one section for one person: lists that never overlap (one association's,
    the pairs a referent follows outside the associations they coordinate), read in order."""

    parts: list[list[Item]] = field(default_factory=list)

    def extend(self, items) -> None:
        if items:
            self.parts.append(items)

    def first(self, number: int) -> list[Item]:
        return list(islice(chain.from_iterable(self.parts), number))

    def __len__(self) -> int:
        return sum(len(part) for part in self.parts)


def short_name(first: str, last: str) -> str:
    """ "Inès M.": enough for staff to recognise someone, the page says the rest."""
    return f"{first} {last[:1]}.".strip() if last else first


def staff_digests(moment: Moment, staff: Staff, behind: list[dict], links: Links):
    if timezone.localtime(moment.now).time() < DIGEST_FROM or not staff.memberships:
        return
    by_association = {
        "to_vet": to_vet(links),
        **proposals(moment, links),
    }
    late_by_association, late_by_referent = defaultdict(list), defaultdict(list)
    render = follow_up_item(links)
    late = [row for row in behind if row["cadence_status"] == CadenceStatus.LATE]
    for row in sorted(late, key=lambda row: (row["cadence_anchor"], row["pk"])):
        item = pair_item(row, render)
        late_by_association[row["programme__association_id"]].append(item)
        late_by_referent[row["mentor__referent_id"]].append(item)
    contacts_by_association, contacts_by_referent = contacts(moment, links)
    people, sections = {}, defaultdict(lambda: defaultdict(Section))
    associations, coordinated = defaultdict(set), defaultdict(set)
    for association_id, role, person in staff.memberships:
        people[person.id] = person
        if association_id in associations[person.id]:
            continue
        associations[person.id].add(association_id)
        mine = sections[person.id]
        for code, items in by_association.items():
            mine[code].extend(items.get(association_id))
        # Late pairs and contacts: the whole association's for coordinators.
        if role == StaffRole.COORDINATOR:
            coordinated[person.id].add(association_id)
            mine["late"].extend(late_by_association.get(association_id))
            mine["contacts"].extend(contacts_by_association.get(association_id))
    for person_id, mine in sections.items():
        # And for everyone, the pairs of the mentors they follow, outside those associations.
        theirs = coordinated[person_id]
        for code, by_referent in (("late", late_by_referent), ("contacts", contacts_by_referent)):
            own = by_referent.get(person_id, ())
            mine[code].extend([item for item in own if item.association_id not in theirs])
        totals = {code: len(mine[code]) for code in HEADINGS}
        if not any(totals.values()):
            continue
        parts = [_("Ce qui vous attend aujourd’hui :")]
        for code, heading in HEADINGS.items():
            if totals[code]:
                parts.append(section_text(heading(totals[code]), mine[code]))
        yield due(
            kinds.STAFF_DIGEST,
            "staff",
            moment.today,
            people[person_id],
            _("Votre récapitulatif du %(day)s") % {"day": moment.today.strftime("%d/%m/%Y")},
            "\n\n".join(parts),
            reverse("programmes:staff_home"),
            _("Ouvrir l’espace association"),
            data=totals,
        )


HEADINGS = {
    "to_vet": lambda n: ngettext(
        "%(n)d inscription à examiner", "%(n)d inscriptions à examiner", n
    ),
    "to_review": lambda n: ngettext(
        "%(n)d proposition de binôme à examiner", "%(n)d propositions de binôme à examiner", n
    ),
    "waiting": lambda n: ngettext(
        "%(n)d proposition sans réponse depuis plus de 3 jours",
        "%(n)d propositions sans réponse depuis plus de 3 jours",
        n,
    ),
    "late": lambda n: ngettext(
        "%(n)d binôme en retard de rencontre", "%(n)d binômes en retard de rencontre", n
    ),
    "contacts": lambda n: ngettext(
        "%(n)d contact de suivi à faire", "%(n)d contacts de suivi à faire", n
    ),
}


def section_text(heading: str, section: Section) -> str:
    """The heading, the first items with their link, then how many others."""
    total = len(section)
    lines = [(heading % {"n": total}) + " :"]
    for item in section.first(SHOWN):
        label, path = item.render(*item.args)
        lines.append(f"• {label} : {settings.SITE_URL}{path}")
    if total > SHOWN:
        others = total - SHOWN
        lines.append("• " + ngettext("et %(n)d autre", "et %(n)d autres", others) % {"n": others})
    return "\n".join(lines)


def to_vet(links: Links) -> dict[int, list[Item]]:
    """Registrations waiting for a decision, the oldest first, per association."""
    found = defaultdict(list)

    def render(label, kind, pk, slug, first, last):
        return label % {"name": short_name(first, last)}, links.vetting(slug, kind, pk)

    for model, kind, label in (
        (YouthProfile, "jeunes", _("%(name)s, jeune")),
        (MentorProfile, "mentors", _("%(name)s, mentor")),
    ):
        rows = (
            model.objects.filter(status=ParticipantStatus.PENDING_REVIEW)
            .order_by("pk")
            .values_list(
                "pk",
                "programme__association_id",
                "programme__association__slug",
                "user__first_name",
                "user__last_name",
            )
        )
        for pk, association_id, slug, first, last in rows:
            if association_id is None:
                continue
            found[association_id].append(
                Item((kind, pk), render, (label, kind, pk, slug, first, last))
            )
    return found


def proposals(moment: Moment, links: Links) -> dict[str, dict[int, list[Item]]]:
    """Proposals to review, and approved ones waiting for an answer for more than 3 days (a
    proposal is answered within ANSWER_DELAY of its approval: its deadline is then less than
    ANSWER_DELAY - 3 days away)."""
    to_review, waiting = defaultdict(list), defaultdict(list)
    rows = (
        Pair.objects.filter(
            Q(status=PairStatus.PROPOSED)
            | Q(
                status=PairStatus.APPROVED,
                answer_deadline__gt=moment.now,
                answer_deadline__lte=moment.now + ANSWER_DELAY - WAITING_ANSWER_FOR,
            )
        )
        .order_by("pk")
        .values_list(
            "pk",
            "status",
            "programme__association_id",
            "programme__association__slug",
            "programme__slug",
            "youth__user__first_name",
            "mentor__user__first_name",
        )
    )

    def to_review_item(pk, slug, programme_slug, youth, mentor):
        return pair_label(youth, mentor), links.proposal(slug, programme_slug, pk)

    def waiting_item(pk, slug, programme_slug, youth, mentor):
        path = links.programme_pairs(slug, programme_slug) + "?etat=reponses"
        return pair_label(youth, mentor), path

    for pk, status, association_id, slug, programme_slug, youth, mentor in rows:
        args = (pk, slug, programme_slug, youth, mentor)
        if status == PairStatus.PROPOSED:
            to_review[association_id].append(Item(pk, to_review_item, args))
        else:
            waiting[association_id].append(Item(pk, waiting_item, args))
    return {"to_review": to_review, "waiting": waiting}


def pair_label(youth: str, mentor: str) -> str:
    return _("%(youth)s et %(mentor)s") % {"youth": youth, "mentor": mentor}


def follow_up_item(links: Links):
    """A running pair, shown with the link to its follow-up page."""

    def render(pk, slug, youth, mentor):
        return pair_label(youth, mentor), links.follow_up(slug, pk)

    return render


def pair_item(row: dict, render) -> Item:
    args = (
        row["pk"],
        row["programme__association__slug"],
        row["youth__user__first_name"],
        row["mentor__user__first_name"],
    )
    return Item(row["pk"], render, args, row["programme__association_id"])


def contacts(moment: Moment, links: Links):
    """Running pairs whose follow-up contact is due (evaluations' one rule), per association
    and per referent, the most overdue first."""
    by_association, by_referent = defaultdict(list), defaultdict(list)
    rows = (
        with_contacts(Pair.objects.active())
        .order_by()
        .values_list(
            "pk",
            "started_on",
            "contact_count",
            "last_contact_on",
            "programme__association_id",
            "programme__association__slug",
            "mentor__referent_id",
            "youth__user__first_name",
            "mentor__user__first_name",
        )
    )
    found = []
    # The rule depends on three dates and a count, shared by many pairs: computed once each.
    due_for = cache(
        lambda started_on, count, last: contact_due(
            started_on=started_on, contact_count=count, last_contact_on=last, today=moment.today
        )
    )
    for pk, started_on, count, last, association_id, slug, referent_id, youth, mentor in rows:
        state = due_for(started_on, count, last)
        if state.is_due:
            found.append((state.due_on, pk, association_id, slug, referent_id, youth, mentor))
    render = follow_up_item(links)
    for _due_on, pk, association_id, slug, referent_id, youth, mentor in sorted(found):
        item = Item(pk, render, (pk, slug, youth, mentor), association_id)
        by_association[association_id].append(item)
        by_referent[referent_id].append(item)
    return by_association, by_referent
