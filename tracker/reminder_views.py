from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tracker import reminders
from tracker.models import PushSubscription


class PushSubscriptionForm(forms.Form):
    endpoint = forms.URLField(max_length=1000, assume_scheme="https")
    p256dh = forms.RegexField(regex=r"^[A-Za-z0-9_\-]{20,200}={0,2}$", max_length=200)
    auth = forms.RegexField(regex=r"^[A-Za-z0-9_\-]{8,100}={0,2}$", max_length=100)


@require_GET
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
    if not reminders.vapid_configured():
        return HttpResponse("Push reminders are not set up on this server.", status=404)
    form = PushSubscriptionForm(request.POST)
    if not form.is_valid():
        return HttpResponse("That subscription was not valid.", status=400)
    data = form.cleaned_data
    label = reminders.device_label(request.headers.get("User-Agent", ""))
    subscription, created = PushSubscription.objects.get_or_create(
        endpoint=data["endpoint"],
        defaults={"user": request.user, "p256dh": data["p256dh"], "auth": data["auth"],
                  "device_label": label},
    )  # fmt: skip
    if not created and subscription.user_id != request.user.pk:
        # The browser re-used an endpoint another account registered on this device.
        subscription.delete()
        PushSubscription.objects.create(
            user=request.user, endpoint=data["endpoint"], p256dh=data["p256dh"],
            auth=data["auth"], device_label=label,
        )  # fmt: skip
    return HttpResponse("Subscribed.", status=201 if created else 200)


@require_POST
@login_required
def push_delete(request: HttpRequest, subscription_id: int) -> HttpResponse:
    subscription = get_object_or_404(PushSubscription, pk=subscription_id, user=request.user)
    subscription.delete()
    messages.success(request, "That device will no longer get reminders.")
    return redirect("tracker:settings")


@csrf_exempt  # mail clients send the one-click POST (RFC 8058) without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        changed = reminders.unsubscribe(token)
    except signing.BadSignature:
        return render(request, "tracker/unsubscribe.html", {"state": "invalid"}, status=400)
    state = "done" if changed else "used"
    return render(request, "tracker/unsubscribe.html", {"state": state})
