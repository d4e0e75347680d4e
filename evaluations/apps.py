from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Évaluations")

    def ready(self):
        # The pair's page (in matching, which cannot import this app) shows what it adds.
        from .pair_page_hooks import register

        register()
