"""A browser's push subscription, for reminders."""

import base64
import binascii

from cryptography.hazmat.primitives.asymmetric import ec
from django import forms
from django.utils.translation import gettext

from tracker.accounts import delivery

AUTH_SECRET_BYTES = 16  # the Web Push auth secret's length (RFC 8291)


def _b64url_bytes(value: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, binascii.Error) as error:
        raise forms.ValidationError(gettext("Not base64url.")) from error


class PushSubscriptionForm(forms.Form):
    """What a browser's PushManager hands over. The endpoint is where the cron job will POST,
    so only a known browser push service is accepted (tracker.accounts.reminders)."""

    endpoint = forms.URLField(max_length=1000, assume_scheme="https")
    p256dh = forms.CharField(max_length=200)
    auth = forms.CharField(max_length=100)

    def clean_endpoint(self) -> str:
        endpoint = self.cleaned_data["endpoint"]
        if not delivery.push_endpoint_allowed(endpoint):
            raise forms.ValidationError(
                gettext(
                    "Reminders are sent only through a browser's own push service "
                    "(https, port 443)."
                )
            )
        return endpoint

    def clean_p256dh(self) -> str:
        raw = _b64url_bytes(self.cleaned_data["p256dh"])
        try:
            ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
        except ValueError as error:
            raise forms.ValidationError(gettext("Not a P-256 public key.")) from error
        return self.cleaned_data["p256dh"]

    def clean_auth(self) -> str:
        if len(_b64url_bytes(self.cleaned_data["auth"])) != AUTH_SECRET_BYTES:
            raise forms.ValidationError(
                gettext("The auth secret must be %(bytes)d bytes.") % {"bytes": AUTH_SECRET_BYTES}
            )
        return self.cleaned_data["auth"]
