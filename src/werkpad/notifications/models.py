"""A notification: a short sentence for one user about one object, with its link.

It holds no personal details of anyone but its recipient: the sentence comes
from the topic that an app registered (``registry``), filled in with a date at
most, and the link is a path within werkpad that checks access itself. So the
same text may go by e-mail (ADR 0006).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.notifications.kinds import Kind
from werkpad.notifications.registry import notification_text

__all__ = ["EmailPreference", "Kind", "Notification"]


class NotificationManager(models.Manager["Notification"]):
    def record(
        self,
        *,
        recipient_id: int,
        topic: str,
        kind: str,
        url: str,
        key: str,
        due_on: dt.date | None = None,
    ) -> tuple[Notification, bool]:
        """The notification with this key for this recipient: the one there is, or a new one
        (``True`` when new). Safe when two workers record it at the same moment."""
        try:
            with transaction.atomic():
                return self.get_or_create(
                    recipient_id=recipient_id,
                    key=key[:200],
                    defaults={"topic": topic, "kind": kind, "url": url[:300], "due_on": due_on},
                )
        except IntegrityError:
            return self.get(recipient_id=recipient_id, key=key[:200]), False


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    topic = models.CharField(_("topic"), max_length=50)
    url = models.CharField(_("link"), max_length=300)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    #: What makes it happen once per recipient: the topic, the kind, the object and
    #: the term's date (or the version of the object that assigned it).
    key = models.CharField(_("key"), max_length=200)
    created_at = models.DateTimeField(_("created at"), default=clock.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    objects = NotificationManager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notification_once"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_list_idx"),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} · {self.topic} · {self.kind}"

    @property
    def text(self) -> str:
        return notification_text(self.topic, self.kind, self.due_on)


class EmailPreference(models.Model):
    """Whether a user wants e-mail for one kind of notification; without a row, yes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_email_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    email = models.BooleanField(_("by e-mail"), default=True)

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="email_preference_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.kind} · {self.email}"
