from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    """Erasing is final: the person types their password and says they understand."""

    password = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    understood = forms.BooleanField(
        label=_("Je comprends que l’effacement est définitif"), required=True
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.is_youth:
            self.fields["password"].label = _("Ton mot de passe")
        else:
            self.fields["password"].label = _("Votre mot de passe")

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Ce n’est pas ton mot de passe.")
                if self.user.is_youth
                else _("Ce n’est pas votre mot de passe.")
            )
        return password
