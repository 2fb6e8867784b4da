"""Push reminders reach only the allowed push services: hosts are compared as the request will
name them (IDNA), and a redirect from a push service is never followed."""

import base64
import http.server
import threading

import pytest

from tracker.accounts import delivery, reminders
from tracker.models import PushSubscription


@pytest.mark.parametrize(
    ("endpoint", "allowed"),
    [
        ("https://evil\u3002com.push.apple.com/x", False),  # ideographic full stop
        ("https://evil\uff0ecom.push.apple.com/x", False),  # full-width full stop
        ("https://evil\uff61com.push.apple.com/x", False),  # half-width ideographic full stop
        ("https://fcm.googleapis.com\u3002/x", False),  # the trailing dot, written otherwise
        ("https://web\u3002push\u3002apple\u3002com/x", True),  # the very host that is reached
        ("https://\uff26\uff23\uff2d.googleapis.com/x", True),  # full-width FCM
        ("https://a_b.push.apple.com/x", False),  # not a host name IDNA accepts
        ("https://xn--80ak6aa92e.push.apple.com/x", True),  # one label, already encoded
        ("https://\u0430\u0440\u0440\u04cf\u0435.push.apple.com/x", True),  # encodes to one label
        ("https://fcm.googleapis.com\u200b/x", True),  # mapped away: fcm itself is reached
    ],
)
def test_hosts_are_compared_after_idna(endpoint, allowed):
    assert delivery.push_endpoint_allowed(endpoint) is allowed


class _Hop(http.server.BaseHTTPRequestHandler):
    location = ""
    received: list[str] = []

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        _Hop.received.append(self.path)
        if self.path.startswith("/first"):
            self.send_response(307)
            self.send_header("Location", _Hop.location)
        else:
            self.send_response(201)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def two_hops(settings):
    public, private = delivery.generate_vapid_keys()
    settings.BACKHABITS_VAPID_PUBLIC_KEY, settings.BACKHABITS_VAPID_PRIVATE_KEY = public, private
    _Hop.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hop)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _Hop.location = f"{base}/second-hop-an-internal-service"
    yield base
    server.shutdown()


def _subscription(user, endpoint: str) -> PushSubscription:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    public = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    return PushSubscription.objects.create(
        user=user,
        endpoint=endpoint,
        p256dh=base64.urlsafe_b64encode(public).rstrip(b"=").decode(),
        auth=base64.urlsafe_b64encode(b"0123456789abcdef").rstrip(b"=").decode(),
    )


def test_a_redirect_from_the_push_service_is_not_followed(user, two_hops):
    subscription = _subscription(user, f"{two_hops}/first")
    message = reminders.build_message(user)
    assert delivery.send_push(subscription, message) == "failed"
    assert _Hop.received == ["/first"]
