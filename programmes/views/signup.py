"""The public sign-up pages of youths and mentors, and the texts they accept."""

from allauth.account import app_settings as allauth_settings
from allauth.account.utils import complete_signup
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from mentorat.accounts.enums import Role

from .. import signup
from ..forms.signup import MentorSignupForm, YouthSignupForm
from ..limits import signup_limit, too_many_signups
from .space import status_message


def already_signed_up(user):
    is_participant = user.role in (Role.YOUTH, Role.MENTOR)
    return redirect("programmes:my_space" if is_participant else "core:dashboard")


def signed_up(request, profile):
    """Tell where the person stands, then let allauth confirm the address (it is mandatory):
    once confirmed, in the same browser, they are signed in and land in their space."""
    level, text = status_message(profile)
    messages.add_message(request, level, text)
    return complete_signup(
        request,
        profile.user,
        allauth_settings.EMAIL_VERIFICATION,
        reverse("programmes:my_space"),
    )


@login_not_required
@signup_limit
def youth_signup(request):
    if request.user.is_authenticated:
        return already_signed_up(request.user)
    template = "programmes/signup/youth.html"
    form = YouthSignupForm(data=request.POST or None)
    if request.limited:
        return too_many_signups(request, template, {"form": form})
    if form.is_valid():
        try:
            youth = signup.youth_signup(
                **form.account_data(),
                profile=form.save(commit=False),
                chosen_programme=form.cleaned_data["programme"],
                guardian_name=form.cleaned_data["guardian_name"],
                guardian_email=form.cleaned_data["guardian_email"],
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return signed_up(request, youth)
    return render(request, template, {"form": form})


@login_not_required
@signup_limit
def mentor_signup(request):
    if request.user.is_authenticated:
        return already_signed_up(request.user)
    template = "programmes/signup/mentor.html"
    form = MentorSignupForm(data=request.POST or None)
    if request.limited:
        return too_many_signups(request, template, {"form": form})
    if form.is_valid():
        try:
            mentor = signup.mentor_signup(
                **form.account_data(),
                profile=form.save(commit=False),
                chosen_programme=form.cleaned_data["programme"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return signed_up(request, mentor)
    return render(request, template, {"form": form})


@login_not_required
@require_GET
def signup_choice(request):
    """The account sign-up page (/comptes/signup/): one way in per role, so it leads to the
    youth's or the mentor's own sign-up (?role=mentor goes straight to the mentor's)."""
    if request.user.is_authenticated:
        return already_signed_up(request.user)
    destinations = {
        Role.YOUTH: "programmes:youth_signup",
        Role.MENTOR: "programmes:mentor_signup",
    }
    if request.GET.get("role") in destinations:
        return redirect(destinations[request.GET["role"]])
    return render(request, "programmes/signup/choice.html")


@login_not_required
@require_GET
def privacy_notice(request):
    return render(request, "programmes/signup/privacy.html")


@login_not_required
@require_GET
def mentoring_charter(request):
    return render(request, "programmes/signup/charter.html")
