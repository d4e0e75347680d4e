from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "mentorat.accounts"
    label = "accounts"
    verbose_name = _("Comptes")

    def ready(self):
        from . import sessions, signals, two_factor  # noqa: F401
