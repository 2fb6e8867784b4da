"""gunicorn's access log, without share-link tokens (`make serve` uses it): a token in a log
line would open a person's report to whoever reads the log."""

from gunicorn.glogging import Logger

from tracker.log_filters import redact_share_tokens


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: redact_share_tokens(value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }
