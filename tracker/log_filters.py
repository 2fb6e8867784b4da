import logging
import re

# PostgreSQL repeats the offending row's values in constraint errors ("Failing row contains
# (...)", "DETAIL: Key (...)"); those can be health data, so they never reach a log.
_ROW_DETAIL = re.compile(r"^.*(DETAIL:|Failing row contains|Key \().*$", re.MULTILINE)
# A share link's token opens a person's report (tracker.sharing): no log line carries one.
_SHARE_TOKEN = re.compile(r"(/shared/)[^/?#\s\"]+")


def redact_share_tokens(text: str) -> str:
    return _SHARE_TOKEN.sub(r"\1[token]", text)


class DropRequestData(logging.Filter):
    """Django attaches the request to error records; a handler that printed it (an e-mail
    report, say) would carry form values, notes and symptoms. Only the path is kept, and
    database error details that quote row values are cut from tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None:
            record.request_path = redact_share_tokens(getattr(request, "path", ""))
            record.request = None
        # Django's "Too Many Requests: /shared/…/" names the path in the record's arguments.
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_share_tokens(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        if isinstance(record.msg, str):
            record.msg = redact_share_tokens(record.msg)
        if record.exc_info and not record.exc_text:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = _ROW_DETAIL.sub("[row details removed]", text)
        return True
