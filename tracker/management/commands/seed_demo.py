from django.core.management.base import BaseCommand

from tracker.accounts.demo import DEMO_DAYS, seed_demo


class Command(BaseCommand):
    help = f"Creates a demo user with {DEMO_DAYS} days of check-ins (safe to run again)."

    def handle(self, *args, **options) -> None:
        username, password, created = seed_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo user ready. Username: {username}  Password: {password}  "
                f"({created} check-ins added)"
            )
        )
