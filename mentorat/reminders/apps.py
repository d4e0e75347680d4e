from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "mentorat.reminders"
    label = "reminders"
    verbose_name = _("Rappels")

    def ready(self):
        from mentorat.notifications.kinds import register

        from .kinds import KINDS

        register(*KINDS)
