"""What matching adds to the programmes app's decisions, registered in MatchingConfig.ready."""

from django.utils.translation import gettext as _

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
