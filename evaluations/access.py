"""Whose pairs a person may read, for every page of this app: the querysets are scoped here
first, then `get_object_or_404` on them, so that someone else's pair is a 404."""

from django.db.models import Q

from matching.models import Pair
from mentorat.accounts.enums import Role
from programmes.access import coordinated_associations, staff_associations


def pairs_readable_by(user):
    """A youth their own pairs, a mentor theirs, a referent the pairs of the mentors they
    follow in an association they work for, a coordinator every pair of their associations.
    Only pairs that started: before, there is nothing to evaluate. Closed pairs stay."""
    pairs = Pair.objects.filter(started_on__isnull=False)
    if user.role == Role.YOUTH:
        return pairs.filter(youth__user=user)
    if user.role == Role.MENTOR:
        return pairs.filter(mentor__user=user)
    if user.role == Role.STAFF:
        return pairs.filter(
            Q(programme__association__in=coordinated_associations(user))
            | Q(mentor__referent=user, programme__association__in=staff_associations(user))
        )
    return pairs.none()


def followed_pairs(user, association):
    """The pairs a staff member follows in one association: all of them for a coordinator,
    those of the mentors they are referent of for a referent."""
    return pairs_readable_by(user).filter(programme__association=association)


def role_in_pair(pair, user) -> str:
    """ "youth", "mentor" or "staff": who is looking at this pair."""
    if pair.youth.user_id == user.pk:
        return Role.YOUTH
    if pair.mentor.user_id == user.pk:
        return Role.MENTOR
    return Role.STAFF
