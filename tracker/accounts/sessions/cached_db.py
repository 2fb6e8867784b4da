"""`SESSION_ENGINE = "tracker.accounts.sessions.cached_db"`: Django's cached database sessions
(Redis in front of the database), the database read plainly on a cache miss."""

from django.contrib.sessions.backends import cached_db

from tracker.accounts.sessions import PlainSessionRead


class SessionStore(PlainSessionRead, cached_db.SessionStore):
    pass
