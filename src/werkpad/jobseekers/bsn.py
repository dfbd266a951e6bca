"""The burgerservicenummer: the elfproef and masking."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def is_valid_bsn(value: str) -> bool:
    """Nine digits whose weighted sum (9..2, and -1 for the last) is divisible by 11.

    Only the ASCII digits 0-9 count: ``str.isdigit`` alone also accepts other
    scripts' digits and superscripts.
    """
    if len(value) != 9 or not (value.isascii() and value.isdigit()) or value == "000000000":
        return False
    digits = [int(c) for c in value]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(
            _("This is not a valid BSN: it must have nine digits and pass the elfproef."),
            code="invalid-bsn",
        )


def mask_bsn(value: str) -> str:
    """Only the last three digits stay visible: ``******782``."""
    return "*" * 6 + value[-3:] if value else ""


def make_bsn(n: int) -> str:
    """The n-th test BSN: deterministic, passes the elfproef, starts with 1.

    For demo data and tests only: real BSNs are issued by the BRP.
    """
    prefix = 10_000_000 + n * 7
    while True:
        digits = [int(c) for c in f"{prefix:08d}"]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return f"{prefix:08d}{check}"
        prefix += 1
