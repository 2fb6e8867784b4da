from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST, require_safe

from tracker.guide import content, get_help, tip_cards
from tracker.guide import tips as tips_module
from tracker.models import GuideSection, Tip, TipDismissal
from tracker.redirects import back

_ACTIVE_TIPS = Tip.objects.filter(is_active=True).order_by("-priority", "id")


@require_safe
def guide(request: HttpRequest) -> HttpResponse:
    # A section's tips are of its own language, so filtering the sections is enough.
    sections = GuideSection.objects.filter(language=content.reading_language()).prefetch_related(
        Prefetch("tips", queryset=_ACTIVE_TIPS)
    )
    # The notice and lines of any open care alert come from context_processors.care_lines.
    context = {
        "sections": sections,
        "get_help": get_help.summary(get_help.country_of(request.user)),
    }
    return render(request, "tracker/guide.html", context)


@require_safe
def guide_section(request: HttpRequest, slug: str) -> HttpResponse:
    section = get_object_or_404(GuideSection, slug=slug, language=content.reading_language())
    tips = tips_module.with_links(_ACTIVE_TIPS.filter(section=section).select_related("section"))
    context = {
        "section": section,
        "tips": tips,
    }
    return render(request, "tracker/guide_section.html", context)


@require_safe
def tip_list(request: HttpRequest) -> HttpResponse:
    return render(request, "tracker/tips.html", {"cards": tip_cards.all_tip_cards(request)})


@require_POST
@login_required
def dismiss_tip(request: HttpRequest, tip_id: int) -> HttpResponse:
    tip = get_object_or_404(Tip, pk=tip_id, is_active=True)
    TipDismissal.objects.get_or_create(user=request.user, tip=tip)
    if request.htmx:
        return render(request, "tracker/partials/tip_dismissed.html", {"tip": tip})
    return back(request, "tracker:home")


@require_POST
@login_required
def restore_tip(request: HttpRequest, tip_id: int) -> HttpResponse:
    tip = get_object_or_404(Tip, pk=tip_id)
    # A built-in tip dismissed in another language is the same tip: bring it back in all.
    same_tip = Q(tip=tip) | Q(tip__builtin_key=tip.builtin_key) if tip.builtin_key else Q(tip=tip)
    TipDismissal.objects.filter(same_tip, user=request.user).delete()
    return back(request, "tracker:tip_list")
