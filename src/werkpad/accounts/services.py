"""Writes on users and memberships."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from werkpad.accounts.models import Membership, User
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
def membership_grant(
    *, user: User, organisation: Organisation, role: str, actor: User | None = None
) -> Membership:
    """Give a role; audited with who gave it (``actor``; None for a process)."""
    membership, _created = Membership.objects.update_or_create(
        user=user, organisation=organisation, role=role, defaults={"is_active": True}
    )
    forget_scope(user)
    audit_record(
        user=actor,
        action=AuditEvent.Action.CREATE,
        object_type="membership",
        object_id=membership.pk,
        detail=f"{user.username}: {role} at {organisation}",
    )
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
    key: str = token.key
    return key


def second_factor_required(user: User) -> bool:
    """Staff log in with a second factor (WERKPAD_STAFF_2FA); job seekers and employers not.

    In production those two log in through DigiD and eHerkenning, whose own
    levels of assurance apply.
    """
    if not settings.WERKPAD_STAFF_2FA:
        return False
    return user.is_superuser or user.is_staff or scope_of(user).has(*STAFF_ROLES)


#: The name of a staff member's authenticator app among their django-otp devices.
DEVICE_NAME = "authenticator"


@transaction.atomic
def two_factor_enrolment_start(*, user: User) -> TOTPDevice:
    """A new, unconfirmed key for the user's authenticator app (replaces an unconfirmed one)."""
    devices = TOTPDevice.objects.select_for_update().filter(user=user)
    if any(device.confirmed for device in devices):
        raise ConflictError(
            _("Two-factor login is already set up for this account."), code="two-factor-exists"
        )
    devices.delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


#: Wrong codes in a row before the second step locks for LOCK_MINUTES.
MAX_FAILED_CODES = 5
LOCK_MINUTES = 15


class SecondFactorLockedError(DomainError):
    code = "two-factor-locked"


def two_factor_locked_until(device: TOTPDevice) -> dt.datetime | None:
    """When the lock after MAX_FAILED_CODES wrong codes in a row ends (None: never locked).

    Counted in django-otp's throttling fields: the count of wrong codes in a
    row and the moment of the last one. Its own back-off is switched off
    (``OTP_TOTP_THROTTLE_FACTOR = 0``), so this is the one rule that applies.
    """
    if device.throttling_failure_count < MAX_FAILED_CODES:
        return None
    last_failure: dt.datetime | None = device.throttling_failure_timestamp
    if last_failure is None:
        return None
    return last_failure + dt.timedelta(minutes=LOCK_MINUTES)


def two_factor_verify(*, user: User, code: str) -> TOTPDevice:
    """Check a code; the first good code confirms the device. A code works only once.

    django-otp checks the code (RFC 6238, one step either side, never a step at
    or before the last one used). A wrong code is counted and audited in a
    transaction that commits (the refusal is raised after it); after
    MAX_FAILED_CODES wrong codes in a row the second step is locked for
    LOCK_MINUTES, so a code cannot be guessed.
    """
    now = clock.now()
    with transaction.atomic():
        # The same device the enrolment page shows (``selectors.second_factor_device``).
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user)
            .order_by("-confirmed", "-pk")
            .first()
        )
        if device is None:
            raise DomainError(
                _("Two-factor login is not set up for this account."), code="two-factor-missing"
            )
        locked_until = two_factor_locked_until(device)
        if locked_until is not None and locked_until > now:
            raise SecondFactorLockedError(
                _("Too many wrong codes. Try again after %(time)s.")
                % {"time": timezone.localtime(locked_until).strftime("%H:%M")},
                field="code",
            )
        if locked_until is not None:
            device.throttle_reset(commit=False)  # the lock has passed: a new round of tries
        digits = "".join(ch for ch in code if ch.isdigit())
        if len(digits) == device.digits:
            verified = device.verify_token(digits)
        else:
            device.throttle_increment(commit=True)
            verified = False
        if not verified:
            locked_until = two_factor_locked_until(device)
            audit_record(
                user=user,
                action=AuditEvent.Action.LOGIN_FAILED,
                object_type="session",
                result=AuditEvent.Result.FAILED,
                detail="second factor refused"
                + (" and locked" if locked_until and locked_until > now else ""),
            )
        elif not device.confirmed:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            audit_record(
                user=user,
                action=AuditEvent.Action.CREATE,
                object_type="two-factor-device",
                object_id=device.pk,
            )
    if not verified:
        raise DomainError(
            _("This code is not right, or was used already. Try the next one."),
            code="two-factor-code-invalid",
            field="code",
        )
    return device


@transaction.atomic
def two_factor_reset(*, user: User, by: str) -> bool:
    """Remove a user's authenticator so that they set it up again at their next login."""
    removed, _detail = TOTPDevice.objects.filter(user=user).delete()
    audit_record(
        user=None,
        action=AuditEvent.Action.UPDATE,
        object_type="two-factor-device",
        object_id=user.pk,
        detail=f"reset by {by}"[:300],
    )
    return bool(removed)


@transaction.atomic
def membership_revoke(
    *, user: User, organisation: Organisation, role: str, actor: User | None = None
) -> int:
    """End a role; the membership stays, inactive, as a record of who held it."""
    ended = Membership.objects.filter(
        user=user, organisation=organisation, role=role, is_active=True
    ).update(is_active=False)
    forget_scope(user)
    audit_record(
        user=actor,
        action=AuditEvent.Action.UPDATE,
        object_type="membership",
        object_id=user.pk,
        detail=f"{user.username}: {role} at {organisation} ended",
    )
    return ended


@transaction.atomic
def profile_set_away(*, user: User, away_until: dt.date | None, stand_in_id: int | None) -> User:
    """A staff member says until when they are away and who stands in (WT2): a colleague
    with the same role in the same organisation. Messages to them reach the stand-in
    while they are away. Back (``away_until`` None) keeps the stand-in for next time."""
    from werkpad.accounts.selectors import colleagues
    from werkpad.core.errors import InvalidInputError

    locked = User.objects.select_for_update().get(pk=user.pk)
    errors: dict[str, list[str]] = {}
    if away_until is not None and away_until < clock.today():
        errors["away_until"] = [_("Choose today or a later date.")]
    stand_in = None
    if stand_in_id is not None:
        stand_in = colleagues(user=locked).filter(pk=stand_in_id).first()
        if stand_in is None:
            errors["stand_in"] = [
                _("Choose a colleague with the same role in the same organisation.")
            ]
    if away_until is not None and stand_in is None and "stand_in" not in errors:
        errors["stand_in"] = [_("Name a stand-in while you are away.")]
    if errors:
        raise InvalidInputError(errors)
    locked.away_until = away_until
    locked.stand_in = stand_in
    locked.save(update_fields=["away_until", "stand_in"])
    audit_record(
        user=locked,
        action=AuditEvent.Action.UPDATE,
        object_type="user",
        object_id=locked.pk,
        fields=["away_until", "stand_in"],
    )
    user.away_until, user.stand_in = locked.away_until, locked.stand_in
    return locked
