"""The notifications' background tasks: idempotent, taking ids and plain values."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from werkpad.core import clock
from werkpad.notifications.mail import notification_email
from werkpad.notifications.models import Notification
from werkpad.notifications.terms import sweep


@task()
def deliver(
    *, recipient_id: int, topic: str, kind: str, url: str, key: str, due_on: str = ""
) -> int:
    """Record a notification (once per recipient and key) and e-mail it if wanted."""
    notification, created = Notification.objects.record(
        recipient_id=recipient_id,
        topic=topic,
        kind=kind,
        url=url,
        key=key,
        due_on=dt.date.fromisoformat(due_on) if due_on else None,
    )
    if created:
        notification_email(notification.pk)
    return notification.pk


@task()
def email(notification_id: int) -> bool:
    return notification_email(notification_id)


@task()
def sweep_terms() -> int:
    """Terms nearing and passed today: notify each recipient once, e-mail the new ones."""
    created = sweep(today=clock.today())
    for notification_id in created:
        email.enqueue(notification_id)
    return len(created)
