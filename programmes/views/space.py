""" "Mon espace" of a youth or a mentor: where they stand, their profile, their parent's consent."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from mentorat.accounts.enums import Role

from .. import signup
from ..access import role_required
from ..enums import ConsentDecision, ParticipantStatus
from ..forms.signup import MentorRegistrationForm, YouthRegistrationForm
from ..forms.space import GuardianForm, MentorProfileForm, YouthProfileForm
from ..limits import signup_limit, too_many_signups
from ..models import MentorProfile, ParentalConsent, YouthProfile

participant_required = role_required(Role.YOUTH, Role.MENTOR)


def profile_of(user) -> YouthProfile | MentorProfile | None:
    """The person's own profile: the only one these pages ever show or change."""
    profiles = YouthProfile.objects.all() if user.is_youth else MentorProfile.objects.all()
    return (
        profiles.select_related("programme__association", "departement").filter(user=user).first()
    )


def status_message(profile) -> tuple[int, str]:
    """One sentence on where a newly registered person stands, for the page they land on."""
    youth = isinstance(profile, YouthProfile)
    if profile.status == ParticipantStatus.AWAITING_CONSENT:
        return messages.INFO, _(
            "Ton inscription est enregistrée. Nous avons écrit à ton parent : "
            "il doit donner son accord avant que l’association étudie ta demande."
        )
    if profile.status == ParticipantStatus.WAITING_LIST:
        return messages.WARNING, (
            _(
                "Ton inscription est enregistrée, mais aucun programme ne peut t’accueillir "
                "près de chez toi pour l’instant : tu es sur liste d’attente."
            )
            if youth
            else _(
                "Votre inscription est enregistrée, mais aucun programme n’intervient dans "
                "votre département pour l’instant : vous êtes sur liste d’attente."
            )
        )
    return messages.SUCCESS, (
        _("Ton inscription est enregistrée : %(association)s va l’étudier.")
        if youth
        else _("Votre inscription est enregistrée : %(association)s va l’étudier.")
    ) % {"association": profile.association.name}


# The person's pairs that started, and the proposals sent to them that wait for answers:
# the matching app knows them and registers how to read them (MatchingConfig.ready), so that
# programmes never reads matching's pairs itself.
PAIRS_UNDER_WAY: list = []


def show_pairs_under_way(reader):
    """Register ``reader(profile) -> (started pairs, proposals awaiting answers)``."""
    PAIRS_UNDER_WAY[:] = [reader]
    return reader


def pairs_under_way(profile) -> tuple[list, list]:
    if profile is None or profile.status != ParticipantStatus.READY or not PAIRS_UNDER_WAY:
        return [], []
    return PAIRS_UNDER_WAY[0](profile)


@require_GET
@participant_required
def my_space(request):
    profile = profile_of(request.user)
    active_pairs, waiting_pairs = pairs_under_way(profile)
    own_answer = "youth_answer" if request.user.is_youth else "mentor_answer"
    return render(
        request,
        "programmes/space/my_space.html",
        {
            "profile": profile,
            "consent": latest_consent(profile),
            "statuses": ParticipantStatus,
            "decisions": ConsentDecision,
            "active_pairs": active_pairs,
            "waiting_pairs": waiting_pairs,
            "awaiting_my_answer": any(not getattr(pair, own_answer) for pair in waiting_pairs),
            "places_left": max(profile.capacity - profile.open_pairs, 0)
            if isinstance(profile, MentorProfile)
            else 0,
        },
    )


@participant_required
@signup_limit
def complete_registration(request):
    """For an account that has no profile yet (made before the youth's and mentor's sign-ups
    were the only ways in): the same profile as on those, under the same limit."""
    if profile_of(request.user):
        return redirect("programmes:my_space")
    user = request.user
    form = (
        YouthRegistrationForm(data=request.POST or None, user=user)
        if user.is_youth
        else MentorRegistrationForm(data=request.POST or None)
    )
    if request.limited:
        return too_many_signups(request, "programmes/space/complete.html", {"form": form})
    if form.is_valid():
        data = form.cleaned_data
        try:
            if user.is_youth:
                profile = signup.youth_register(
                    user=user,
                    profile=form.save(commit=False),
                    chosen_programme=data["programme"],
                    guardian_name=data["guardian_name"],
                    guardian_email=data["guardian_email"],
                    base_url=request.build_absolute_uri("/"),
                )
            else:
                profile = signup.mentor_register(
                    user=user, profile=form.save(commit=False), chosen_programme=data["programme"]
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.add_message(request, *status_message(profile))
            return redirect("programmes:my_space")
    return render(request, "programmes/space/complete.html", {"form": form})


@participant_required
def profile_edit(request):
    profile = profile_of(request.user)
    if profile is None:
        return redirect("programmes:complete_registration")
    form_class = YouthProfileForm if request.user.is_youth else MentorProfileForm
    form = form_class(data=request.POST or None, instance=profile)
    if form.is_valid():
        profile = form.save(commit=False)
        profile.note_criteria_edit(form.changed_data)
        profile.save()
        messages.success(request, _("Modifications enregistrées."))
        return redirect("programmes:my_space")
    return render(request, "programmes/space/edit.html", {"form": form})


def latest_consent(profile) -> ParentalConsent | None:
    if not isinstance(profile, YouthProfile) or not profile.needs_parental_consent:
        return None
    return ParentalConsent.latest_for(profile)


@role_required(Role.YOUTH)
@ratelimit(key="user", rate="5/h", method="POST", block=False)
def consent_renew(request):
    """Send the request again, or to another parent, while no consent is given. A parent's
    refusal is final: only the association reopens the request."""
    youth = get_object_or_404(
        YouthProfile.objects.filter(user=request.user).select_related("user"),
        status=ParticipantStatus.AWAITING_CONSENT,
    )
    consent = ParentalConsent.latest_for(youth)
    if consent is not None and consent.decision == ConsentDecision.REFUSED:
        messages.error(
            request,
            _(
                "Ton parent a refusé : seule ton association peut rouvrir la demande, après "
                "en avoir parlé avec ta famille."
            ),
        )
        return redirect("programmes:my_space")
    form = GuardianForm(
        data=request.POST or None,
        youth_user=request.user,
        initial={"guardian_name": consent.guardian_name, "guardian_email": consent.guardian_email}
        if consent
        else {},
    )
    status = 200
    if request.limited:
        messages.error(
            request, _("Tu as déjà envoyé plusieurs demandes : réessaie dans une heure.")
        )
        status = 429
    elif form.is_valid():
        try:
            signup.consent_request(
                youth=youth,
                guardian_name=form.cleaned_data["guardian_name"],
                guardian_email=form.cleaned_data["guardian_email"],
                base_url=request.build_absolute_uri("/"),
                by=request.user,
            )
        except ValidationError as error:  # refused or answered meanwhile
            form.add_error(None, error)
            status = 400
        else:
            messages.success(
                request,
                _("C’est envoyé : %(email)s a reçu un nouveau lien, valable 30 jours.")
                % {"email": form.cleaned_data["guardian_email"]},
            )
            return redirect("programmes:my_space")
    return render(
        request,
        "programmes/space/consent_renew.html",
        {"form": form, "consent": consent},
        status=status,
    )
