from django.core.management.base import BaseCommand, CommandError

from ...places import place_drift


class Command(BaseCommand):
    help = "Compare each mentor's place counter (open_pairs) with their open pairs."

    def handle(self, *args, **options):
        drift = place_drift()
        for mentor_id, (counter, counted) in sorted(drift.items()):
            self.stdout.write(f"mentor {mentor_id}: open_pairs={counter}, open pairs={counted}")
        if drift:
            raise CommandError(f"{len(drift)} mentor(s) with a wrong place counter.")
        self.stdout.write("Every mentor's place counter matches their open pairs.")
