"""Agreed actions in notifications (WT1): the owner hears of a new action and of its term
nearing and passed; the other party hears that an action marked done waits for their
approval. Sentences name nobody and carry no content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.notifications.models import Kind
from werkpad.notifications.registry import Term, register_topic
from werkpad.notifications.services import notify

if TYPE_CHECKING:
    from werkpad.accounts.models import User
    from werkpad.actions.models import Action

ASSIGNED = "action"
TERM = "action-term"
APPROVAL = "action-approval"


def owner_id(action: Action) -> int | None:
    """The user who does the action."""
    match action.owner:
        case "job_seeker":
            return action.job_seeker.user_id
        case "contact_person":
            return action.job_seeker.contact_person_id
        case "coach":
            return action.trajectory.coach_id if action.trajectory else None
    return None


def approver_id(action: Action) -> int | None:
    """Who approves the action once marked done: for the job seeker's, the trajectory's
    coach (or the contact person when none is named) or, on a plan, the contact person;
    the job seeker for the others."""
    if action.owner != "job_seeker":
        return action.job_seeker.user_id
    if action.trajectory is not None and action.trajectory.coach_id:
        return action.trajectory.coach_id
    return action.job_seeker.contact_person_id


def url_for(action: Action, recipient_id: int | None) -> str:
    if recipient_id is not None and recipient_id == action.job_seeker.user_id:
        return reverse("myactions:list") + f"#action-{action.pk}"
    return reverse("actions:detail", args=[action.pk])


def notify_assigned(action: Action, *, actor: User) -> None:
    recipient = owner_id(action)
    notify(
        recipient_id=recipient,
        topic=ASSIGNED,
        url=url_for(action, recipient),
        key=f"{ASSIGNED}:{action.pk}",
        actor=actor,
    )


def notify_approval(action: Action, *, actor: User) -> None:
    recipient = approver_id(action)
    notify(
        recipient_id=recipient,
        topic=APPROVAL,
        url=url_for(action, recipient),
        key=f"{APPROVAL}:{action.pk}:{action.version}",
        actor=actor,
    )


def action_terms(*, municipality_id: int, since: dt.date, until: dt.date) -> Iterator[Term]:
    """Open actions of the municipality due between ``since`` and ``until``, for their
    owner; not for a job seeker who left the file."""
    from werkpad.actions.models import Action
    from werkpad.actions.workflow import Status

    rows = (
        Action.objects.filter(
            municipality_id=municipality_id,
            status=Status.OPEN,
            due_on__range=(since, until),
            job_seeker__left_on__isnull=True,
        )
        .select_related("job_seeker", "trajectory")
        .only(
            "pk",
            "owner",
            "due_on",
            "job_seeker__user_id",
            "job_seeker__contact_person_id",
            "trajectory__coach_id",
        )
    )
    for action in rows.iterator():
        recipient = owner_id(action)
        if recipient is not None:
            yield Term(
                recipient_id=recipient,
                object_id=action.pk,
                due_on=action.due_on,
                url=url_for(action, recipient),
            )


def register() -> None:
    register_topic(ASSIGNED, texts={Kind.ASSIGNED: _("An action was agreed for you.")})
    register_topic(
        APPROVAL, texts={Kind.ASSIGNED: _("An action was marked done: please approve it.")}
    )
    register_topic(
        TERM,
        texts={
            Kind.TERM_NEAR: _("An action of yours is due on %(date)s."),
            Kind.TERM_PASSED: _("An action of yours was due on %(date)s."),
        },
        terms=action_terms,
    )
