"""The staff's daily digest: one email a day per person (not one per item), from 08:00, only
when there is something to do: people to vet, proposals to review, proposals waiting for an
answer for more than 3 days, late pairs and follow-up contacts due. Coordinators read their
association's figures; referents the pairs of the mentors they follow. Grouped queries: their
number does not grow with the number of people or pairs."""

from collections import Counter, defaultdict
from datetime import time, timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from evaluations.models import contact_due, with_contacts
from matching.enums import CadenceStatus, PairStatus
from matching.models import ANSWER_DELAY, Pair
from programmes.enums import ParticipantStatus, StaffRole
from programmes.models import MentorProfile, YouthProfile

from .. import kinds
from .common import Moment, Staff, due
from .common import tr as _

DIGEST_FROM = time(7, 0)  # computed from this hour (local), sent from 08:00 (quiet hours)
WAITING_ANSWER_FOR = timedelta(days=3)


def _per_association(queryset) -> Counter:
    return Counter(
        dict(queryset.order_by().values_list("programme__association_id").annotate(n=Count("pk")))
    )


def staff_digests(moment: Moment, staff: Staff, behind: list[dict]):
    if timezone.localtime(moment.now).time() < DIGEST_FROM or not staff.memberships:
        return
    to_vet = _per_association(
        YouthProfile.objects.filter(status=ParticipantStatus.PENDING_REVIEW)
    ) + _per_association(MentorProfile.objects.filter(status=ParticipantStatus.PENDING_REVIEW))
    # A proposal answered within ANSWER_DELAY of its approval; waiting more than 3 days means
    # its deadline is less than (ANSWER_DELAY - 3 days) away.
    proposals = dict(
        (row["programme__association_id"], row)
        for row in Pair.objects.filter(status__in=[PairStatus.PROPOSED, PairStatus.APPROVED])
        .order_by()
        .values("programme__association_id")
        .annotate(
            to_review=Count("pk", filter=Q(status=PairStatus.PROPOSED)),
            waiting=Count(
                "pk",
                filter=Q(
                    status=PairStatus.APPROVED,
                    answer_deadline__gt=moment.now,
                    answer_deadline__lte=moment.now + ANSWER_DELAY - WAITING_ANSWER_FOR,
                ),
            ),
        )
    )
    late_by_association, late_by_referent = Counter(), Counter()
    for row in behind:
        if row["cadence_status"] == CadenceStatus.LATE:
            late_by_association[row["programme__association_id"]] += 1
            late_by_referent[row["mentor__referent_id"]] += 1
    contacts_by_association, contacts_by_referent = Counter(), Counter()
    rows = (
        with_contacts(Pair.objects.active())
        .order_by()
        .values_list(
            "started_on",
            "contact_count",
            "last_contact_on",
            "programme__association_id",
            "mentor__referent_id",
        )
    )
    for started_on, count, last, association_id, referent_id in rows:
        if contact_due(
            started_on=started_on, contact_count=count, last_contact_on=last, today=moment.today
        ).is_due:
            contacts_by_association[association_id] += 1
            contacts_by_referent[referent_id] += 1
    sections = defaultdict(list)  # user -> [(association_id, figures)]
    people = {}
    for association_id, role, person in staff.memberships:
        people[person.id] = person
        coordinator = role == StaffRole.COORDINATOR
        figures = {
            "to_vet": to_vet[association_id],
            "to_review": proposals.get(association_id, {}).get("to_review", 0),
            "waiting": proposals.get(association_id, {}).get("waiting", 0),
            # Late pairs and contacts: the referent's own, the whole association's for coordinators.
            "late": late_by_association[association_id] if coordinator else 0,
            "contacts": contacts_by_association[association_id] if coordinator else 0,
        }
        sections[person.id].append((association_id, figures))
    for person_id, parts in sections.items():
        own_late, own_contacts = late_by_referent[person_id], contacts_by_referent[person_id]
        lines = []
        totals = Counter()
        for _id, figures in parts:
            totals.update(figures)
        totals["late"] = max(totals["late"], own_late)
        totals["contacts"] = max(totals["contacts"], own_contacts)
        if not any(totals.values()):
            continue
        labels = {
            "to_vet": lambda n: ngettext(
                "%(n)d inscription à examiner", "%(n)d inscriptions à examiner", n
            ),
            "to_review": lambda n: ngettext(
                "%(n)d proposition de binôme à examiner",
                "%(n)d propositions de binôme à examiner",
                n,
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
        for code, label in labels.items():
            if totals[code]:
                lines.append("• " + label(totals[code]) % {"n": totals[code]})
        yield due(
            kinds.STAFF_DIGEST,
            "staff",
            moment.today,
            people[person_id],
            _("Votre récapitulatif du %(day)s") % {"day": moment.today.strftime("%d/%m/%Y")},
            _("Ce qui vous attend aujourd’hui :") + "\n\n" + "\n".join(lines),
            reverse("programmes:staff_home"),
            _("Ouvrir l’espace association"),
            data=dict(totals),
        )
