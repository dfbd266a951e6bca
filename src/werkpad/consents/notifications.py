"""Consents in notifications: the job seeker hears that they are asked for consent."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import User
from werkpad.notifications.models import Kind
from werkpad.notifications.registry import register_topic
from werkpad.notifications.services import notify

CONSENT_REQUEST = "consent-request"


def notify_request(*, job_seeker_user_id: int | None, consent_ids: list[int], actor: User) -> None:
    """After commit: the job seeker hears once per request that an answer waits."""
    if not consent_ids:
        return
    notify(
        recipient_id=job_seeker_user_id,
        topic=CONSENT_REQUEST,
        url=reverse("portal:consents"),
        key=f"{CONSENT_REQUEST}:{min(consent_ids)}:{len(consent_ids)}",
        actor=actor,
    )


def register() -> None:
    register_topic(
        CONSENT_REQUEST,
        texts={Kind.ASSIGNED: _("You are asked whether part of your file may be shared.")},
    )
