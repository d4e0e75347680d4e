"""Sign-up and parental consent: writes that span the account, the profile and the messages."""

import unicodedata
from datetime import date

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from mentorat.notifications.services import message_send

from .dispatch import best_programme_for_mentor, best_programme_for_youth
from .enums import ParticipantStatus
from .models import MentorProfile, ParentalConsent, Programme, YouthProfile


def account_create(*, email: str, password: str, first_name: str, last_name: str, role: Role):
    """The account and its (unconfirmed) address; allauth sends the confirmation."""
    user = User.objects.create_user(
        email=email, password=password, first_name=first_name, last_name=last_name, role=role
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    return user


def same_person_key(first_name: str, last_name: str) -> str:
    """Names compared without case, accents or extra spaces: "Léa  MOREAU" is "lea moreau"."""
    text = unicodedata.normalize("NFKD", f"{first_name} {last_name}")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def youth_namesakes(*, first_name: str, last_name: str, birth_date: date) -> list[YouthProfile]:
    # The birth date (indexed) narrows to the few youths born that day; the names are compared
    # here, on two columns read per youth, since the database cannot drop accents everywhere.
    key = same_person_key(first_name, last_name)
    born_that_day = YouthProfile.objects.filter(birth_date=birth_date).values_list(
        "pk", "user__first_name", "user__last_name"
    )
    namesake_ids = [pk for pk, first, last in born_that_day if same_person_key(first, last) == key]
    if not namesake_ids:
        return []
    return list(YouthProfile.objects.filter(pk__in=namesake_ids).select_related("programme"))


def association_id_of(programme: Programme | None) -> int | None:
    return programme.association_id if programme else None


@transaction.atomic
def youth_register(
    *,
    user: User,
    profile: YouthProfile,
    chosen_programme: Programme | None,
    guardian_name: str,
    guardian_email: str,
    base_url: str,
) -> YouthProfile:
    """Attach the profile typed in the form to the account, in the chosen or best programme.

    A youth with the same name and birth date already registered is never told to whoever
    signs up (anyone can type a name and a date): the profile is created and flagged for
    staff, who see both, whichever association they signed up with.
    """
    programme = chosen_programme or best_programme_for_youth(
        age=profile.age, departement_code=profile.departement_id, needs=profile.needs
    )
    namesakes = youth_namesakes(
        first_name=user.first_name, last_name=user.last_name, birth_date=profile.birth_date
    )
    # The namesake in the same association first: the likeliest second sign-up of one person.
    namesakes.sort(key=lambda n: association_id_of(n.programme) != association_id_of(programme))
    now = timezone.now()
    profile.user = user
    profile.programme = programme
    profile.possible_duplicate_of = namesakes[0] if namesakes else None
    profile.privacy_accepted_at = profile.charter_accepted_at = now
    if profile.needs_parental_consent:
        profile.status = ParticipantStatus.AWAITING_CONSENT
    else:
        profile.status = status_once_allowed(profile)
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as error:  # the same account submitted twice at once
        raise ValidationError(_("Ton inscription est déjà enregistrée.")) from error
    if profile.status == ParticipantStatus.AWAITING_CONSENT:
        consent_request(
            youth=profile,
            guardian_name=guardian_name,
            guardian_email=guardian_email,
            base_url=base_url,
            by=user,
        )
    return profile


def youth_signup(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    profile: YouthProfile,
    chosen_programme: Programme | None,
    guardian_name: str,
    guardian_email: str,
    base_url: str,
) -> YouthProfile:
    """The account and the profile together, or neither."""
    with transaction.atomic():
        user = account_create_once(
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            role=Role.YOUTH,
        )
        return youth_register(
            user=user,
            profile=profile,
            chosen_programme=chosen_programme,
            guardian_name=guardian_name,
            guardian_email=guardian_email,
            base_url=base_url,
        )


def mentor_register(
    *, user: User, profile: MentorProfile, chosen_programme: Programme | None
) -> MentorProfile:
    profile.user = user
    profile.programme = chosen_programme or best_programme_for_mentor(
        departement_code=profile.departement_id, needs=profile.needs
    )
    profile.charter_accepted_at = timezone.now()
    profile.status = status_once_allowed(profile)
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as error:
        raise ValidationError(_("Votre inscription est déjà enregistrée.")) from error
    return profile


def mentor_signup(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    profile: MentorProfile,
    chosen_programme: Programme | None,
) -> MentorProfile:
    with transaction.atomic():
        user = account_create_once(
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            role=Role.MENTOR,
        )
        return mentor_register(user=user, profile=profile, chosen_programme=chosen_programme)


def account_create_once(**fields) -> User:
    """An address taken between the form's check and now is an error on the email field."""
    try:
        with transaction.atomic():
            return account_create(**fields)
    except IntegrityError as error:
        raise ValidationError({"email": _("Un compte existe déjà avec cette adresse.")}) from error


def status_once_allowed(profile) -> ParticipantStatus:
    """Where a person stands once nothing but the association's review is missing."""
    if profile.programme_id is None:
        return ParticipantStatus.WAITING_LIST
    return ParticipantStatus.PENDING_REVIEW


def absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


@transaction.atomic
def consent_request(
    *,
    youth: YouthProfile,
    guardian_name: str,
    guardian_email: str,
    base_url: str,
    by: User,
    reopen_reason: str = "",
) -> ParentalConsent:
    """Ask a parent for their consent and email them the link. The youth asks, or staff
    reopen a refused request with a reason after talking with the family."""
    youth = (
        YouthProfile.objects.select_for_update(of=("self",))
        .select_related("user", "programme__association")
        .get(pk=youth.pk)
    )
    consent = ParentalConsent.request_for(
        youth,
        guardian_name=guardian_name,
        guardian_email=guardian_email,
        by=by,
        reopen_reason=reopen_reason,
    )
    message_send(
        key=f"consent-request:youth-{youth.pk}:{consent.requested_at.timestamp()}",
        to_email=consent.guardian_email,
        template="consent_request",
        # The parent reads it in French, whatever language the youth browses in.
        language=settings.LANGUAGE_CODE,
        context={
            "consent": consent,
            "youth": youth,
            "association": youth.association,
            "consent_url": absolute(
                base_url, reverse("programmes:consent_answer", args=[consent.token])
            ),
        },
        secrets=[consent.token],
    )
    return consent


def consent_answer(
    *, consent: ParentalConsent, given: bool, guardian_name: str, base_url: str
) -> ParentalConsent:
    """Record the parent's answer and tell the youth."""
    if not consent.answer(given=given, guardian_name=guardian_name):
        raise ValidationError(_("Cette demande n’attend plus de réponse."))
    youth = consent.youth
    message_send(
        key=f"consent-answered:youth-{youth.pk}:{consent.requested_at.timestamp()}",
        to_email=youth.user.email,
        template="consent_answered",
        context={
            "consent": consent,
            "youth": youth,
            "given": given,
            "space_url": absolute(base_url, reverse("programmes:my_space")),
        },
        recipient=youth.user,
    )
    return consent


def consents_expire_overdue(*, base_url: str) -> int:
    """Mark unanswered requests past their date as expired and tell each youth, once."""
    expired = 0
    for consent in ParentalConsent.objects.overdue().select_related("youth__user"):
        if not consent.expire():
            continue
        expired += 1
        youth = consent.youth
        message_send(
            key=f"consent-expired:youth-{youth.pk}:{consent.requested_at.timestamp()}",
            to_email=youth.user.email,
            template="consent_expired",
            context={
                "consent": consent,
                "youth": youth,
                "space_url": absolute(base_url, reverse("programmes:my_space")),
            },
            recipient=youth.user,
        )
    return expired
