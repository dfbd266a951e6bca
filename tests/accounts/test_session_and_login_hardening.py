"""Login and session hardening: guessing codes, absolute and idle timeouts, superusers."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.authenticator import code_at
from tests.factories import JobSeekerFactory, UserFactory
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
PASSWORD = "werkpad-test-1"


def wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_five_wrong_codes_lock_the_second_step_and_every_attempt_is_audited(
    client, settings, amsterdam
):
    settings.WERKPAD_STAFF_2FA = True
    user = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, username="sanne")
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    with time_machine.travel(NOW, tick=False):
        good = code_at(device, NOW.timestamp())
        client.post(reverse("accounts:login"), {"username": "sanne", "password": PASSWORD})
        for _ in range(5):
            client.post(reverse("accounts:second-factor"), {"code": wrong(good)})
        assert AuditEvent.objects.filter(actor=user, action="login_failed").count() == 5
        client.post(reverse("accounts:login"), {"username": "sanne", "password": PASSWORD})
        response = client.post(reverse("accounts:second-factor"), {"code": good})
        assert "_auth_user_id" not in client.session  # locked: even the right code waits
        assert response.status_code == 302
    later = NOW + dt.timedelta(minutes=16)
    with time_machine.travel(later, tick=False):
        client.post(reverse("accounts:login"), {"username": "sanne", "password": PASSWORD})
        code = code_at(device, later.timestamp())
        client.post(reverse("accounts:second-factor"), {"code": code})
        assert client.session["_auth_user_id"] == str(user.pk)


def test_a_session_ends_eight_hours_after_login_however_active(client, settings, caseworker):
    settings.WERKPAD_STAFF_2FA = False
    with time_machine.travel(NOW, tick=False):
        client.post(
            reverse("accounts:login"), {"username": caseworker.username, "password": PASSWORD}
        )
    moment = NOW
    for _ in range(17):  # a click every 29 minutes
        moment += dt.timedelta(minutes=29)
        with time_machine.travel(moment, tick=False):
            response = client.get(reverse("jobseekers:list"))
    assert response.status_code == 302 and "login" in response.url


def test_the_idle_timeout_applies_to_the_api_with_a_session(client, caseworker, job_seeker):
    with time_machine.travel(NOW, tick=False):
        client.force_login(caseworker)
        assert client.get(f"/api/v1/job-seekers/{job_seeker.pk}").status_code == 200
    with time_machine.travel(NOW + dt.timedelta(hours=3), tick=False):
        assert client.get(f"/api/v1/job-seekers/{job_seeker.pk}").status_code in (401, 403)


def test_a_superuser_opens_no_file_by_being_superuser(api, amsterdam, caseworker):
    job_seeker = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, limitations="Kan niet tillen"
    )
    colleague = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, is_superuser=True)
    body = api.as_user(colleague).get(f"/api/v1/job-seekers/{job_seeker.pk}").json()
    assert body["limitations"] is None
    outsider = UserFactory(is_superuser=True)
    assert api.as_user(outsider).get(f"/api/v1/job-seekers/{job_seeker.pk}").status_code in (
        403,
        404,
    )


def test_superusers_log_in_with_the_second_step(settings):
    from werkpad.accounts.services import second_factor_required

    settings.WERKPAD_STAFF_2FA = True
    assert second_factor_required(UserFactory(is_superuser=True))


def test_a_typed_password_in_the_username_field_never_reaches_the_log(client):
    client.post(reverse("accounts:login"), {"username": "Geheim-wachtwoord-1", "password": "x"})
    event = AuditEvent.objects.get(action="login_failed")
    assert "Geheim" not in event.detail


def test_ten_failed_passwords_make_the_account_wait(client, settings, caseworker):
    settings.WERKPAD_STAFF_2FA = False
    for _ in range(10):
        client.post(
            reverse("accounts:login"),
            {"username": caseworker.username, "password": "wrong-password"},
        )
    client.post(reverse("accounts:login"), {"username": caseworker.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    with time_machine.travel(dt.datetime.now(tz=ZoneInfo("UTC")) + dt.timedelta(minutes=16)):
        client.post(
            reverse("accounts:login"), {"username": caseworker.username, "password": PASSWORD}
        )
    assert client.session["_auth_user_id"] == str(caseworker.pk)
