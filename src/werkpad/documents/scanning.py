"""Malware scanning of uploads with ClamAV (WT3).

When ``CLAMAV_URL`` is set (``tcp://host:3310`` or ``unix:///run/clamav/clamd.ctl``),
every upload is sent to the clamd daemon with the INSTREAM command through
``clamav-client`` (the maintained, typed fork of python-clamd). Infected: refused.
The scanner does not answer or answers an error: refused as well (fail closed). Without
``CLAMAV_URL`` nothing is scanned and the document is recorded as not checked.

``configured_scanner`` is the seam: tests put a fake scanner in its place.
"""

from __future__ import annotations

import io
from typing import Protocol
from urllib.parse import urlsplit

from django.conf import settings


class ScannerUnavailable(Exception):
    """The scanner could not give an answer."""


class Scanner(Protocol):
    def scan(self, data: bytes) -> str | None:
        """None when clean; the name of what was found otherwise. Raises
        ``ScannerUnavailable`` when it cannot tell."""


class ClamdScanner:
    """clamd at a ``tcp://`` or ``unix://`` address."""

    def __init__(self, url: str, *, timeout: float) -> None:
        address = urlsplit(url)
        if address.scheme not in ("tcp", "unix"):
            raise ValueError(f"CLAMAV_URL={url!r}: use tcp://host:port or unix:///path")
        self.address = address
        self.timeout = timeout

    def _client(self):
        from clamav_client.clamd import ClamdNetworkSocket, ClamdUnixSocket

        if self.address.scheme == "unix":
            return ClamdUnixSocket(path=self.address.path, timeout=int(self.timeout))
        return ClamdNetworkSocket(
            host=self.address.hostname or "127.0.0.1",
            port=self.address.port or 3310,
            timeout=self.timeout,
        )

    def scan(self, data: bytes) -> str | None:
        from clamav_client.clamd import ClamdError

        try:
            answer = self._client().instream(io.BytesIO(data))
        except (ClamdError, OSError) as error:
            raise ScannerUnavailable(str(error)) from error
        if not answer:
            raise ScannerUnavailable("clamd gave no answer")
        status, reason = next(iter(answer.values()))
        if status == "OK":
            return None
        if status == "FOUND":
            return str(reason or "malware")
        raise ScannerUnavailable(f"clamd answered {status}: {reason}")


def configured_scanner() -> Scanner | None:
    """The scanner of ``CLAMAV_URL``, or None when it is not set."""
    url = settings.CLAMAV_URL
    if not url:
        return None
    return ClamdScanner(url, timeout=settings.CLAMAV_TIMEOUT)
