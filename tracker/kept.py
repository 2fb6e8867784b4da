"""A small store of what a page works out or draws, kept in this process's memory."""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings

T = TypeVar("T")


def digest(seen: object) -> bytes:
    """A key for what a drawing shows where that holds a person's own words (notes, names, an
    e-mail address): kept as a digest, never as the words themselves."""
    return hashlib.sha256(repr(seen).encode()).digest()


class Kept:
    """A least-recently-used store of at most `size` entries, each under everything it was made
    from (the caller's key). A lock: threads of one worker may share it."""

    def __init__(self, size: int) -> None:
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get_or_make(
        self, key: Hashable, make: Callable[[], T], keep: Callable[[T], bool] = lambda made: True
    ) -> T:
        """What is kept under `key`, or what `make` makes, kept unless `keep` says not."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[return-value]
        made = make()
        if not keep(made):
            return made
        with self._lock:
            self._items[key] = made
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return made

    def get_or_draw(self, key: Hashable, draw: Callable[[], T]) -> T:
        """get_or_make for a drawing, kept only with DEBUG off: on a development server a
        template or catalogue being edited shows at once."""
        if settings.DEBUG:
            return draw()
        return self.get_or_make(key, draw)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
