"""Tip cards drawn once and kept: the all-tips page's, for each version of the tips and each set
of dismissals, and the day's "Tips for you" (home, and the page after a check-in), for each
choice of them.

Every signed-in visitor sees the same cards but for the tips they dismissed, and drawing 33 of
them was two thirds of the page. They are kept in each process's fragment cache under a digest of
what they are drawn from: the tips and sections as saved and the person's dismissals (figures that
any saved change moves, day_choice.content_and_dismissals), whether anyone is signed in, the page's
language (the cards are that language's rows, under headings and buttons in its words) and the
script prefix. So an edit shows at once, and a page whose cards are kept reads no tip.

Two things differ per request and are never kept: the CSRF token and the page's own address (each
form's "next"). The cards are drawn with stand-ins for them, replaced in every response."""

import hashlib
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from tracker.choices import Habit
from tracker.csrf import STAND_IN, with_token
from tracker.guide import day_choice, tips
from tracker.links import HERE_STAND_IN, page_address, with_here

CARDS_CACHE = "fragments"


class _Here:
    """What tip_card.html reads of the request while cards are drawn to be kept."""

    @staticmethod
    def get_full_path() -> str:
        return HERE_STAND_IN


def groups(tips: Sequence) -> list[tuple[str, list]]:
    """The tips under their habit's heading, in the habits' order; empty habits left out."""
    grouped = [
        (label, [tip for tip in tips if tip.habit == value]) for value, label in Habit.choices
    ]
    return [(label, items) for label, items in grouped if items]


def cards_key(content: tuple, dismissed: tuple, *, signed_in: bool, language: str) -> str:
    """`content` and `dismissed` as day_choice.content_and_dismissals gives them: any saved change
    to a tip or section, and any dismissal or restore, moves them."""
    digest = hashlib.sha256(
        repr((content, dismissed, signed_in, language, page_address()[1:])).encode()
    ).hexdigest()
    return f"tip-cards:{digest}"


def _with_request(drawn: str, request) -> SafeString:
    # Drawn by our own template; the token and the address are escaped as the template would.
    return mark_safe(with_here(with_token(drawn, request), request.get_full_path()))


def tips_for_you(request, choice: day_choice.DayChoice) -> SafeString:
    """The day's "Tips for you" section (nothing without tips), with this request's CSRF token
    and address. Kept under the choice's own key (day_choice.day_choice), with the script prefix
    added, as the cards link to pages: the same choice is drawn once, and its tips are read
    only to draw it. Kept beside the choice, in the cache sized for one entry per person and
    day (with DEBUG on, drawn every time, as the fragments are)."""
    digest = hashlib.sha256(f"{choice.key}|{page_address()[1:]}".encode()).hexdigest()
    key = f"tips-for-you:{digest}"
    cache = caches[day_choice.TIP_CACHE]
    drawn = None if settings.DEBUG else cache.get(key)
    if drawn is None:
        # The cards' links are set only to draw them: a kept section needs none.
        chosen = tips.chosen_with_links(choice.chosen)
        drawn = render_to_string(
            "tracker/partials/tips_for_you.html",
            {"chosen_tips": chosen, "user": request.user, "request": _Here, "csrf_token": STAND_IN},
        )
        cache.set(key, drawn)
    return _with_request(drawn, request)


def all_tip_cards(request) -> SafeString:
    """The page's groups of cards, with this request's CSRF token and address. Read and drawn
    only when the tips, sections or the person's dismissals changed since they were kept."""
    from tracker.guide.content import reading_language
    from tracker.models import Tip, TipDismissal

    user = request.user
    signed_in = user.is_authenticated
    language = translation.get_language() or settings.LANGUAGE_CODE
    content, dismissed = day_choice.content_and_dismissals(user.pk if signed_in else None)
    key = cards_key(content, dismissed, signed_in=signed_in, language=language)
    cache = caches[CARDS_CACHE]
    drawn = cache.get(key)
    if drawn is None:
        shown = tips.with_links(
            Tip.objects.filter(is_active=True, language=reading_language(language))
            .select_related("section")
            .order_by("-priority", "id")
        )
        dismissed_ids = set()
        if signed_in:
            # A built-in tip dismissed in another language shows as dismissed here too.
            pairs = list(
                TipDismissal.objects.filter(user=user).values_list("tip_id", "tip__builtin_key")
            )
            ids = {tip_id for tip_id, _key in pairs}
            keys = {key for _tip_id, key in pairs if key}
            dismissed_ids = {tip.pk for tip in shown if tip.pk in ids or tip.builtin_key in keys}
        drawn = render_to_string(
            "tracker/partials/tip_groups.html",
            {
                "groups": groups(shown),
                "dismissed_ids": dismissed_ids,
                "user": user,
                "request": _Here,
                "csrf_token": STAND_IN,
            },
        )
        cache.set(key, drawn)
    return _with_request(drawn, request)
