"""Accounts: creating, changing and deleting them (lifecycle), who is due a daily reminder and
what it says (reminders), sending it by e-mail and push (delivery) and sending e-mail after the
response (outbox)."""
