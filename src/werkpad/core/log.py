"""Logging filters."""

from __future__ import annotations

import logging


class ClientErrorWithoutTraceback(logging.Filter):
    """Logs a refused request (4xx) as one line, without the traceback of its exception.

    Django passes the exception of a ``PermissionDenied``, ``BadRequest`` or
    ``SuspiciousOperation`` along with its warning, so every refusal a view
    raises would fill the log with a stack trace. A refusal is not a fault of the
    program; server errors (5xx) keep their traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
