from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Mise en relation")

    def ready(self):
        from programmes.vetting import block_rejection
        from programmes.views.space import show_pairs_under_way

        from .rules import open_pair_blocks_rejection, pairs_under_way

        block_rejection(open_pair_blocks_rejection)
        show_pairs_under_way(pairs_under_way)
