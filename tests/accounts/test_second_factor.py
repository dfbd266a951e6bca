"""Staff log in with a second factor (TOTP); the login completes only after it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.authenticator import code_at
from tests.factories import JobSeekerFactory, UserFactory, job_seeker_login
from werkpad.accounts.services import two_factor_enrolment_start, two_factor_verify
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
PASSWORD = "werkpad-test-1"


def current_code(user) -> str:
    return code_at(TOTPDevice.objects.get(user=user), NOW.timestamp())


@pytest.mark.parametrize(
    ("unix_time", "code"), [(59, "287082"), (1111111109, "081804"), (2000000000, "279037")]
)
def test_rfc_6238_reference_codes_confirm_the_device_werkpad_enrols(amsterdam, unix_time, code):
    user = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    device = two_factor_enrolment_start(user=user)
    assert (device.step, device.digits, device.t0, device.confirmed) == (30, 6, 0, False)
    device.key = b"12345678901234567890".hex()
    device.save()
    with time_machine.travel(dt.datetime.fromtimestamp(unix_time, dt.UTC), tick=False):
        assert code_at(device, unix_time) == code
        assert two_factor_verify(user=user, code=code).confirmed


@time_machine.travel(NOW, tick=False)
def test_staff_member_sets_up_the_app_on_first_login_and_is_then_logged_in(
    client, settings, amsterdam
):
    settings.WERKPAD_STAFF_2FA = True
    user = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, username="sanne")
    response = client.post(reverse("accounts:login"), {"username": "sanne", "password": PASSWORD})
    assert response.url == reverse("accounts:second-factor")
    assert "_auth_user_id" not in client.session  # not logged in after the password alone

    page = client.get(reverse("accounts:second-factor"))
    assert page.context["enrolling"] and "<svg" in page.content.decode()
    response = client.post(reverse("accounts:second-factor"), {"code": current_code(user)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and device.last_used_at == NOW
    assert AuditEvent.objects.filter(actor=user, action="login").exists()


@time_machine.travel(NOW, tick=False)
def test_a_wrong_or_reused_code_is_refused(client, settings, amsterdam):
    settings.WERKPAD_STAFF_2FA = True
    user = UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam, username="beleid")
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    code = code_at(device, NOW.timestamp())

    client.post(reverse("accounts:login"), {"username": "beleid", "password": PASSWORD})
    wrong = "000000" if code != "000000" else "111111"
    response = client.post(reverse("accounts:second-factor"), {"code": wrong})
    assert response.status_code == 400 and "_auth_user_id" not in client.session
    assert client.post(reverse("accounts:second-factor"), {"code": code}).status_code == 302

    client.logout()
    client.post(reverse("accounts:login"), {"username": "beleid", "password": PASSWORD})
    response = client.post(reverse("accounts:second-factor"), {"code": code})
    assert response.status_code == 400  # the same code does not work twice
    assert "_auth_user_id" not in client.session


def test_the_second_step_expires_after_five_minutes(client, settings, amsterdam):
    settings.WERKPAD_STAFF_2FA = True
    UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, username="sanne")
    with time_machine.travel(NOW, tick=False):
        client.post(reverse("accounts:login"), {"username": "sanne", "password": PASSWORD})
    with time_machine.travel(NOW + dt.timedelta(minutes=6), tick=False):
        response = client.get(reverse("accounts:second-factor"))
    assert response.url == reverse("accounts:login")


def test_a_job_seeker_logs_in_without_a_second_step(client, settings, amsterdam):
    settings.WERKPAD_STAFF_2FA = True
    user = job_seeker_login(JobSeekerFactory(municipality=amsterdam))
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(user.pk)


def test_without_the_setting_staff_log_in_with_the_password(client, settings, amsterdam):
    settings.WERKPAD_STAFF_2FA = False
    user = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, username="sanne")
    client.post(reverse("accounts:login"), {"username": "sanne", "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_lost_authenticator_is_reset_from_the_command_line(amsterdam):
    from django.core.management import call_command

    user = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, username="sanne")
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    call_command("reset_second_factor", "sanne")
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert AuditEvent.objects.filter(object_type="two-factor-device", origin="cli").exists()


@time_machine.travel(NOW, tick=False)
def test_the_code_is_checked_against_the_device_the_enrolment_page_shows(amsterdam):
    """With a second, unconfirmed device beside the confirmed one (added in the admin, say),
    the confirmed authenticator is the one both the page and the check use."""
    from werkpad.accounts.selectors import second_factor_device

    user = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    TOTPDevice.objects.create(user=user, name="spare", confirmed=False)
    confirmed = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    assert second_factor_device(user=user) == confirmed
    code = code_at(confirmed, NOW.timestamp())
    assert two_factor_verify(user=user, code=code) == confirmed
