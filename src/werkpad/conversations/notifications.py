"""New messages in notifications (WT2), of the kind ``Kind.MESSAGE``: the sentence says
only that there is a new message, never who wrote it nor what it says, and so does the
e-mail (the sentence and a link). A message to someone away reaches their stand-in
(``accounts.selectors.addressee``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.selectors import addressee
from werkpad.core.permissions import Role
from werkpad.notifications.models import Kind
from werkpad.notifications.registry import register_topic
from werkpad.notifications.services import notify

if TYPE_CHECKING:
    from werkpad.accounts.models import User
    from werkpad.conversations.models import Conversation, Message

TOPIC = "message"


def staff_recipients(conversation: Conversation) -> list[User]:
    """The staff a conversation is with: the contact person, or the trajectory's coach
    (all the provider's coaches while it has none) and the caseworkers who joined it."""
    from werkpad.accounts.models import User
    from werkpad.conversations.models import Kind as ConversationKind

    if conversation.kind == ConversationKind.CONTACT:
        person = conversation.job_seeker.contact_person
        return [person] if person is not None else []
    trajectory = conversation.trajectory
    assert trajectory is not None
    staff: list[User] = []
    if trajectory.coach is not None:
        staff.append(trajectory.coach)
    else:
        staff.extend(
            User.objects.filter(
                is_active=True,
                memberships__role=Role.COACH,
                memberships__is_active=True,
                memberships__organisation=conversation.provider_organisation,
            ).distinct()
        )
    staff.extend(
        User.objects.filter(
            pk__in=conversation.participants.filter(joined_at__isnull=False).values("user_id")
        ).select_related("stand_in")
    )
    return staff


def notify_message(message: Message, *, actor: User) -> None:
    conversation = message.conversation
    key = f"{TOPIC}:{message.pk}"
    job_seeker_user = conversation.job_seeker.user_id
    notify(
        recipient_id=job_seeker_user,
        topic=TOPIC,
        kind=Kind.MESSAGE,
        url=reverse("myconversations:detail", args=[conversation.pk]),
        key=key,
        actor=actor,
    )
    staff_url = reverse("conversations:detail", args=[conversation.pk])
    reached = {job_seeker_user}
    for person in staff_recipients(conversation):
        recipient = addressee(person)
        if recipient.pk in reached:
            continue
        reached.add(recipient.pk)
        notify(
            recipient_id=recipient.pk,
            topic=TOPIC,
            kind=Kind.MESSAGE,
            url=staff_url,
            key=key,
            actor=actor,
        )


def register() -> None:
    register_topic(TOPIC, texts={Kind.MESSAGE: _("You have a new message.")})
