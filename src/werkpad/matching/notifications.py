"""Introductions in notifications (EM6): the job seeker hears that an employer asks to
meet them; the employer who asked and the employer's contact person at the employer
service hear the answer. Sentences name nobody and carry no content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.notifications.models import Kind
from werkpad.notifications.registry import register_topic
from werkpad.notifications.services import notify

if TYPE_CHECKING:
    from werkpad.accounts.models import User
    from werkpad.matching.models import IntroductionRequest

ASKED = "introduction"
ANSWERED = "introduction-answer"


def notify_asked(introduction: IntroductionRequest, *, actor: User) -> None:
    notify(
        recipient_id=introduction.job_seeker.user_id,
        topic=ASKED,
        url=reverse("myintroductions:list") + f"#introduction-{introduction.pk}",
        key=f"{ASKED}:{introduction.pk}",
        actor=actor,
    )


def notify_answered(introduction: IntroductionRequest, *, actor: User) -> None:
    recipients = {introduction.requested_by_id, introduction.employer.contact_person_id}
    for recipient in sorted(r for r in recipients if r is not None):
        notify(
            recipient_id=recipient,
            topic=ANSWERED,
            url=reverse("candidates:introduction", args=[introduction.pk])
            if recipient == introduction.requested_by_id
            else reverse("matching:introductions"),
            key=f"{ANSWERED}:{introduction.pk}",
            actor=actor,
        )


def register() -> None:
    register_topic(ASKED, texts={Kind.ASSIGNED: _("An employer would like to meet you.")})
    register_topic(
        ANSWERED, texts={Kind.ASSIGNED: _("A job seeker answered a request for an introduction.")}
    )
