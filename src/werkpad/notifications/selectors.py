"""Reads of notifications: a user reads only their own."""

from __future__ import annotations

from django.db.models import QuerySet

from werkpad.accounts.models import User
from werkpad.core.errors import NotFoundError
from werkpad.core.permissions import AnyUser
from werkpad.notifications.models import EmailPreference, Kind, Notification


def notification_list(*, user: User, unread: bool | None = None) -> QuerySet[Notification]:
    """The user's notifications, newest first; ``unread`` narrows to (un)read ones."""
    queryset = Notification.objects.filter(recipient_id=user.pk)
    if unread is not None:
        queryset = queryset.filter(read_at__isnull=unread)
    return queryset.order_by("-created_at", "-id")


def notification_get(*, user: User, id: int) -> Notification:
    """One of the user's notifications; anyone else's is not found."""
    notification = Notification.objects.filter(recipient_id=user.pk, pk=id).first()
    if notification is None:
        raise NotFoundError(code="notification-not-found")
    return notification


def unread_count(*, user: AnyUser | None) -> int:
    if user is None or not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()


def email_preferences(*, user: User) -> dict[str, bool]:
    """Kind -> whether the user wants e-mail for it (yes unless they said no)."""
    chosen = dict(EmailPreference.objects.filter(user_id=user.pk).values_list("kind", "email"))
    return {kind: chosen.get(kind, True) for kind in Kind.values}
