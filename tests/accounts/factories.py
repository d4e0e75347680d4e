import factory
from allauth.account.models import EmailAddress

from mentorat.accounts.enums import Role
from mentorat.accounts.models import User

PASSWORD = "un-mot-de-passe-solide"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    role = Role.YOUTH
    password = factory.django.Password(PASSWORD)

    class Params:
        youth = factory.Trait(role=Role.YOUTH)
        mentor = factory.Trait(role=Role.MENTOR)
        association_staff = factory.Trait(role=Role.STAFF)
        ministry = factory.Trait(role=Role.MINISTRY)

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        """Accounts are confirmed unless a test says otherwise (verified_email=False)."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
