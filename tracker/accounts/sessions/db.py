"""`SESSION_ENGINE = "tracker.accounts.sessions.db"`: Django's database sessions, read plainly."""

from django.contrib.sessions.backends import db

from tracker.accounts.sessions import PlainSessionRead


class SessionStore(PlainSessionRead, db.SessionStore):
    pass
