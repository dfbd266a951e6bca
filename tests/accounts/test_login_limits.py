"""The login gives one answer to every refusal, and waits per account and per client address."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client
from django.urls import reverse

from werkpad.accounts.forms import LoginForm
from werkpad.core.models import AuditEvent

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
PASSWORD = "werkpad-test-1"
LOGIN = "/accounts/login/"
HOME = "203.0.113.7"
ELSEWHERE = "198.51.100.20"


class CountingHasher(MD5PasswordHasher):
    """Counts how often a password is hashed, whether to check it or to spend the time."""

    calls = 0

    def encode(self, password, salt):
        type(self).calls += 1
        return super().encode(password, salt)


@pytest.fixture(autouse=True)
def _password_only(settings):
    settings.WERKPAD_STAFF_2FA = False


def attempt(client: Client, username: str, password: str, address: str = HOME):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def answer(response) -> tuple[int, list[str]]:
    return response.status_code, list(response.context["form"].non_field_errors())


def test_unknown_name_wrong_password_and_a_waiting_account_get_one_answer(caseworker, settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    caseworker.set_password(PASSWORD)
    caseworker.save()
    with time_machine.travel(NOW, tick=False):
        CountingHasher.calls = 0
        unknown = attempt(Client(), "niemand-bekend", "wrong-password")
        hashed_unknown = CountingHasher.calls
        CountingHasher.calls = 0
        wrong = attempt(Client(), caseworker.username, "wrong-password")
        hashed_wrong = CountingHasher.calls
        for _ in range(LoginForm.MAX_FAILURES - 1):
            attempt(Client(), caseworker.username, "wrong-password", address=ELSEWHERE)
        client = Client()
        CountingHasher.calls = 0
        waiting = attempt(client, caseworker.username, PASSWORD)
        hashed_waiting = CountingHasher.calls
        assert "_auth_user_id" not in client.session
    assert answer(unknown) == answer(wrong) == answer(waiting)
    assert answer(unknown)[0] == 200
    assert answer(unknown)[1] == [str(LoginForm.REFUSED)]
    # The password hasher runs once in every case: the wait is not told apart by speed.
    assert hashed_unknown == hashed_wrong == hashed_waiting == 1


def test_the_refusal_is_in_dutch_and_names_neither_account_nor_wait(caseworker):
    response = attempt(Client(), caseworker.username, "wrong-password")
    html = response.content.decode()
    assert "De gebruikersnaam en het wachtwoord horen niet bij elkaar" in html
    assert "dit account" not in html


def test_failures_from_one_address_make_logins_from_there_wait(caseworker, settings):
    settings.WERKPAD_LOGIN_FAILURES_PER_ADDRESS = 30
    with time_machine.travel(NOW, tick=False):
        for number in range(30):  # many names, none of them failing ten times
            attempt(Client(), f"gok-{number % 5}", "wrong-password")
        here = Client()
        refused = attempt(here, caseworker.username, PASSWORD)
        assert "_auth_user_id" not in here.session
        assert answer(refused)[1] == [str(LoginForm.REFUSED)]
        elsewhere = Client()
        attempt(elsewhere, caseworker.username, PASSWORD, address=ELSEWHERE)
        assert elsewhere.session["_auth_user_id"] == str(caseworker.pk)
    with time_machine.travel(NOW + dt.timedelta(minutes=16), tick=False):
        later = Client()
        attempt(later, caseworker.username, PASSWORD)
        assert later.session["_auth_user_id"] == str(caseworker.pk)


def test_twenty_nine_failures_from_one_address_do_not_make_it_wait(caseworker, settings):
    settings.WERKPAD_LOGIN_FAILURES_PER_ADDRESS = 30
    with time_machine.travel(NOW, tick=False):
        for number in range(29):
            attempt(Client(), f"gok-{number % 5}", "wrong-password")
        client = Client()
        attempt(client, caseworker.username, PASSWORD)
        assert client.session["_auth_user_id"] == str(caseworker.pk)


def test_a_failed_login_records_the_client_address(caseworker):
    attempt(Client(), caseworker.username, "wrong-password")
    attempt(Client(), "niemand-bekend", "wrong-password", address=ELSEWHERE)
    events = AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED)
    assert sorted(events.values_list("client_address", flat=True)) == [ELSEWHERE, HOME]


def test_an_address_that_is_no_ip_address_is_not_recorded_and_not_counted(caseworker):
    client = Client()
    attempt(client, caseworker.username, "wrong-password", address="unix:/run/werkpad.sock")
    assert AuditEvent.objects.get(action=AuditEvent.Action.LOGIN_FAILED).client_address is None
    attempt(client, caseworker.username, PASSWORD, address="")
    assert client.session["_auth_user_id"] == str(caseworker.pk)


def test_the_login_page_is_not_stored_and_has_no_inline_style():
    response = Client().get(reverse("accounts:login"))
    assert "no-store" in response.headers["Cache-Control"]
    assert "style=" not in response.content.decode()
