from django.core.management.base import BaseCommand

from tracker.reminders import generate_vapid_keys


class Command(BaseCommand):
    help = "Prints a new VAPID key pair for Web Push reminders."

    def handle(self, *args, **options) -> None:
        public, private = generate_vapid_keys()
        self.stdout.write(f"BACKHABITS_VAPID_PUBLIC_KEY={public}")
        self.stdout.write(f"BACKHABITS_VAPID_PRIVATE_KEY={private}")
        self.stdout.write("BACKHABITS_VAPID_SUBJECT=mailto:you@example.org")
