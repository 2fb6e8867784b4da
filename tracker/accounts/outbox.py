"""Account e-mails go out after the response. Talking to a mail server takes most of a second;
done inside the request, that time would tell anyone whether an address has an account (a
reset or a notice is sent for it, nothing for a stranger's). Queued instead, and sent once the
server has closed the response (Django's `request_finished`, sent from the response's close()),
every answer takes the same time. Outside a request (a command, the shell) mail leaves at once."""

import logging
from contextvars import ContextVar

from django.core.mail import EmailMessage
from django.core.signals import got_request_exception, request_finished
from django.dispatch import receiver

logger = logging.getLogger(__name__)

# The messages asked for by the request being answered on this thread (or task): a list of
# (message, what it is for the log).
_queued: ContextVar[list[tuple[EmailMessage, str]] | None] = ContextVar(
    "backhabits_outbox", default=None
)


def send(message: EmailMessage, *, kind: str, request=None) -> None:
    """Sends `message` once `request`'s response has gone out, or now without a request.
    `kind` names it in the log, which never carries the address or the link."""
    if request is None:
        _deliver(message, kind)
        return
    queue = _queued.get()
    if queue is None:
        queue = []
        _queued.set(queue)
    queue.append((message, kind))


@receiver(got_request_exception, dispatch_uid="backhabits-outbox-failed")
def _drop_queued(**kwargs) -> None:
    # The request failed and its database writes were rolled back: a confirmation link or notice
    # queued before the failure would name a key that was never stored.
    queue = _queued.get()
    if queue:
        logger.warning("%d queued e-mail(s) dropped: the request failed", len(queue))
    _queued.set(None)


@receiver(request_finished, dispatch_uid="backhabits-outbox")
def _send_queued(**kwargs) -> None:
    queue = _queued.get()
    if not queue:
        return
    _queued.set(None)
    # Popped one by one, so a message is never sent twice, and one that fails leaves the rest.
    while queue:
        _deliver(*queue.pop(0))


def _deliver(message: EmailMessage, kind: str) -> None:
    try:
        message.send()
    except Exception as error:  # a failed send must not break the response or the others
        logger.warning("A %s e-mail could not be sent: %s", kind, type(error).__name__)
