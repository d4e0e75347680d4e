"""The programme's rules about people, written once as QuerySet methods and annotations.

"Is a minor", "needs and has a parent's consent", "can be matched", "has a valid
honorability attestation" are decided here for everyone who reads them: the batch loader
(``matching.population``) reads the annotations as columns, the pair workflow re-checks a
pair through them, the model properties fall back on the same dates (``programmes.rules``).
"""

from collections.abc import Mapping
from datetime import date

from allauth.account.models import EmailAddress
from django.db import connection, models
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from .. import rules
from ..enums import ParticipantStatus

# Where "a parent gave their consent" is read from (kept on the youth, see consent.py).
CONSENT_GIVEN = Q(parental_consent_given_at__isnull=False)


def _flag(condition: Q) -> ExpressionWrapper:
    """A condition as a column (NULL, from a missing date or row, is False)."""
    return ExpressionWrapper(Coalesce(condition, False), output_field=BooleanField())


def is_minor(today: date) -> Q:
    return Q(birth_date__gt=rules.adult_if_born_by(today))


def may_be_matched(today: date) -> Q:
    """Ready for matching, and old enough to consent alone or with a parent's consent."""
    return Q(status=ParticipantStatus.READY) & (
        Q(birth_date__lte=rules.own_consent_if_born_by(today)) | CONSENT_GIVEN
    )


def attestation_valid(today: date) -> Q:
    """Seen by staff and dated less than 6 months ago: required to mentor a minor."""
    return Q(
        attestation_checked_at__isnull=False,
        attestation_date__gte=rules.attestation_valid_from(today),
    )


class ParticipantQuerySet(models.QuerySet):
    def for_association(self, association):
        return self.filter(programme__association=association)

    def staffed_by(self, user):
        """What an association's staff may see: people of the associations they work for."""
        return self.filter(programme__association__memberships__user=user)

    def pending_review(self):
        return self.filter(status=ParticipantStatus.PENDING_REVIEW)

    def with_email_confirmed(self):
        """`email_confirmed`: the person proved they own their account's address (staff do
        not vet an address nobody owns)."""
        return self.annotate(
            email_confirmed=Exists(
                EmailAddress.objects.filter(
                    user=OuterRef("user"), email__iexact=OuterRef("user__email"), verified=True
                )
            )
        )

    def ready(self):
        return self.filter(status=ParticipantStatus.READY)


class YouthProfileQuerySet(ParticipantQuerySet):
    def with_is_minor(self, today: date | None = None):
        """Annotates ``minor``: under 18 on ``today``."""
        return self.annotate(minor=_flag(is_minor(today or timezone.localdate())))

    def with_is_matchable(self, today: date | None = None):
        """Annotates ``matchable``: see :func:`may_be_matched`."""
        return self.annotate(matchable=_flag(may_be_matched(today or timezone.localdate())))

    def matchable(self, today: date | None = None):
        return self.filter(may_be_matched(today or timezone.localdate()))


class MentorProfileQuerySet(ParticipantQuerySet):
    def with_valid_attestation(self, today: date | None = None):
        """Annotates ``attestation_valid``: see :func:`attestation_valid`."""
        return self.annotate(
            attestation_valid=_flag(attestation_valid(today or timezone.localdate()))
        )

    def matchable(self, today: date | None = None):
        return self.ready()

    def with_place_left(self):
        return self.filter(open_pairs__lt=F("capacity"))

    # The only writers of ``open_pairs``, the places a mentor's open pairs hold: the database
    # refuses a mentor above capacity (mentor_never_above_capacity). ``check_mentor_places``
    # compares the counter with the pairs themselves.
    def take_places(self, places: Mapping[int, int]) -> None:
        """Hold ``places[mentor_id]`` more places for each mentor, in one statement."""
        if not places:
            return
        if connection.vendor == "postgresql":
            # A national batch takes places for some 90,000 mentors: joined to two arrays,
            # each row finds its count at once (a CASE over id lists is read row by row).
            table = connection.ops.quote_name(self.model._meta.db_table)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} AS mentor SET open_pairs = mentor.open_pairs + taken.count"
                    " FROM unnest(%s::bigint[], %s::integer[]) AS taken(id, count)"
                    " WHERE mentor.id = taken.id",
                    [list(places), list(places.values())],
                )
            return
        by_count: dict[int, list[int]] = {}  # a mentor takes 1 to 3 places: a branch per count
        for mentor_id, count in places.items():
            by_count.setdefault(count, []).append(mentor_id)
        taken = Case(
            *(When(pk__in=ids, then=Value(count)) for count, ids in sorted(by_count.items())),
            default=Value(0),
        )
        self.filter(pk__in=list(places)).update(open_pairs=F("open_pairs") + taken)

    def release_place(self, mentor_id: int) -> None:
        """Give one place back: a pair stopped holding it."""
        self.filter(pk=mentor_id).update(open_pairs=F("open_pairs") - 1)
