import logging
import re

# PostgreSQL repeats the offending row's values in constraint errors ("Failing row contains
# (...)", "DETAIL: Key (...)"); those can be health data, so they never reach a log.
_ROW_DETAIL = re.compile(r"^.*(DETAIL:|Failing row contains|Key \().*$", re.MULTILINE)


class DropRequestData(logging.Filter):
    """Django attaches the request to error records; a handler that printed it (an e-mail
    report, say) would carry form values, notes and symptoms. Only the path is kept, and
    database error details that quote row values are cut from tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None:
            record.request_path = getattr(request, "path", "")
            record.request = None
        if record.exc_info and not record.exc_text:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = _ROW_DETAIL.sub("[row details removed]", text)
        return True
