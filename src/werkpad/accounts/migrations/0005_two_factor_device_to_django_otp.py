"""Every authenticator moves to django-otp's TOTP device (0006 removes the old model).

The key is the same secret (base32 before, hex now), so the app on the phone
keeps working. The last used time step, the confirmation, the wrong codes in a
row and a running lock are carried over: a code used before stays used, and a
lock still holds (as five wrong codes, the last one LOCK_MINUTES before its end).
"""

import base64
import datetime as dt

from django.db import migrations
from django.utils import timezone

DEVICE_NAME = "authenticator"
MAX_FAILED_CODES = 5
LOCK_MINUTES = 15


def _hex_key(secret):
    return base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True).hex()


def to_django_otp(apps, schema_editor):
    TwoFactorDevice = apps.get_model("accounts", "TwoFactorDevice")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for old in TwoFactorDevice.objects.order_by("pk").iterator():
        failures, failed_at = old.failed_codes, None
        if old.locked_until is not None:
            failures = MAX_FAILED_CODES
            failed_at = old.locked_until - dt.timedelta(minutes=LOCK_MINUTES)
        device = TOTPDevice.objects.create(
            user_id=old.user_id,
            name=DEVICE_NAME,
            confirmed=old.confirmed_at is not None,
            key=_hex_key(old.secret),
            last_t=old.last_step,
            throttling_failure_count=failures,
            throttling_failure_timestamp=failed_at,
        )
        if old.confirmed_at is not None:  # created_at is set on create; keep the enrolment's
            TOTPDevice.objects.filter(pk=device.pk).update(created_at=old.confirmed_at)


def from_django_otp(apps, schema_editor):
    TwoFactorDevice = apps.get_model("accounts", "TwoFactorDevice")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for device in TOTPDevice.objects.order_by("user_id", "-confirmed", "-pk").iterator():
        if TwoFactorDevice.objects.filter(user_id=device.user_id).exists():
            continue
        locked = device.throttling_failure_count >= MAX_FAILED_CODES
        TwoFactorDevice.objects.create(
            user_id=device.user_id,
            secret=base64.b32encode(bytes.fromhex(device.key)).decode().rstrip("="),
            confirmed_at=(device.created_at or timezone.now()) if device.confirmed else None,
            last_step=device.last_t,
            failed_codes=0 if locked else device.throttling_failure_count,
            locked_until=(
                device.throttling_failure_timestamp + dt.timedelta(minutes=LOCK_MINUTES)
                if locked and device.throttling_failure_timestamp
                else None
            ),
        )
    TOTPDevice.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_two_factor_lock"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [
        migrations.RunPython(to_django_otp, from_django_otp),
    ]
