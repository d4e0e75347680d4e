"""An association's team: its staff see it, its coordinators manage it, invitees join it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from mentorat.notifications.services import message_send

from ..access import association_coordinated, association_of_staff, staff_required
from ..forms.team import (
    InvitationAcceptanceForm,
    InviteeAccountForm,
    MemberRemovalForm,
    StaffInvitationForm,
    invitation_problem,
    invitation_state_problem,
)
from ..limits import signup_limit, too_many_signups
from ..models import StaffInvitation
from ..tokens import with_token


def send_invitation(request, invitation: StaffInvitation) -> None:
    accept_url = reverse("programmes:invitation_accept", args=[invitation.token])
    message_send(
        key=f"staff-invitation:{invitation.pk}",
        to_email=invitation.email,
        template="staff_invitation",
        context={"invitation": invitation, "accept_url": request.build_absolute_uri(accept_url)},
        # The invitee has no account yet, hence no language of their own: the programme's.
        language=settings.LANGUAGE_CODE,
        secrets=[invitation.token],
    )


@staff_required
@require_GET
def team(request, slug):
    association = association_of_staff(request, slug)
    members = list(
        association.memberships.select_related("user").order_by(
            "role", "user__last_name", "user__first_name", "user__email"
        )
    )
    return render(
        request,
        "programmes/team/team.html",
        {
            "association": association,
            "members": members,
            "invitations": association.invitations.filter(accepted_at__isnull=True).order_by(
                "-created_at"
            ),
            "can_manage": any(
                member.user_id == request.user.pk and member.is_coordinator for member in members
            ),
            "section": "team",
        },
    )


@staff_required
def team_invite(request, slug):
    association = association_coordinated(request, slug)
    form = StaffInvitationForm(association=association, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = form.save(invited_by=request.user)
        send_invitation(request, invitation)
        messages.success(
            request, _("Invitation envoyée à %(email)s.") % {"email": invitation.email}
        )
        return redirect("programmes:team", slug=association.slug)
    return render(
        request,
        "programmes/team/invite.html",
        {"association": association, "form": form, "section": "team"},
    )


@staff_required
@require_POST
def invitation_revoke(request, slug, pk):
    association = association_coordinated(request, slug)
    invitation = get_object_or_404(association.invitations.filter(accepted_at__isnull=True), pk=pk)
    invitation.delete()
    messages.success(
        request, _("L’invitation de %(email)s est annulée.") % {"email": invitation.email}
    )
    return redirect("programmes:team", slug=association.slug)


@staff_required
@require_POST
def member_remove(request, slug, pk):
    association = association_coordinated(request, slug)
    membership = get_object_or_404(association.memberships.select_related("user"), pk=pk)
    form = MemberRemovalForm(membership=membership, data=request.POST)
    if not form.is_valid():
        for error in form.non_field_errors():
            messages.error(request, error)
        return redirect("programmes:team", slug=association.slug)
    form.save()
    messages.success(
        request,
        _("%(name)s ne fait plus partie de l’équipe.") % {"name": membership.user},
    )
    if membership.user == request.user:  # they left: this team's pages are closed to them now
        return redirect("core:dashboard")
    return redirect("programmes:team", slug=association.slug)


@login_not_required
@signup_limit
def invitation_accept(request, token):
    """The invitation link. A signed-in person accepts it if it is theirs; someone without an
    account creates one here; someone with an account is asked to sign in first."""
    invitation = with_token(
        StaffInvitation.objects.select_related("association", "invited_by"), token
    )
    if invitation is None:
        raise Http404
    if not request.user.is_authenticated:
        return invitee_without_session(request, invitation)
    if request.method == "POST":
        form = InvitationAcceptanceForm(invitation=invitation, user=request.user, data=request.POST)
        if form.is_valid():
            form.save()
            return welcome(request, invitation)
    return render(
        request,
        "programmes/team/invitation.html",
        {"invitation": invitation, "problem": invitation_problem(invitation, request.user)},
    )


def invitee_without_session(request, invitation: StaffInvitation):
    problem = invitation_state_problem(invitation)
    has_account = get_user_model().objects.filter(email__iexact=invitation.email).exists()
    if problem or has_account:
        return render(
            request,
            "programmes/team/invitation_sign_in.html",
            {
                "invitation": invitation,
                "problem": problem,
                "login_url": f"{reverse('account_login')}?next={request.path}",
            },
        )
    form = InviteeAccountForm(invitation=invitation, data=request.POST or None)
    template = "programmes/team/invitation_new_account.html"
    context = {"invitation": invitation, "form": form}
    if request.limited:  # creating an account: the limit of every sign-up
        return too_many_signups(request, template, context)
    if form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return welcome(request, invitation)
    return render(request, template, context)


def welcome(request, invitation: StaffInvitation):
    messages.success(
        request,
        _("Bienvenue dans l’équipe de %(association)s.")
        % {"association": invitation.association.name},
    )
    return redirect("programmes:team", slug=invitation.association.slug)
