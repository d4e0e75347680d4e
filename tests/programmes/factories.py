import factory

from programmes.enums import LabelStatus, StaffRole
from programmes.models import Association, Programme, StaffMembership
from tests.accounts.factories import UserFactory


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Association

    name = factory.Sequence(lambda n: f"Association {n}")
    slug = factory.Sequence(lambda n: f"association-{n}")
    label_status = LabelStatus.LABELLED

    class Params:
        candidate = factory.Trait(label_status=LabelStatus.CANDIDATE)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    association = factory.SubFactory(AssociationFactory)
    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")


class StaffMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMembership

    user = factory.SubFactory(UserFactory, association_staff=True)
    association = factory.SubFactory(AssociationFactory)
    role = StaffRole.COORDINATOR
