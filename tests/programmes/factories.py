import datetime

import factory
from django.utils import timezone

from programmes import flags
from programmes.enums import (
    ConsentDecision,
    Format,
    LabelStatus,
    Language,
    Need,
    ParticipantStatus,
    Sector,
    Situation,
    Slot,
    StaffRole,
)
from programmes.models import (
    Association,
    Departement,
    LabelDecision,
    MentorProfile,
    ParentalConsent,
    Programme,
    StaffInvitation,
    StaffMembership,
    YouthProfile,
)
from tests.accounts.factories import UserFactory


def years_ago(years: int, days: int = 0) -> datetime.date:
    today = timezone.localdate()
    try:
        return today.replace(year=today.year - years) - datetime.timedelta(days=days)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28) - datetime.timedelta(days=days)


def departement(code: str) -> Departement:
    return Departement.objects.get(code=code)


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Association
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Association {n}")
    slug = factory.Sequence(lambda n: f"association-{n}")
    rna = factory.Sequence(lambda n: f"W{n:09d}")
    contact_email = factory.Sequence(lambda n: f"contact{n}@association.fr")
    label_status = LabelStatus.LABELLED

    class Params:
        candidate = factory.Trait(label_status=LabelStatus.CANDIDATE)
        suspended = factory.Trait(label_status=LabelStatus.SUSPENDED)

    @factory.post_generation
    def departement_codes(association, create, extracted, **kwargs):
        if create:
            association.departements.set(extracted or ["75", "93"])


class LabelDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LabelDecision

    association = factory.SubFactory(AssociationFactory)
    status = LabelStatus.LABELLED
    campaign_year = 2026
    funding_euros = 50_000


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    association = factory.SubFactory(AssociationFactory)
    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    age_min = 13
    age_max = 30
    needs = flags.full_mask(Need)
    capacity = 100

    class Params:
        closed = factory.Trait(open_for_signup=False)

    @factory.post_generation
    def departement_codes(programme, create, extracted, **kwargs):
        if create:
            programme.departements.set(extracted or ["75", "93"])

    @factory.post_generation
    def staffed(programme, create, extracted, **kwargs):
        """A programme's association has a coordinator, unless the test says otherwise
        (staffed=False) or gives it its own team: sign-ups left to the platform go only
        where someone can vet them."""
        if create and extracted is not False and not programme.association.memberships.exists():
            StaffMembershipFactory(association=programme.association)


class StaffMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMembership

    user = factory.SubFactory(UserFactory, association_staff=True)
    association = factory.SubFactory(AssociationFactory)
    role = StaffRole.COORDINATOR

    class Params:
        referent = factory.Trait(role=StaffRole.REFERENT)


class StaffInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffInvitation

    association = factory.SubFactory(AssociationFactory)
    email = factory.Sequence(lambda n: f"invite{n}@association.fr")
    role = StaffRole.REFERENT


class ParticipantFactory(factory.django.DjangoModelFactory):
    programme = factory.SubFactory(ProgrammeFactory)
    postal_code = "75011"
    departement = factory.LazyFunction(lambda: departement("75"))
    format = Format.BOTH
    availability = flags.mask_of(Slot, [Slot.WED_AFTERNOON, Slot.SAT_MORNING])
    languages = flags.mask_of(Language, [Language.FRENCH])
    needs = flags.mask_of(Need, [Need.ORIENTATION, Need.APPRENTICESHIP])
    status = ParticipantStatus.PENDING_REVIEW
    charter_accepted_at = factory.LazyFunction(timezone.now)

    class Params:
        ready = factory.Trait(status=ParticipantStatus.READY)
        rejected = factory.Trait(
            status=ParticipantStatus.REJECTED, status_reason="Hors du territoire couvert."
        )
        waiting_list = factory.Trait(status=ParticipantStatus.WAITING_LIST, programme=None)


class YouthProfileFactory(ParticipantFactory):
    class Meta:
        model = YouthProfile

    user = factory.SubFactory(UserFactory, youth=True)
    birth_date = factory.LazyFunction(lambda: years_ago(20))
    situation = Situation.JOB_SEEKING
    expectations = "Trouver une alternance dans le numérique."
    privacy_accepted_at = factory.LazyFunction(timezone.now)

    class Params:
        minor = factory.Trait(birth_date=factory.LazyFunction(lambda: years_ago(16)))
        under_15 = factory.Trait(
            birth_date=factory.LazyFunction(lambda: years_ago(14)),
            status=ParticipantStatus.AWAITING_CONSENT,
        )


class MentorProfileFactory(ParticipantFactory):
    class Meta:
        model = MentorProfile

    user = factory.SubFactory(UserFactory, mentor=True)
    profession = "Développeuse"
    sector = Sector.IT
    years_of_experience = 8
    capacity = 2

    class Params:
        with_attestation = factory.Trait(
            attestation_date=factory.LazyFunction(lambda: timezone.localdate()),
            attestation_checked_at=factory.LazyFunction(timezone.now),
        )


class ParentalConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParentalConsent

    youth = factory.SubFactory(YouthProfileFactory, under_15=True)
    guardian_name = "Sophie Martin"
    guardian_email = factory.Sequence(lambda n: f"parent{n}@exemple.fr")
    requested_by = factory.SelfAttribute("youth.user")

    class Params:
        given = factory.Trait(
            decision=ConsentDecision.GIVEN, decided_at=factory.LazyFunction(timezone.now)
        )
        refused = factory.Trait(
            decision=ConsentDecision.REFUSED, decided_at=factory.LazyFunction(timezone.now)
        )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """A given consent is kept on the youth too, as ParentalConsent.answer keeps it."""
        consent = super()._create(model_class, *args, **kwargs)
        if consent.decision == ConsentDecision.GIVEN:
            consent.youth.parental_consent_given_at = consent.decided_at
            consent.youth.save(update_fields=["parental_consent_given_at"])
        return consent
