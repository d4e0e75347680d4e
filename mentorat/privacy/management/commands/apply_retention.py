from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ...cleanup import apply_retention


class Command(BaseCommand):
    help = (
        "Applique les durées de conservation : comptes inactifs avertis puis anonymisés, notes "
        "des binômes terminés et dossiers refusés effacés. Sans --wet-run, dit seulement ce "
        "qui serait fait."
    )

    def add_arguments(self, parser):
        parser.add_argument("--wet-run", action="store_true", help="Appliquer réellement.")

    def handle(self, *args, wet_run=False, **options):
        count = apply_retention(wet_run=wet_run, out=self.stdout.write)
        if wet_run:
            self.stdout.write(_("%(count)d action(s) faite(s).") % {"count": count})
        else:
            self.stdout.write(
                _("%(count)d action(s) à faire. Relancez avec --wet-run pour les appliquer.")
                % {"count": count}
            )
