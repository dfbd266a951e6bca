"""Users, memberships and API tokens."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from werkpad.accounts.models import Membership, User
from werkpad.accounts.services import membership_grant, token_issue, user_create
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role, scope_of

pytestmark = pytest.mark.django_db


def test_a_user_is_created_with_a_hashed_password():
    user = user_create(username="jdevries", password="lang genoeg wachtwoord", first_name="Jan")
    assert user.check_password("lang genoeg wachtwoord")
    assert "lang genoeg" not in user.password
    assert str(user) == "Jan"


def test_a_user_without_a_password_cannot_log_in_with_one():
    """Job seekers and employers log in through DigiD or eHerkenning in production."""
    user = user_create(username="digid-123", password=None)
    assert not user.has_usable_password()


def test_an_invalid_username_is_refused_and_nothing_is_saved():
    with pytest.raises(ValidationError):
        user_create(username="geen spaties toegestaan!", password="lang genoeg wachtwoord")
    assert not User.objects.exists()


def test_granting_a_role_twice_keeps_one_membership_and_reactivates_it(caseworker):
    membership = caseworker.memberships.get()
    membership.is_active = False
    membership.save()
    again = membership_grant(
        user=caseworker, organisation=membership.organisation, role=Role.CASEWORKER
    )
    assert again.pk == membership.pk
    assert again.is_active
    assert Membership.objects.filter(user=caseworker).count() == 1
    assert scope_of(caseworker).has(Role.CASEWORKER)


def test_a_token_is_issued_once_and_the_log_never_holds_it(caseworker):
    key = token_issue(user=caseworker)
    assert len(key) == 40
    assert token_issue(user=caseworker) == key
    issued = AuditEvent.objects.filter(object_type="api-token")
    assert issued.count() == 1
    assert all(key not in str(row) for row in AuditEvent.objects.values())


def test_the_token_command_prints_the_token_alone_on_the_last_line(caseworker, capsys):
    call_command("token", caseworker.username)
    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    assert last_line == token_issue(user=caseworker)


def test_the_token_command_refuses_an_unknown_or_inactive_user(caseworker):
    with pytest.raises(CommandError):
        call_command("token", "niemand")
    caseworker.is_active = False
    caseworker.save()
    with pytest.raises(CommandError):
        call_command("token", caseworker.username)
