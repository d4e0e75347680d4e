import factory
from django.utils import timezone

from matching.enums import PairStatus
from matching.models import Pair
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
            pair.mentor.open_pairs += 1
            pair.mentor.save(update_fields=["open_pairs"])
        return pair
