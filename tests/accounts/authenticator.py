"""What an authenticator app on the phone shows: the code of a time step (RFC 6238)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def code_at(device: TOTPDevice, unix_time: float) -> str:
    """The code for ``device`` at ``unix_time``."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = unix_time
    return f"{totp.token():0{device.digits}d}"


def code_of_base32_secret(secret: str, unix_time: float) -> str:
    """The code an app computes from a base32 key (HMAC-SHA1, 6 digits, 30 seconds).

    Written out here, apart from django-otp, so that a key carried over from
    before django-otp is checked against what the phone itself computes.
    """
    key = base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)
    digest = hmac.new(key, struct.pack(">Q", int(unix_time // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 10**6:06d}"
