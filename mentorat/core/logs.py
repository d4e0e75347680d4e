"""Logging helpers for one clean console."""

import logging


class NoTracebackForClientErrors(logging.Filter):
    """A 403 or 404 is an answer, not a failure: its log line keeps the path, not the
    traceback of the exception that produced it. 5xx keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.exc_info and status is not None and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
