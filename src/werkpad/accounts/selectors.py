"""Reads on users and their login."""

from __future__ import annotations

import datetime as dt
from base64 import b32encode
from typing import TypedDict

from django.db.models import Q, QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from werkpad.accounts.models import Membership, User
from werkpad.core import clock
from werkpad.core.permissions import STAFF_ROLES, Grant


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


def colleagues(*, user: User) -> QuerySet[User]:
    """Who may stand in for ``user`` (WT2): an active user holding one of ``user``'s
    staff roles in the same organisation, so they already have the same access."""
    mine = Membership.objects.filter(user=user, is_active=True).values_list(
        "organisation_id", "role"
    )
    query = Q(pk__in=[])
    for organisation_id, role in mine:
        if role in STAFF_ROLES:
            query |= Q(memberships__organisation_id=organisation_id, memberships__role=role)
    return (
        User.objects.filter(query, is_active=True, memberships__is_active=True)
        .exclude(pk=user.pk)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def addressee(user: User, *, on: dt.date | None = None) -> User:
    """Who a message to ``user`` reaches (WT2): their stand-in while they are away (and
    the stand-in is active), themselves otherwise."""
    day = on or clock.today()
    stand_in = user.stand_in if user.is_away(day) else None
    return stand_in if stand_in is not None and stand_in.is_active else user
