"""Worklist sections (WT1): each owner's open and overdue actions, and the actions marked
done that wait for this user's approval."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.actions.models import Action, Owner
from werkpad.actions.rules import CASEWORKERS, COACHES
from werkpad.actions.workflow import Status
from werkpad.core import clock
from werkpad.core.worklist import WorklistItem, WorklistSection

SHOWN = 5


def _items(queryset: QuerySet[Action]) -> list[WorklistItem]:
    today = clock.today()
    return [
        WorklistItem(
            title=f"{a.job_seeker.full_name} · {a.description}",
            url=reverse("actions:detail", args=[a.pk]),
            detail=_("due on %(date)s") % {"date": a.due_on.strftime("%d-%m-%Y")},
            overdue=a.overdue(today),
            due_on=a.due_on,
        )
        for a in queryset.select_related("job_seeker").order_by("due_on", "id")[:SHOWN]
    ]


def _sections(user, *, mine: Q, approvals: Q, owner: str, visible: Q) -> list[WorklistSection]:
    base = Action.objects.filter(visible)
    open_ = base.filter(mine, status=Status.OPEN)
    slug = owner.replace("_", "-")
    waiting = base.filter(approvals, status=Status.AWAITING_APPROVAL, owner=Owner.JOB_SEEKER)
    return [
        WorklistSection(
            key=f"actions-{slug}",
            title=_("Your agreed actions"),
            count=open_.count(),
            items=_items(open_),
            more_url=reverse("actions:list") + f"?owner={owner}&status=open",
            empty_text=_("No open action is yours."),
        ),
        WorklistSection(
            key=f"actions-approval-{slug}",
            title=_("Actions to approve"),
            count=waiting.count(),
            items=_items(waiting),
            more_url=reverse("actions:list") + "?status=awaiting_approval",
            empty_text=_("No action waits for your approval."),
        ),
    ]


def caseworker_sections(user) -> list[WorklistSection]:
    """The contact person's own actions, and the job seekers' actions waiting for their
    approval (on a plan, or a trajectory without a coach named)."""
    theirs = Q(job_seeker__contact_person_id=user.pk)
    return _sections(
        user,
        mine=theirs & Q(owner=Owner.CONTACT_PERSON),
        approvals=theirs & (Q(trajectory__isnull=True) | Q(trajectory__coach__isnull=True)),
        owner=Owner.CONTACT_PERSON,
        visible=CASEWORKERS.q(user),
    )


def coach_sections(user) -> list[WorklistSection]:
    """The coach's own actions on the trajectories they coach, and the job seekers'
    actions there waiting for approval."""
    theirs = Q(trajectory__coach_id=user.pk)
    return _sections(
        user,
        mine=theirs & Q(owner=Owner.COACH),
        approvals=theirs,
        owner=Owner.COACH,
        visible=COACHES.q(user),
    )
