"""The showcase youth and mentor (the printed `jeune@` and `mentor@` logins) in a pair under
way, made step by step as on the site: both sign up, the coordinator sees the mentor's
attestation, names a referent and approves both, proposes the mentor by hand, sends the
proposal, and both accept."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from matching.models import Pair
from matching.services import pair_propose
from matching.workflow import pair_answer, pair_approve
from programmes import flags
from programmes.enums import Format, Gender, Language, Need, Sector, Situation, Slot
from programmes.models import MentorProfile, YouthProfile
from programmes.signup import mentor_register, youth_register
from programmes.vetting import participant_approve

PLACE = {"departement_id": "75", "postal_code": "75011"}
AVAILABILITY = flags.mask_of(Slot, [Slot.WED_AFTERNOON, Slot.SAT_MORNING, Slot.SAT_AFTERNOON])


@dataclass(frozen=True)
class Showcase:
    """What the pair-life demo builds on: the pair and the people around it."""

    pair: Pair
    coordinator: object
    referent: object


def showcase_pair(*, youth_user, mentor_user, programme, coordinator, referent) -> Showcase:
    existing = Pair.objects.filter(youth__user=youth_user, mentor__user=mentor_user).first()
    if existing is not None:
        return Showcase(pair=existing, coordinator=coordinator, referent=referent)
    youth = _youth(youth_user, programme, coordinator)
    mentor = _mentor(mentor_user, programme, coordinator, referent)
    pair = pair_propose(youth=youth, mentor=mentor)
    pair = pair_approve(pair=pair, by=coordinator)
    pair = pair_answer(pair=pair, by=mentor_user, accepted=True)
    pair = pair_answer(pair=pair, by=youth_user, accepted=True)
    return Showcase(pair=pair, coordinator=coordinator, referent=referent)


def _youth(user, programme, coordinator) -> YouthProfile:
    today = timezone.localdate()
    profile = YouthProfile(
        **PLACE,
        gender=Gender.FEMALE,
        birth_date=today - timedelta(days=round(19.4 * 365.25)),
        situation=Situation.JOB_SEEKING,
        sector_of_interest=Sector.IT,
        lives_in_qpv=True,
        no_professional_network=True,
        format=Format.BOTH,
        availability=AVAILABILITY,
        languages=flags.mask_of(Language, [Language.FRENCH, Language.ARABIC]),
        needs=flags.mask_of(Need, [Need.APPRENTICESHIP, Need.SELF_CONFIDENCE]),
        expectations="Trouver une alternance dans le numérique et préparer les entretiens.",
    )
    youth = youth_register(
        user=user,
        profile=profile,
        chosen_programme=programme,
        guardian_name="",
        guardian_email="",
        base_url=settings.SITE_URL,
    )
    return participant_approve(participant=youth, by=coordinator, dashboard_url=_dashboard())


def _mentor(user, programme, coordinator, referent) -> MentorProfile:
    attestation_date = timezone.localdate() - timedelta(days=20)
    profile = MentorProfile(
        **PLACE,
        gender=Gender.MALE,
        profession="Développeur web",
        sector=Sector.IT,
        years_of_experience=11,
        capacity=1,
        format=Format.BOTH,
        availability=AVAILABILITY,
        languages=flags.mask_of(Language, [Language.FRENCH, Language.ARABIC]),
        needs=flags.mask_of(Need, [Need.APPRENTICESHIP, Need.EMPLOYMENT, Need.SELF_CONFIDENCE]),
        attestation_date=attestation_date,
    )
    mentor = mentor_register(user=user, profile=profile, chosen_programme=programme)
    mentor.record_attestation_seen(by=coordinator, attestation_date=attestation_date)
    mentor.referent = referent
    mentor.save(update_fields=["referent"])
    return participant_approve(participant=mentor, by=coordinator, dashboard_url=_dashboard())


def _dashboard() -> str:
    return settings.SITE_URL + reverse("core:dashboard")
