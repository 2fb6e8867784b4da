"""Session stores reading the session row with one plain query (tracker.plain).

Django's own stores (`SESSION_ENGINE`: `db`, or `cached_db` with Redis, where this read is a
cache miss) build and compile an ORM query for it on every signed-in request: about 160 µs,
where the database answers in a few. Everything else is Django's."""

from django.db import connections, router
from django.utils import timezone

from tracker import plain


class PlainSessionRead:
    """`_get_session_from_db` as Django's db store has it (the unexpired row with this key, or
    None and the key forgotten), the row read plainly."""

    def _get_session_from_db(self):
        found = None
        if self.session_key is not None:
            using = router.db_for_read(self.model)
            now = connections[using].ops.adapt_datetimefield_value(timezone.now())
            where = "session_key = %s AND expire_date > %s"
            found = plain.read(self.model, where, [self.session_key, now], using=using)
        if found:
            return found[0]
        self._session_key = None
        return None
