"""The retention rules (``mentorat.retention``), applied by ``manage.py apply_retention`` and
the periodic task: each rule says what it would do, and does it only when asked to.

- an account nobody signed in to for 2 years is warned 30 days before, then anonymised;
- a closed pair's free-text notes go 12 months after it ended;
- the file of a youth whose sign-up was refused goes 6 months after the decision.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.deletion import ProtectedError
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matching.enums import CLOSED_PAIR_STATUSES
from matching.models import Pair
from mentorat import retention
from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from mentorat.notifications.models import Message
from mentorat.notifications.services import message_send
from programmes.enums import ParticipantStatus
from programmes.models import YouthProfile

from .erase import pair_notes_clear, person_erase
from .models import ClearedPair, ErasureCause


@dataclass(frozen=True)
class Action:
    rule: str
    subject: str
    do: Callable[[], None]

    def __str__(self):
        return f"{self.rule}: {self.subject}"


def _last_seen():
    return Coalesce("last_login", "date_joined")


def _candidates():
    """Accounts the inactivity rule may touch: not erased, not the technical admin."""
    return User.objects.filter(erasure__isnull=True, is_superuser=False).annotate(
        last_seen=_last_seen()
    )


def _warning_key(user) -> str:
    """One warning per period of inactivity: signing in starts a new period."""
    return f"inactivity-warning:{user.pk}:{user.last_seen:%Y%m%d%H%M%S}"


def _warn(user):
    login_url = settings.SITE_URL + reverse("account_login")
    erase_on = user.last_seen + retention.INACTIVE_ACCOUNT
    message_send(
        key=_warning_key(user),
        to_email=user.email,
        recipient=user,
        template="inactivity_warning",
        context={
            "user": user,
            "youth": user.role == Role.YOUTH,
            "login_url": login_url,
            "erase_on": timezone.localdate(erase_on),
        },
    )


def inactive_accounts(now) -> Iterator[Action]:
    warn_before = now - retention.INACTIVE_ACCOUNT + retention.INACTIVE_ACCOUNT_WARNING
    for user in _candidates().filter(last_seen__lt=warn_before).order_by("pk"):
        warning = Message.objects.filter(key=_warning_key(user)).first()
        if warning is None:
            yield Action(
                _("Avertir le compte inactif"),
                _("compte n° %(pk)s") % {"pk": user.pk},
                lambda user=user: _warn(user),
            )
        elif (
            user.last_seen < now - retention.INACTIVE_ACCOUNT
            and warning.created_at <= now - retention.INACTIVE_ACCOUNT_WARNING
        ):
            yield Action(
                _("Anonymiser le compte inactif"),
                _("compte n° %(pk)s") % {"pk": user.pk},
                lambda user=user: person_erase(user=user, cause=ErasureCause.INACTIVITY, now=now),
            )


def closed_pairs_notes(now) -> Iterator[Action]:
    pairs = (
        Pair.objects.filter(
            status__in=CLOSED_PAIR_STATUSES, ended_at__lt=now - retention.CLOSED_PAIR_NOTES
        )
        .exclude(pk__in=ClearedPair.objects.values("pair"))
        .order_by("pk")
    )
    for pair in pairs:

        def clear(pair=pair):
            pair_notes_clear(Pair.objects.filter(pk=pair.pk))
            ClearedPair.objects.create(pair=pair, at=now)

        yield Action(
            _("Effacer les notes du binôme terminé"), _("binôme n° %(pk)s") % {"pk": pair.pk}, clear
        )


def _remove_youth_file(youth, now):
    """The file goes, and the account with it; if a pair still counts it, it is anonymised."""
    user = youth.user
    try:
        with transaction.atomic():
            Message.objects.filter(Q(recipient=user) | Q(to_email__iexact=user.email)).delete()
            youth.delete()
            user.delete()
    except ProtectedError:
        person_erase(user=user, cause=ErasureCause.REJECTED, now=now)


def rejected_youth_files(now) -> Iterator[Action]:
    youths = (
        YouthProfile.objects.filter(
            status=ParticipantStatus.REJECTED,
            reviewed_at__lt=now - retention.REJECTED_YOUTH_FILE,
            user__erasure__isnull=True,
        )
        .select_related("user")
        .order_by("pk")
    )
    for youth in youths:
        yield Action(
            _("Supprimer le dossier refusé"),
            _("jeune n° %(pk)s") % {"pk": youth.pk},
            lambda youth=youth: _remove_youth_file(youth, now),
        )


RULES = (inactive_accounts, closed_pairs_notes, rejected_youth_files)


def apply_retention(*, wet_run: bool, now=None, out=print) -> int:
    """Each due action, said; done only with wet_run. Returns how many were due."""
    now = now or timezone.now()
    count = 0
    for rule in RULES:
        for action in list(rule(now)):
            count += 1
            if wet_run:
                with transaction.atomic():
                    action.do()
                out(str(action))
            else:
                out(_("[essai] %(action)s") % {"action": action})
    return count
