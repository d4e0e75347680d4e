from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import Role


class RoleSignupForm(forms.Form):
    """Extra fields on allauth's sign-up form: who the person is and why they come."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    role = forms.ChoiceField(
        label=_("Je m'inscris pour"),
        choices=[
            (Role.YOUTH.value, _("être accompagné(e) par un mentor")),
            (Role.MENTOR.value, _("devenir mentor")),
        ],
        widget=forms.RadioSelect,
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.role = self.cleaned_data["role"]
        user.save(update_fields=["first_name", "last_name", "role"])
