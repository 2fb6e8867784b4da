"""Accounts: creating, changing and deleting them (lifecycle), the daily reminders by e-mail and
push (reminders) and sending e-mail after the response (outbox)."""
