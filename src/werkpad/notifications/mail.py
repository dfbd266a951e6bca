"""A notification by e-mail: its sentence and a link, in Dutch, nothing else.

The e-mail names no person and holds no detail of a file: what it is about is
behind the link, where werkpad checks who may read it. Sent at most once per
notification (``emailed_at``), and only when the recipient wants e-mail for
its kind.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from werkpad.core import clock
from werkpad.notifications.models import Notification
from werkpad.notifications.selectors import email_preferences

#: E-mail goes out in Dutch, the language of werkpad's users.
EMAIL_LANGUAGE = "nl"


def render_email(notification: Notification) -> tuple[str, str]:
    """The subject and the body of the e-mail for ``notification``."""
    with translation.override(EMAIL_LANGUAGE):
        context = {
            "text": notification.text,
            "link": f"{settings.WERKPAD_BASE_URL}{notification.url}",
            "preferences": settings.WERKPAD_BASE_URL + reverse("notifications:preferences"),
        }
        subject = render_to_string("notifications/email_subject.txt", context).strip()
        body = render_to_string("notifications/email_body.txt", context)
    return subject, body


def notification_email(notification_id: int) -> bool:
    """E-mail the notification unless it was, or its recipient wants none; True if sent."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.emailed_at is not None:
            return False
        recipient = notification.recipient
        if not (recipient.is_active and recipient.email):
            return False
        if not email_preferences(user=recipient)[notification.kind]:
            return False
        subject, body = render_email(notification)
        send_mail(subject, body, None, [recipient.email])
        notification.emailed_at = clock.now()
        notification.save(update_fields=["emailed_at"])
    return True
