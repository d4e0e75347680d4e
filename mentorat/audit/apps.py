from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "mentorat.audit"
    label = "audit"
    verbose_name = _("Journal d’audit")

    def ready(self):
        from . import receivers, tracked

        tracked.register_all()
        receivers.connect()
