"""Writes on users and memberships."""

from __future__ import annotations

from django.db import transaction
from rest_framework.authtoken.models import Token

from werkpad.accounts.models import Membership, User
from werkpad.core.audit import audit_record
from werkpad.core.models import AuditEvent, Organisation
from werkpad.core.permissions import forget_scope


@transaction.atomic
def user_create(*, username: str, password: str | None, first_name: str = "", last_name: str = "",
                email: str = "", phone: str = "") -> User:
    user = User(username=username, first_name=first_name, last_name=last_name, email=email,
                phone=phone)
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
        audit_record(user=user, action=AuditEvent.Action.CREATE, object_type="api-token",
                     object_id=user.pk, detail="API token issued")
    return token.key
