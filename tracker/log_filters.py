import logging
import re
from urllib.parse import unquote

# PostgreSQL repeats the offending row's values in constraint errors ("Failing row contains
# (...)", "DETAIL: Key (...)"); those can be health data, so they never reach a log.
_ROW_DETAIL = re.compile(r"^.*(DETAIL:|Failing row contains|Key \().*$", re.MULTILINE)

# Paths whose next segments are a secret: following a logged one would set a new password,
# confirm an address, cancel someone's reminders or open their report. Every segment after
# the prefix becomes "[token]". tests/test_log_redaction.py walks the URL patterns and fails
# for a URL with a secret parameter that is missing here.
SECRET_PATH_PREFIXES = (
    "/accounts/reset/",  # django.contrib.auth: reset/<uidb64>/<token>/ and …/set-password/
    "/confirm-email/",
    "/reminders/unsubscribe/",
    "/shared/",
)
_SECRET_PATH = re.compile(
    "(" + "|".join(map(re.escape, SECRET_PATH_PREFIXES)) + r")([^?#\s\"'<>]+)"
)
_SEGMENT = re.compile(r"[^/]+")


def _redact_match(match: re.Match) -> str:
    return match[1] + _SEGMENT.sub("[token]", match[2])


def redact_secrets(text: str) -> str:
    """`text` with the secret segments of any path in it replaced. A path with
    percent-encoded letters ("/%73hared/…") opens the same page, so it is redacted in its
    decoded form."""
    redacted = _SECRET_PATH.sub(_redact_match, text)
    if "%" in redacted:
        decoded = unquote(redacted)
        if _SECRET_PATH.search(decoded):
            return _SECRET_PATH.sub(_redact_match, decoded)
    return redacted


def _redact_args(args):
    if isinstance(args, tuple):
        return tuple(redact_secrets(arg) if isinstance(arg, str) else arg for arg in args)
    if isinstance(args, dict):
        return {key: redact_secrets(v) if isinstance(v, str) else v for key, v in args.items()}
    return args


class DropRequestData(logging.Filter):
    """Django attaches the request to error records; a handler that printed it (an e-mail
    report, say) would carry form values, notes and symptoms. Only the path is kept, without
    its secrets, and database error details that quote row values are cut from tracebacks.
    gunicorn's own log (backhabits.gunicorn_logging) goes through it too."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None:
            record.request_path = redact_secrets(getattr(request, "path", ""))
            record.request = None
        # Django's "Not Found: /shared/…/" and gunicorn's "Invalid request from ip=…: Invalid
        # HTTP request line: 'GET /accounts/reset/…'" name the path in the message or its
        # arguments.
        record.args = _redact_args(record.args)
        if isinstance(record.msg, str):
            record.msg = redact_secrets(record.msg)
        if record.exc_info and not record.exc_text:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact_secrets(_ROW_DETAIL.sub("[row details removed]", text))
        return True
