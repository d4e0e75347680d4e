from django.core.management.base import BaseCommand

from mentorat.core.demo import DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        accounts = seed_demo()
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes. Comptes :"))
        for account in accounts:
            self.stdout.write(f"  {account.role.label:<35} {account.email}")
        self.stdout.write(f"  Mot de passe (tous les comptes) : {DEMO_PASSWORD}")
