"""Reminders about the people themselves: a mentor's honorability attestation about to expire
(with the pairs with minors it affects) or expired (their referent is told which pairs with
minors are affected). The validity is programmes' one rule (``attestation_valid``)."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Q

from matching.enums import PairStatus
from matching.models import Pair
from programmes import rules
from programmes.enums import ParticipantStatus
from programmes.models import MentorProfile, YouthProfile
from programmes.models.querysets import attestation_valid, is_minor

from .. import kinds
from .common import Links, Moment, Staff, day, due, person
from .common import tr as _

EXPIRING_WITHIN = timedelta(days=30)
# An attestation that expired longer ago than this is not announced again.
EXPIRED_RECENTLY = timedelta(days=30)


def attestation_reminders(moment: Moment, staff: Staff, links: Links):
    today = moment.today
    involved = Q(status=ParticipantStatus.READY) | Q(pairs__status=PairStatus.ACTIVE)
    expiring = attestation_valid(today) & ~attestation_valid(today + EXPIRING_WITHIN)
    expired = (
        ~attestation_valid(today)
        & attestation_valid(today - EXPIRED_RECENTLY)
        & Q(attestation_checked_at__isnull=False)
    )
    mentors = list(
        MentorProfile.objects.filter(involved)
        .filter(expiring | expired)
        .distinct()
        .order_by()
        .values(
            "pk",
            "attestation_date",
            "user_id",
            "user__email",
            "user__first_name",
            "referent_id",
            "referent__email",
            "referent__first_name",
            "programme__association_id",
        )
    )
    if not mentors:
        return
    minors = defaultdict(list)
    minor_pairs = (
        Pair.objects.active()
        .filter(mentor_id__in=[row["pk"] for row in mentors])
        .filter(youth__in=YouthProfile.objects.filter(is_minor(today)))
        .order_by("pk")
        .values_list(
            "mentor_id",
            "pk",
            "youth__user__first_name",
            "youth__user__last_name",
            "programme__association__slug",
        )
    )
    for mentor_id, pair_id, first, last, slug in minor_pairs:
        minors[mentor_id].append((pair_id, f"{first} {last}".strip(), slug))
    for row in mentors:
        until = rules.attestation_valid_until(row["attestation_date"])
        mentor = person(row, "user")
        affected = minors.get(row["pk"], [])
        names = ", ".join(name for _, name, _ in affected)
        about = f"mentor-{row['pk']}"
        if until >= today:  # still valid today: expires within 30 days
            body = _(
                "Votre attestation d’honorabilité est valable jusqu’au %(day)s. "
                "Demandez-en une nouvelle et remettez-la à votre association avant "
                "cette date."
            ) % {"day": day(until, "j F Y")}
            if affected:
                body += "\n\n" + _(
                    "Sans attestation valable, vous ne pourrez plus "
                    "accompagner les mineurs de vos binômes : %(names)s."
                ) % {"names": names}
            yield due(
                kinds.ATTESTATION_EXPIRING,
                about,
                row["attestation_date"],
                mentor,
                _("Votre attestation d’honorabilité expire le %(day)s")
                % {"day": day(until, "j F Y")},
                body,
                links.my_space(),
                _("Voir mon inscription"),
            )
            continue
        body = _(
            "Votre attestation d’honorabilité n’est plus valable depuis le %(day)s. "
            "Remettez-en une nouvelle à votre association au plus vite."
        ) % {"day": day(until + timedelta(days=1), "j F Y")}
        if affected:
            body += "\n\n" + _(
                "Votre référent est prévenu pour vos binômes avec des mineurs : %(names)s."
            ) % {"names": names}
        yield due(
            kinds.ATTESTATION_EXPIRED,
            about,
            row["attestation_date"],
            mentor,
            _("Votre attestation d’honorabilité a expiré"),
            body,
            links.my_space(),
            _("Voir mon inscription"),
        )
        if not affected:
            continue
        for referent in staff.referents(
            referent=person(row, "referent"), association_id=row["programme__association_id"]
        ):
            yield due(
                kinds.REFERENT_ATTESTATION_EXPIRED,
                about,
                row["attestation_date"],
                referent,
                _("Attestation expirée : %(mentor)s accompagne des mineurs")
                % {"mentor": mentor.first_name},
                _(
                    "L’attestation d’honorabilité de %(mentor)s n’est plus valable depuis le "
                    "%(day)s. Binômes avec des mineurs concernés : %(names)s."
                )
                % {
                    "mentor": mentor.first_name,
                    "names": names,
                    "day": day(until + timedelta(days=1), "j F Y"),
                },
                links.follow_up(affected[0][2], affected[0][0]),
                _("Voir le suivi du binôme"),
            )
