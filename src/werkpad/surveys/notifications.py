"""Survey invitations in notifications (RI6): each recipient hears that a survey waits
for them, with the link; the sentence names nothing of the survey or of them."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import Membership, User
from werkpad.core.permissions import Role
from werkpad.notifications.models import Kind
from werkpad.notifications.registry import register_topic
from werkpad.notifications.services import notify
from werkpad.surveys.models import Invitation

INVITED = "survey-invitation"


def _recipients(invitation: Invitation, employer_users: dict[int, list[int]]) -> list[int]:
    if invitation.job_seeker is not None:
        user_id = invitation.job_seeker.user_id
        return [user_id] if user_id is not None else []
    assert invitation.employer is not None
    return employer_users.get(invitation.employer.organisation_id, [])


def notify_invited(invitations: list[Invitation], *, actor: User) -> None:
    """After the commit, every invited person with a login hears of their link."""
    organisations = {i.employer.organisation_id for i in invitations if i.employer is not None}
    employer_users: dict[int, list[int]] = {}
    for organisation_id, user_id in Membership.objects.filter(
        organisation_id__in=organisations, role=Role.EMPLOYER, is_active=True
    ).values_list("organisation_id", "user_id"):
        employer_users.setdefault(organisation_id, []).append(user_id)
    for invitation in invitations:
        for recipient in _recipients(invitation, employer_users):
            notify(
                recipient_id=recipient,
                topic=INVITED,
                url=reverse("surveys:answer", args=[invitation.token]),
                key=f"{INVITED}:{invitation.pk}",
                actor=actor,
            )


def register() -> None:
    register_topic(
        INVITED,
        texts={Kind.ASSIGNED: _("You are invited to answer a short satisfaction survey.")},
    )
