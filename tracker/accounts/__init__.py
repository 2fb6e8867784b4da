"""Accounts: creating, changing and deleting them (lifecycle), who is due a daily reminder and
what it says (reminders), sending it by e-mail and push (delivery) and sending e-mail after the
response (outbox), logging in by name or e-mail (auth_backends) and the session stores that
read a session row plainly (sessions)."""
