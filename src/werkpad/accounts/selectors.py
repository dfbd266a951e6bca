"""Reads on users and their login."""

from __future__ import annotations

from base64 import b32encode

from django_otp.plugins.otp_totp.models import TOTPDevice

from werkpad.accounts.models import User


def second_factor_device(*, user: User) -> TOTPDevice | None:
    """The user's authenticator app (a django-otp TOTP device), confirmed or not."""
    return TOTPDevice.objects.filter(user=user).order_by("-confirmed", "-pk").first()


def second_factor_key(device: TOTPDevice) -> str:
    """The key as an authenticator app takes it when typed: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
