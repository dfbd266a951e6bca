"""Reads on users and their login."""

from __future__ import annotations

from base64 import b32encode
from typing import TypedDict

from django.db.models import QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkpad.accounts.models import Membership, User
from werkpad.core.permissions import Grant


def second_factor_device(*, user: User) -> TOTPDevice | None:
    """The user's authenticator app (a django-otp TOTP device), confirmed or not."""
    return TOTPDevice.objects.filter(user=user).order_by("-confirmed", "-pk").first()


def second_factor_key(device: TOTPDevice) -> str:
    """The key as an authenticator app takes it when typed: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def active_grants(user_id: int) -> list[Grant]:
    """The roles a user holds now, in which organisation and municipality, oldest first:
    the grant source of ``core.permissions.scope_of``."""
    rows = (
        Membership.objects.filter(user_id=user_id, is_active=True)
        .select_related("organisation")
        .order_by("id")
    )
    return [
        Grant(
            role=m.role,
            organisation_id=m.organisation_id,
            organisation_name=m.organisation.name,
            municipality_id=m.organisation.municipality_id,
        )
        for m in rows
    ]


class UserId(TypedDict):
    user_id: int


def role_holders(
    *, role: str, municipality_id: int | None = None, organisation_id: int | None = None
) -> QuerySet[Membership, UserId]:
    """The ids (``user_id``) of active users who hold ``role`` now, in the organisations
    of a municipality or in one organisation; usable as a subquery."""
    memberships = Membership.objects.filter(role=role, is_active=True, user__is_active=True)
    if municipality_id is not None:
        memberships = memberships.filter(organisation__municipality_id=municipality_id)
    if organisation_id is not None:
        memberships = memberships.filter(organisation_id=organisation_id)
    return memberships.values("user_id")
