"""Whose pairs a person may read, for every page of this app: the querysets are scoped here
first, then `get_object_or_404` on them, so that someone else's pair is a 404."""

from matching.models import Pair
from mentorat.accounts.enums import Role


def pairs_readable_by(user):
    """The pairs this person may open (matching's one rule: a youth or a mentor their own, a
    referent those of the mentors they follow, a coordinator all of their association's),
    once started: before, there is nothing to evaluate. Closed pairs stay readable."""
    return Pair.objects.visible_to(user).filter(started_on__isnull=False)


def followed_pairs(user, association):
    """The pairs a staff member follows in one association: all of them for a coordinator,
    those of the mentors they are referent of for a referent."""
    return pairs_readable_by(user).filter(programme__association=association)


def role_in_pair(pair, user) -> str:
    """Who is looking at this pair: "youth", "mentor" or "staff"."""
    if pair.youth.user_id == user.pk:
        return Role.YOUTH
    if pair.mentor.user_id == user.pk:
        return Role.MENTOR
    return Role.STAFF
