"""The all-tips page's cards, drawn once for each version of the tips and each set of dismissals.

Every signed-in visitor sees the same cards but for the tips they dismissed, and drawing 33 of
them was two thirds of the page. They are kept in each process's fragment cache under a digest of
what they are drawn from: the tips and sections as saved and the person's dismissals (figures that
any saved change moves, tips.content_and_dismissals), whether anyone is signed in, and the script
prefix. So an edit shows at once, and a page whose cards are kept reads no tip.

Two things differ per request and are never kept: the CSRF token and the page's own address (each
form's "next"). The cards are drawn with stand-ins for them, replaced in every response."""

import hashlib
import secrets
from collections.abc import Sequence

from django.core.cache import caches
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tracker.choices import Habit
from tracker.guide import tips

CARDS_CACHE = "fragments"
# Per process and unguessable, so no tip's text can contain them.
_TOKEN = f"csrf-stand-in-{secrets.token_hex(16)}"
_HERE = f"next-stand-in-{secrets.token_hex(16)}"


class _Here:
    """What tip_card.html reads of the request while cards are drawn to be kept."""

    @staticmethod
    def get_full_path() -> str:
        return _HERE


def groups(tips: Sequence) -> list[tuple[str, list]]:
    """The tips under their habit's heading, in the habits' order; empty habits left out."""
    grouped = [
        (label, [tip for tip in tips if tip.habit == value]) for value, label in Habit.choices
    ]
    return [(label, items) for label, items in grouped if items]


def cards_key(content: tuple, dismissed: tuple, *, signed_in: bool) -> str:
    """`content` and `dismissed` as tips.content_and_dismissals gives them: any saved change
    to a tip or section, and any dismissal or restore, moves them."""
    digest = hashlib.sha256(
        repr((content, dismissed, signed_in, get_script_prefix())).encode()
    ).hexdigest()
    return f"tip-cards:{digest}"


def all_tip_cards(request) -> SafeString:
    """The page's groups of cards, with this request's CSRF token and address. Read and drawn
    only when the tips, sections or the person's dismissals changed since they were kept."""
    from tracker.models import Tip, TipDismissal

    user = request.user
    signed_in = user.is_authenticated
    content, dismissed = tips.content_and_dismissals(user.pk if signed_in else None)
    key = cards_key(content, dismissed, signed_in=signed_in)
    cache = caches[CARDS_CACHE]
    drawn = cache.get(key)
    if drawn is None:
        shown = tips.with_links(
            Tip.objects.filter(is_active=True).select_related("section").order_by("-priority", "id")
        )
        dismissed_ids = set()
        if signed_in:
            dismissed_ids = set(
                TipDismissal.objects.filter(user=user).values_list("tip_id", flat=True)
            )
        drawn = render_to_string(
            "tracker/partials/tip_groups.html",
            {
                "groups": groups(shown),
                "dismissed_ids": dismissed_ids,
                "user": user,
                "request": _Here,
                "csrf_token": _TOKEN,
            },
        )
        cache.set(key, drawn)
    # Drawn by our own template; the token and the address are escaped as the template would.
    return mark_safe(
        drawn.replace(_TOKEN, escape(get_token(request))).replace(
            _HERE, escape(request.get_full_path())
        )
    )
