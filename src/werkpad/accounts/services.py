"""Writes on users and memberships."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from werkpad.accounts import totp
from werkpad.accounts.models import Membership, TwoFactorDevice, User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import ConflictError, DomainError
from werkpad.core.models import AuditEvent, Organisation
from werkpad.core.permissions import STAFF_ROLES, forget_scope, scope_of


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    phone: str = "",
) -> User:
    user = User(
        username=username, first_name=first_name, last_name=last_name, email=email, phone=phone
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def membership_grant(*, user: User, organisation: Organisation, role: str) -> Membership:
    membership, _created = Membership.objects.update_or_create(
        user=user, organisation=organisation, role=role, defaults={"is_active": True}
    )
    forget_scope(user)
    return membership


@transaction.atomic
def token_issue(*, user: User) -> str:
    """The user's API token, created on first request. Recorded without the token itself."""
    token, created = Token.objects.get_or_create(user=user)
    if created:
        audit_record(
            user=user,
            action=AuditEvent.Action.CREATE,
            object_type="api-token",
            object_id=user.pk,
            detail="API token issued",
        )
    return token.key


def second_factor_required(user: User) -> bool:
    """Staff log in with a second factor (WERKPAD_STAFF_2FA); job seekers and employers not.

    In production those two log in through DigiD and eHerkenning, whose own
    levels of assurance apply.
    """
    return settings.WERKPAD_STAFF_2FA and scope_of(user).has(*STAFF_ROLES)


@transaction.atomic
def two_factor_enrolment_start(*, user: User) -> TwoFactorDevice:
    """A new, unconfirmed secret for the user's authenticator app (replaces an unconfirmed one)."""
    device = TwoFactorDevice.objects.select_for_update().filter(user=user).first()
    if device is not None and device.confirmed_at is not None:
        raise ConflictError(
            _("Two-factor login is already set up for this account."), code="two-factor-exists"
        )
    if device is None:
        device = TwoFactorDevice(user=user)
    device.secret = totp.new_secret()
    device.last_step = -1
    device.save()
    return device


@transaction.atomic
def two_factor_verify(*, user: User, code: str) -> TwoFactorDevice:
    """Check a code; the first good code confirms the device. A code works only once."""
    device = TwoFactorDevice.objects.select_for_update().filter(user=user).first()
    if device is None:
        raise DomainError(
            _("Two-factor login is not set up for this account."), code="two-factor-missing"
        )
    step = totp.match(
        device.secret, code, unix_time=clock.now().timestamp(), after_step=device.last_step
    )
    if step is None:
        audit_record(
            user=user,
            action=AuditEvent.Action.LOGIN_FAILED,
            object_type="session",
            result=AuditEvent.Result.FAILED,
            detail="second factor refused",
        )
        raise DomainError(
            _("This code is not right, or was used already. Try the next one."),
            code="two-factor-code-invalid",
            field="code",
        )
    device.last_step = step
    if device.confirmed_at is None:
        device.confirmed_at = clock.now()
        audit_record(
            user=user,
            action=AuditEvent.Action.CREATE,
            object_type="two-factor-device",
            object_id=device.pk,
        )
    device.save()
    return device


@transaction.atomic
def membership_revoke(*, user: User, organisation: Organisation, role: str) -> int:
    """End a role; the membership stays, inactive, as a record of who held it."""
    ended = Membership.objects.filter(
        user=user, organisation=organisation, role=role, is_active=True
    ).update(is_active=False)
    forget_scope(user)
    return ended
