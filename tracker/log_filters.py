import logging


class DropRequestData(logging.Filter):
    """Django attaches the request to error records; a handler that printed it (an e-mail
    report, say) would carry form values, notes and symptoms. Only the path is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None:
            record.request_path = getattr(request, "path", "")
            record.request = None
        return True
