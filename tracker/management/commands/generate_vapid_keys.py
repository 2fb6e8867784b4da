import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from tracker.accounts.delivery import generate_vapid_keys


class Command(BaseCommand):
    help = (
        "Prints a new VAPID key pair for Web Push reminders; with --dev-file, writes a "
        "development pair to the git-ignored file DEBUG reads, once."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dev-file",
            action="store_true",
            help=f"write {settings.DEV_VAPID_KEYS_FILE.name} if it does not exist yet",
        )

    def handle(self, *args, dev_file: bool = False, **options) -> None:
        if dev_file:
            self._write_dev_file(Path(settings.DEV_VAPID_KEYS_FILE))
            return
        public, private = generate_vapid_keys()
        self.stdout.write(f"BACKHABITS_VAPID_PUBLIC_KEY={public}")
        self.stdout.write(f"BACKHABITS_VAPID_PRIVATE_KEY={private}")
        self.stdout.write("BACKHABITS_VAPID_SUBJECT=mailto:you@example.org")

    def _write_dev_file(self, path: Path) -> None:
        if path.exists():
            self.stdout.write(f"Development Web Push keys: kept {path.name}")
            return
        public, private = generate_vapid_keys()
        path.write_text(json.dumps({"public": public, "private": private}))
        path.chmod(0o600)
        self.stdout.write(f"Development Web Push keys: created {path.name}")
