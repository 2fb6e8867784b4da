"""A process-memory cache (Django's LocMemCache) that keeps text as it is.

LocMemCache pickles every value on the way in and out, so that what a caller later changes
never changes what is kept. Text can't be changed: a drawn fragment (the trends page's two are
~150 KB each) is kept as the very string, where pickling it cost ~0.1 ms each way, on every
first and every repeat view. Anything else is pickled as before."""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.utils.safestring import SafeString

# Exactly these: a subclass of str could carry attributes that can be changed.
_TEXT = (str, SafeString)


def _stored(value, protocol: int):
    return value if type(value) in _TEXT else pickle.dumps(value, protocol)


class TextInMemoryCache(LocMemCache):
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        stored = _stored(value, self.pickle_protocol)
        with self._lock:
            if self._has_expired(key):
                self._set(key, stored, timeout)
                return True
            return False

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                return default
            stored = self._cache[key]
            self._cache.move_to_end(key, last=False)
        return stored if type(stored) in _TEXT else pickle.loads(stored)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        stored = _stored(value, self.pickle_protocol)
        with self._lock:
            self._set(key, stored, timeout)
