"""An association's team: inviting staff, joining through an invitation, removing a member."""

from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from mentorat.accounts.enums import Role

from ..enums import StaffRole
from ..models import MentorProfile, StaffInvitation, StaffMembership


class StaffInvitationForm(forms.ModelForm):
    class Meta:
        model = StaffInvitation
        fields = ["email", "role"]
        labels = {"email": _("Adresse électronique de la personne"), "role": _("Fonction")}
        widgets = {"role": forms.RadioSelect}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.association = association

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        association = self.instance.association
        if association.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("Cette personne fait déjà partie de l’équipe."))
        if association.invitations.usable().filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Une invitation est déjà en attente pour cette adresse."))
        if (
            get_user_model()
            .objects.filter(email__iexact=email, role__in=[Role.YOUTH, Role.MENTOR])
            .exists()
        ):
            raise forms.ValidationError(
                _(
                    "Cette adresse est celle d’un compte de jeune ou de mentor : elle ne peut pas "
                    "rejoindre une équipe. Invitez la personne avec une autre adresse."
                )
            )
        return email

    def save(self, *, invited_by) -> StaffInvitation:
        self.instance.invited_by = invited_by
        return super().save()


class CoordinatorInvitationForm(StaffInvitationForm):
    """The ministry gives a new association its first coordinator."""

    class Meta(StaffInvitationForm.Meta):
        fields = ["email"]

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, association=association, **kwargs)
        self.instance.role = StaffRole.COORDINATOR


def invitation_state_problem(invitation: StaffInvitation) -> str | None:
    """Why nobody can use this invitation any more; None while it is usable."""
    if invitation.accepted_at is not None:
        return _("Cette invitation a déjà été utilisée.")
    if invitation.expires_at <= timezone.now():
        return _(
            "Cette invitation a expiré le %(date)s. Demandez à l’association de vous en envoyer "
            "une nouvelle."
        ) % {"date": date_format(timezone.localtime(invitation.expires_at), "j F Y")}
    return None


def invitation_problem(invitation: StaffInvitation, user) -> str | None:
    """Why this person cannot accept this invitation, in plain words; None if they can."""
    if problem := invitation_state_problem(invitation):
        return problem
    if user.email.lower() != invitation.email.lower():
        return _(
            "Cette invitation a été envoyée à une autre adresse (%(email)s). Connectez-vous avec "
            "cette adresse pour l’accepter."
        ) % {"email": invitation.email}
    if user.role not in ("", Role.STAFF):
        return _(
            "Votre compte est un compte « %(role)s » : il ne peut pas rejoindre l’équipe d’une "
            "association. Demandez à l’association de vous inviter avec une autre adresse."
        ) % {"role": user.get_role_display()}
    if invitation.association.memberships.filter(user=user).exists():
        return _("Vous faites déjà partie de cette équipe.")
    return None


class InvitationAcceptanceForm(forms.Form):
    def __init__(self, *args, invitation: StaffInvitation, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.user = user

    def clean(self):
        problem = invitation_problem(self.invitation, self.user)
        if problem:
            raise forms.ValidationError(problem)
        return super().clean()

    def save(self) -> StaffMembership:
        # get_or_create: a double click that slips past clean() must not become a 500.
        membership, _created = StaffMembership.objects.get_or_create(
            user=self.user,
            association=self.invitation.association,
            defaults={"role": self.invitation.role},
        )
        self.invitation.accepted_at = timezone.now()
        self.invitation.save(update_fields=["accepted_at"])
        if not self.user.role:
            self.user.role = Role.STAFF
            self.user.save(update_fields=["role"])
        return membership


class MemberRemovalForm(forms.Form):
    def __init__(self, *args, membership: StaffMembership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean(self):
        association = self.membership.association
        # Lock every coordinator row: two coordinators removing each other at the same time
        # must not leave the association without one.
        coordinators = list(
            association.memberships.select_for_update()
            .filter(role=StaffRole.COORDINATOR)
            .values_list("pk", flat=True)
        )
        if coordinators == [self.membership.pk]:
            raise forms.ValidationError(
                _(
                    "%(name)s est le dernier coordinateur ou la dernière coordinatrice de "
                    "l’association : invitez d’abord une autre personne à coordonner l’équipe."
                )
                % {"name": self.membership.user}
            )
        return super().clean()

    def save(self) -> None:
        # The mentors this person followed here wait for another referent.
        MentorProfile.objects.for_association(self.membership.association).filter(
            referent=self.membership.user
        ).update(referent=None)
        self.membership.delete()


class InviteeAccountForm(forms.Form):
    """An invitee without an account creates one on the invitation page. The link reached
    them at the invited address, which proves it is theirs: the address is confirmed."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    password1 = forms.CharField(
        label=_("Mot de passe"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Mot de passe (confirmation)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation: StaffInvitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean(self):
        cleaned = super().clean()
        if problem := invitation_state_problem(self.invitation):
            raise forms.ValidationError(problem)
        password = cleaned.get("password1")
        if password and password != cleaned.get("password2"):
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif password:
            candidate = get_user_model()(
                email=self.invitation.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self):
        user = get_user_model().objects.create_user(
            email=self.invitation.email,
            password=self.cleaned_data["password1"],
            first_name=self.cleaned_data["first_name"],
            last_name=self.cleaned_data["last_name"],
            role=Role.STAFF,
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        InvitationAcceptanceForm(invitation=self.invitation, user=user, data={}).save()
        return user
