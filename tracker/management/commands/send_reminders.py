from django.core.management.base import BaseCommand

from tracker.accounts.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Sends today's reminder to everyone due (run every few minutes by cron or a timer)."

    def handle(self, *args, **options) -> None:
        summary = send_due_reminders()
        self.stdout.write(
            f"due {summary.due}, sent {summary.sent}, already sent {summary.already_sent}, "
            f"failed {summary.failed} (retried next run)"
        )
