"""Log formatting that keeps personal data out of the logs."""

from __future__ import annotations

import logging
import traceback


class RedactingFormatter(logging.Formatter):
    """Tracebacks keep their frames and the exception class, never the message.

    ``IntegrityError: duplicate key value ... (nip)=(199203152019032004)`` becomes
    ``IntegrityError (message withheld)``: what failed and where, not whose row.
    """

    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def]
        exc_type, _exc, tb = ei
        frames = "".join(traceback.format_tb(tb)) if tb else ""
        name = exc_type.__name__ if exc_type else "Exception"
        return f"Traceback (most recent call last):\n{frames}{name} (message withheld)"
