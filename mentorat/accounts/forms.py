from allauth.account.forms import LoginForm as AllauthLoginForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form; "remember me" says to whom it applies (see sessions.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:
            self.fields["remember"].label = _("Rester connecté·e sur cet appareil")
            self.fields["remember"].help_text = _(
                "Pour les jeunes et les mentors. Les comptes des associations et du ministère "
                "sont déconnectés après 30 minutes sans activité."
            )
