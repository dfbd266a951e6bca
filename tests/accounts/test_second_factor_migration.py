"""Authenticators set up before django-otp keep working after the migration to it."""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.authenticator import code_of_base32_secret
from werkpad.accounts.models import User
from werkpad.accounts.services import SecondFactorLockedError, two_factor_verify
from werkpad.core.errors import DomainError

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
BEFORE = [("accounts", "0004_two_factor_lock")]


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.fixture
def before_django_otp():
    """The database as it was before the migration; brought to the latest state afterwards."""
    executor = migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_an_authenticator_set_up_before_keeps_working_and_a_used_code_stays_used(
    before_django_otp,
):
    OldUser = before_django_otp.get_model("accounts", "User")
    OldDevice = before_django_otp.get_model("accounts", "TwoFactorDevice")
    secret = base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")
    used_step = int(NOW.timestamp() // 30)
    sanne = OldUser.objects.create(username="sanne")
    OldDevice.objects.create(
        user=sanne, secret=secret, confirmed_at=NOW - dt.timedelta(days=30), last_step=used_step
    )
    locked = OldUser.objects.create(username="ahmed")
    locked_secret = base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")
    OldDevice.objects.create(
        user=locked,
        secret=locked_secret,
        confirmed_at=NOW - dt.timedelta(days=30),
        last_step=used_step - 100,
        locked_until=NOW + dt.timedelta(minutes=10),
    )
    unconfirmed = OldUser.objects.create(username="noor")
    OldDevice.objects.create(user=unconfirmed, secret=secret, failed_codes=2)

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    device = TOTPDevice.objects.get(user_id=sanne.pk)
    assert device.confirmed and device.last_t == used_step
    assert base64.b32encode(device.bin_key).decode().rstrip("=") == secret
    assert device.created_at == NOW - dt.timedelta(days=30)
    user = User.objects.get(pk=sanne.pk)
    with time_machine.travel(NOW, tick=False):
        with pytest.raises(DomainError) as refused:
            two_factor_verify(user=user, code=code_of_base32_secret(secret, NOW.timestamp()))
        assert refused.value.code == "two-factor-code-invalid"  # used before the migration
    later = NOW + dt.timedelta(seconds=30)
    with time_machine.travel(later, tick=False):
        code = code_of_base32_secret(secret, later.timestamp())
        assert two_factor_verify(user=user, code=code).last_t == used_step + 1

    ahmed = User.objects.get(pk=locked.pk)
    with time_machine.travel(NOW, tick=False), pytest.raises(SecondFactorLockedError):
        two_factor_verify(user=ahmed, code=code_of_base32_secret(locked_secret, NOW.timestamp()))
    after_lock = NOW + dt.timedelta(minutes=11)
    with time_machine.travel(after_lock, tick=False):
        code = code_of_base32_secret(locked_secret, after_lock.timestamp())
        assert two_factor_verify(user=ahmed, code=code).confirmed

    waiting = TOTPDevice.objects.get(user_id=unconfirmed.pk)
    assert not waiting.confirmed and waiting.throttling_failure_count == 2
