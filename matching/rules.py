"""What matching adds to the programmes app's decisions and pages, registered in
MatchingConfig.ready (programmes never imports matching)."""

from django.utils.translation import gettext as _

from .enums import PairStatus
from .models import Pair


def open_pair_blocks_rejection(participant) -> str | None:
    """Someone with a pair or a proposal under way is not refused: it is closed or declined
    first (an open pair holds a mentor's place or keeps a youth busy)."""
    pairs = Pair.objects.open()
    field = "youth" if participant._meta.model_name == "youthprofile" else "mentor"
    if pairs.filter(**{field: participant}).exists():
        return _(
            "Cette personne a un binôme ou une proposition en cours : il faut d’abord "
            "qu’il se termine ou soit écarté."
        )
    return None


def pairs_under_way(profile) -> tuple[list, list]:
    """A youth's or a mentor's pairs that started, and the proposals sent to them that wait for
    their answers. Proposals staff have not sent yet are not theirs to know."""
    field = "youth" if profile._meta.model_name == "youthprofile" else "mentor"
    pairs = list(
        Pair.objects.filter(**{field: profile})
        .filter(status__in=[PairStatus.APPROVED, PairStatus.ACTIVE])
        .select_related("youth__user", "mentor__user")
        .order_by("proposed_at", "pk")
    )
    return (
        [pair for pair in pairs if pair.status == PairStatus.ACTIVE],
        [pair for pair in pairs if pair.status == PairStatus.APPROVED],
    )
