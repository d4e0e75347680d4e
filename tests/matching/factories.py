import factory
from django.utils import timezone

from matching.enums import MeetingFormat, ObjectiveStatus, PairStatus, YouthConfirmation
from matching.models import Meeting, Objective, Pair
from matching.services import pair_explanation
from programmes.models import MentorProfile
from tests.programmes.factories import MentorProfileFactory, YouthProfileFactory


class PairFactory(factory.django.DjangoModelFactory):
    """A pair; its mentor's open_pairs counter is kept right, as the services keep it."""

    class Meta:
        model = Pair

    youth = factory.SubFactory(YouthProfileFactory, ready=True)
    mentor = factory.SubFactory(
        MentorProfileFactory, ready=True, programme=factory.SelfAttribute("..youth.programme")
    )
    programme = factory.SelfAttribute("youth.programme")
    score = 72.5
    # What the engine says of this pair, stored as every proposal stores it when it is made.
    explanation = factory.LazyAttribute(
        lambda pair: pair_explanation(youth=pair.youth, mentor=pair.mentor).stored()
    )

    class Params:
        approved = factory.Trait(
            status=PairStatus.APPROVED,
            answer_deadline=factory.LazyFunction(
                lambda: timezone.now() + timezone.timedelta(days=7)
            ),
        )
        active = factory.Trait(
            status=PairStatus.ACTIVE, started_on=factory.LazyFunction(timezone.localdate)
        )
        overdue = factory.Trait(
            status=PairStatus.APPROVED,
            answer_deadline=factory.LazyFunction(
                lambda: timezone.now() - timezone.timedelta(hours=1)
            ),
        )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        pair = super()._create(model_class, *args, **kwargs)
        if pair.is_open:
            MentorProfile.objects.take_places({pair.mentor_id: 1})
            pair.mentor.refresh_from_db(fields=["open_pairs"])
        return pair


class MeetingFactory(factory.django.DjangoModelFactory):
    """A meeting the mentor logged; ``confirmed=True`` for one the youth confirmed."""

    class Meta:
        model = Meeting

    pair = factory.SubFactory(PairFactory, active=True)
    held_on = factory.LazyAttribute(lambda meeting: meeting.pair.started_on)
    duration_minutes = 90
    format = MeetingFormat.IN_PERSON
    logged_by = factory.LazyAttribute(lambda meeting: meeting.pair.mentor.user)
    logged_at = factory.LazyFunction(timezone.now)

    class Params:
        confirmed = factory.Trait(
            youth_confirmation=YouthConfirmation.CONFIRMED,
            youth_answered_at=factory.LazyFunction(timezone.now),
        )
        disputed = factory.Trait(
            youth_confirmation=YouthConfirmation.DISPUTED,
            youth_answered_at=factory.LazyFunction(timezone.now),
            youth_note="Nous ne nous sommes pas vus.",
        )


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    pair = factory.SubFactory(PairFactory, active=True)
    text = factory.Sequence(lambda n: f"Objectif n° {n}")
    created_by = factory.LazyAttribute(lambda objective: objective.pair.mentor.user)

    class Params:
        reached = factory.Trait(status=ObjectiveStatus.REACHED)


def complete(pair: Pair, by=None) -> Pair:
    """Close an active pair on "objectifs atteints" the way the site does: its minimum
    duration reached, one objective reached, asked by the mentor, confirmed by staff."""
    from dateutil.relativedelta import relativedelta

    minimum = relativedelta(months=pair.programme.min_duration_months, days=1)
    pair.started_on = min(pair.started_on, timezone.localdate() - minimum)
    pair.save(update_fields=["started_on"])
    ObjectiveFactory(pair=pair, reached=True)
    pair.request_completion(by=pair.mentor.user)
    pair.complete(by=by)
    return pair
