from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from mentorat.core.demo import (
    DEMO_PASSWORD,
    HISTORY_YOUTHS,
    PEOPLE_PER_ASSOCIATION,
    WAITING_LIST,
    seed_demo,
)


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-history",
            action="store_true",
            help="Sans l’année de binômes passés qui nourrit les tableaux de bord (plus rapide).",
        )

    def handle(self, *args, **options):
        # Demo accounts share a published password: never on a real platform.
        if settings.ENVIRONMENT == "production":
            raise CommandError("Les données de démonstration ne se chargent pas en production.")
        accounts = seed_demo(history=not options["without_history"])
        # The dashboards show the demo's figures at once (by name: core imports no dashboards).
        call_command("refresh_dashboards", stdout=self.stdout)
        youths = sum(youths for youths, _ in PEOPLE_PER_ASSOCIATION.values())
        youths += len(WAITING_LIST["youths"])
        mentors = sum(mentors for _, mentors in PEOPLE_PER_ASSOCIATION.values())
        mentors += len(WAITING_LIST["mentors"])
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes. Comptes :"))
        for account in accounts:
            self.stdout.write(f"  {account.description:<58} {account.email}")
        self.stdout.write(
            f"  {youths} jeunes : jeune01@demo.mentorat.local … "
            f"jeune{youths:02d}@demo.mentorat.local"
        )
        self.stdout.write(
            f"  {mentors} mentors : mentor01@demo.mentorat.local … "
            f"mentor{mentors:02d}@demo.mentorat.local"
        )
        if not options["without_history"]:
            self.stdout.write(
                f"  {HISTORY_YOUTHS} jeunes et leurs mentors d’une année de binômes passés : "
                "historique.jeune001@demo.mentorat.local …"
            )
        self.stdout.write(f"  Mot de passe (tous les comptes) : {DEMO_PASSWORD}")
