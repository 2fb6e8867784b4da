from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tracker.accounts import delivery
from tracker.forms.reminders import PushSubscriptionForm
from tracker.models import PushSubscription


@require_safe
@never_cache
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the site root so its scope is the whole app."""
    response = HttpResponse(
        render_to_string("tracker/sw.js"), content_type="application/javascript; charset=utf-8"
    )
    response["Service-Worker-Allowed"] = "/"
    return response


@require_POST
@login_required
def push_subscribe(request: HttpRequest) -> HttpResponse:
    if not delivery.vapid_configured():
        return HttpResponse(gettext("Push reminders are not set up on this server."), status=404)
    form = PushSubscriptionForm(request.POST)
    if not form.is_valid():
        problems = " ".join(error for errors in form.errors.values() for error in errors)
        return HttpResponse(
            " ".join([gettext("That subscription was not saved."), problems]),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    data = form.cleaned_data
    # The endpoint is the device: a re-subscription (fresh keys) or another account logging in
    # on the same browser takes the row over.
    _subscription, created = PushSubscription.objects.update_or_create(
        endpoint=data["endpoint"],
        defaults={
            "user": request.user,
            "p256dh": data["p256dh"],
            "auth": data["auth"],
            "device_label": delivery.device_label(request.headers.get("User-Agent", "")),
        },
    )
    return HttpResponse(gettext("Subscribed."), status=201 if created else 200)


@require_POST
@login_required
def push_delete(request: HttpRequest, subscription_id: int) -> HttpResponse:
    subscription = get_object_or_404(PushSubscription, pk=subscription_id, user=request.user)
    subscription.delete()
    messages.success(request, gettext("That device will no longer get reminders."))
    return redirect("tracker:settings")


@csrf_exempt  # mail clients send the one-click POST (RFC 8058) without a CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button (link scanners in mail systems follow GETs and must not
    unsubscribe anyone); POST, from that button or from the mail client, unsubscribes."""
    if request.method != "POST":  # GET or HEAD
        try:
            delivery.check_unsubscribe_token(token)
        except signing.BadSignature:
            return render(request, "tracker/unsubscribe.html", {"state": "invalid"}, status=400)
        return render(request, "tracker/unsubscribe.html", {"state": "confirm"})
    try:
        changed = delivery.unsubscribe(token)
    except signing.BadSignature:
        return render(request, "tracker/unsubscribe.html", {"state": "invalid"}, status=400)
    state = "done" if changed else "used"
    return render(request, "tracker/unsubscribe.html", {"state": state})
