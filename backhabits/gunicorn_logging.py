"""gunicorn's logs without the secrets some paths carry (`make serve` uses this class): a
password-reset, confirmation, unsubscribe or share token in a log line would let whoever reads
the log use it. tracker.log_filters lists those paths."""

from gunicorn.glogging import Logger

from tracker.log_filters import DropRequestData, redact_secrets

# gunicorn's own messages ("Invalid request from ip=…: Invalid HTTP request line: 'GET …'",
# "Error handling request GET …") quote the path as it came.
_REDACT = DropRequestData()


class RedactingLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        if _REDACT not in self.error_log.filters:
            self.error_log.addFilter(_REDACT)

    def atoms(self, resp, req, environ, request_time):
        # Every atom: the request line, the path, the query, the Referer and any header or
        # environ value a custom access_log_format might name.
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: redact_secrets(value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }
