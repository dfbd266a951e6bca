"""Writes of notifications: sending one after a commit, reading, e-mail preferences.

A domain service calls ``notify`` inside its transaction; the notification is
enqueued when that transaction commits, and never when it rolls back
(``transaction.on_commit``). The task that delivers it is idempotent: the
database holds each (recipient, key) once.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.errors import InvalidInputError
from werkpad.notifications.models import EmailPreference, Kind, Notification
from werkpad.notifications.selectors import notification_get
from werkpad.notifications.tasks import deliver

logger = logging.getLogger(__name__)


def notify(
    *,
    recipient_id: int | None,
    topic: str,
    url: str,
    key: str,
    kind: str = Kind.ASSIGNED,
    due_on: dt.date | None = None,
    actor: User | None = None,
) -> None:
    """Notify ``recipient_id`` once the surrounding transaction commits.

    Nobody is notified of what they did themselves (``actor``). ``key`` makes it
    once: the same key for the same recipient is not sent again.
    """
    if recipient_id is None or (actor is not None and actor.pk == recipient_id):
        return
    transaction.on_commit(
        partial(
            deliver.enqueue,
            recipient_id=recipient_id,
            topic=topic,
            kind=str(kind),
            url=url,
            key=key,
            due_on=due_on.isoformat() if due_on else "",
        ),
        robust=True,
    )


def notification_mark_read(*, user: User, notification_id: int) -> Notification:
    """The user has read one of their notifications (again: nothing changes)."""
    with transaction.atomic():
        notification = notification_get(user=user, id=notification_id)
        if notification.read_at is None:
            notification.read_at = clock.now()
            notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).update(
        read_at=clock.now()
    )


def email_preferences_set(*, user: User, email: Mapping[str, bool]) -> None:
    """Whether the user wants e-mail, per kind of notification."""
    unknown = sorted(set(email) - set(Kind.values))
    if unknown:
        raise InvalidInputError({name: [_("Unknown kind of notification.")] for name in unknown})
    with transaction.atomic():
        for kind, wanted in email.items():
            EmailPreference.objects.update_or_create(
                user_id=user.pk, kind=kind, defaults={"email": bool(wanted)}
            )
