from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Mise en relation")

    def ready(self):
        from programmes.vetting import block_rejection

        from .rules import open_pair_blocks_rejection

        block_rejection(open_pair_blocks_rejection)
