"""Every read of agreed actions (WT1), scoped to the user and audited in the job seeker's
log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TypedDict

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.actions.models import Action, ActionTemplate, Owner, StatusChange
from werkpad.actions.rules import ACTION_VISIBILITY, TEMPLATE_READERS
from werkpad.actions.workflow import OPEN, Status
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.filters import parse_id
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import scope_of, visible_for
from werkpad.plans.models import Plan
from werkpad.plans.selectors import plan_scope
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.selectors import trajectory_scope

OBJECT_TYPE = "action"
#: What every list row shows beside the action itself.
ROW_RELATED = ("job_seeker", "plan", "trajectory__programme", "trajectory__provider")


def action_scope(*, user: User) -> QuerySet[Action]:
    """The same definition as the ``actions.view_action`` rule."""
    return Action.objects.filter(ACTION_VISIBILITY.q(user))


class _Filters(TypedDict, total=False):
    owner: str
    status__in: list[str]
    job_seeker_id: int
    due_on__lt: dt.date


def _clean_filters(filters: Mapping[str, object] | None) -> _Filters:
    params = filters or {}
    errors: dict[str, list[str]] = {}
    cleaned: _Filters = {}
    owner = str(params.get("owner") or "").strip()
    if owner:
        if owner in Owner.values:
            cleaned["owner"] = owner
        else:
            errors["owner"] = [
                _("Choose one of: %(values)s.") % {"values": ", ".join(Owner.values)}
            ]
    status = str(params.get("status") or "").strip()
    if status:
        wanted = [s for s in status.split(",") if s]
        if set(wanted) - set(Status.values):
            errors["status"] = [_("Unknown status.")]
        else:
            cleaned["status__in"] = wanted
    job_seeker = str(params.get("jobSeeker") or "").strip()
    if job_seeker:
        job_seeker_id = parse_id(job_seeker)
        if job_seeker_id is None:
            errors["jobSeeker"] = [_("Give a job seeker's id (a number).")]
        else:
            cleaned["job_seeker_id"] = job_seeker_id
    overdue = str(params.get("overdue") or "").strip()
    if overdue == "true":
        cleaned["due_on__lt"] = clock.today()
        cleaned.setdefault("status__in", [Status.OPEN])
    elif overdue:
        errors["overdue"] = [_("Give true, or leave it out.")]
    if errors:
        raise InvalidInputError(errors)
    return cleaned


def _search(
    *,
    user: User,
    purpose: str,
    fields: list[str],
    job_seeker_id: int | None = None,
    municipality_id: int | None = None,
) -> None:
    primary = scope_of(user).primary
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        purpose=purpose,
        fields=fields,
        job_seeker_id=job_seeker_id,
        municipality_id=municipality_id
        if municipality_id is not None
        else (primary.municipality_id if primary else None),
    )


def action_list(
    *, user: User, filters: Mapping[str, object] | None = None, purpose: str = ""
) -> QuerySet[Action]:
    """The actions the user sees, filtered (owner, status, job seeker, overdue), the
    earliest due first."""
    if not user.has_perm("actions.list_action"):
        raise PermissionDeniedError(code="action-list-denied")
    cleaned = _clean_filters(filters)
    queryset = action_scope(user=user).filter(**cleaned)
    _search(user=user, purpose=purpose, fields=sorted(cleaned))
    return queryset.select_related(*ROW_RELATED).order_by("due_on", "id")


ACTION_PERMISSIONS = {
    "complete": "actions.complete",
    "approve": "actions.approve",
    "cancel": "actions.cancel",
}


def action_get(*, user: User, id: int, purpose: str = "", for_action: str | None = None) -> Action:
    action = visible_for(
        user,
        action_scope(user=user)
        .select_related(*ROW_RELATED, "completed_by", "approved_by", "cancelled_by")
        .filter(pk=id)
        .first(),
        kind="action",
        view="actions.view_action",
        actions=ACTION_PERMISSIONS,
        for_action=for_action,
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=action.pk,
        job_seeker_id=action.job_seeker_id,
        municipality_id=action.municipality_id,
        purpose=purpose,
    )
    return action


def action_history(*, action: Action) -> QuerySet[StatusChange]:
    return action.history.select_related("changed_by")


def plan_actions_get(
    *, user: User, plan_id: int, purpose: str = ""
) -> tuple[Plan, QuerySet[Action]]:
    """A plan the user sees (else 404) and its actions they see, the earliest due first."""
    plan = plan_scope(user=user).filter(pk=plan_id).first()
    if plan is None or not user.has_perm("plans.view_plan", plan):
        raise NotFoundError(_("There is no plan you may see here."), code="plan-not-found")
    _search(
        user=user,
        purpose=purpose,
        fields=["plan"],
        job_seeker_id=plan.job_seeker_id,
        municipality_id=plan.municipality_id,
    )
    actions = action_scope(user=user).filter(plan=plan).select_related(*ROW_RELATED)
    return plan, actions.order_by("due_on", "id")


def trajectory_actions_get(
    *, user: User, trajectory_id: int, purpose: str = ""
) -> tuple[Trajectory, QuerySet[Action]]:
    """A trajectory the user sees (else 404) and its actions they see."""
    trajectory = (
        trajectory_scope(user=user).select_related("provider").filter(pk=trajectory_id).first()
    )
    if trajectory is None or not user.has_perm("trajectories.view_trajectory", trajectory):
        raise NotFoundError(code="trajectory-not-found")
    _search(
        user=user,
        purpose=purpose,
        fields=["trajectory"],
        job_seeker_id=trajectory.job_seeker_id,
        municipality_id=trajectory.municipality_id,
    )
    actions = action_scope(user=user).filter(trajectory=trajectory).select_related(*ROW_RELATED)
    return trajectory, actions.order_by("due_on", "id")


def own_actions(*, user: User, job_seeker_id: int) -> list[Action]:
    """The job seeker's own actions for /mijn/: theirs to do first (overdue first), then
    those waiting for their approval, then the others still open; finished ones last.
    Not audited: the job seeker reads their own."""
    rows = list(
        action_scope(user=user)
        .filter(job_seeker_id=job_seeker_id)
        .select_related(*ROW_RELATED)
        .order_by("due_on", "id")
    )

    def rank(action: Action) -> int:
        if action.status == Status.OPEN and action.owner == Owner.JOB_SEEKER:
            return 0
        if action.status == Status.AWAITING_APPROVAL and action.owner != Owner.JOB_SEEKER:
            return 1
        return 2 if action.status in OPEN else 3

    return sorted(rows, key=rank)


def report_period_actions(
    *, user: User, trajectory_id: int, since: dt.date | None, until: dt.date
) -> list[Action]:
    """The trajectory's actions of a progress report's period: due in it, or finished in
    it; done and not done alike."""
    period = Q(due_on__lte=until) & (Q(due_on__gte=since) if since else Q())
    finished = Q(completed_at__date__lte=until) & (
        Q(completed_at__date__gte=since) if since else Q()
    )
    return list(
        action_scope(user=user)
        .filter(period | finished, trajectory_id=trajectory_id)
        .exclude(status=Status.CANCELLED)
        .order_by("due_on", "id")
    )


def template_list(
    *, user: User, municipality_id: int | None = None, active_only: bool = False
) -> QuerySet[ActionTemplate]:
    """The templates of the user's municipalities (or the one named)."""
    if not user.has_perm("actions.list_template"):
        raise PermissionDeniedError(code="action-template-list-denied")
    allowed = scope_of(user).municipalities(*TEMPLATE_READERS)
    queryset = ActionTemplate.objects.filter(municipality_id__in=allowed)
    if municipality_id is not None:
        queryset = queryset.filter(municipality_id=municipality_id)
    if active_only:
        queryset = queryset.filter(active=True)
    return queryset.order_by("description", "id")


def template_get(*, user: User, id: int) -> ActionTemplate:
    template = ActionTemplate.objects.filter(pk=id).first()
    if template is None or not user.has_perm("actions.change_template", template):
        raise NotFoundError(code="action-template-not-found")
    return template


def with_offers(*, user: User, actions: list[Action]) -> list[Action]:
    """Each action with what this user may do with it now (``offers``: complete, approve,
    cancel), for the buttons; decided by the rules, the status by the lifecycle."""
    for action in actions:
        action.offers = {
            "complete": action.status == Status.OPEN and user.has_perm("actions.complete", action),
            "approve": action.status == Status.AWAITING_APPROVAL
            and user.has_perm("actions.approve", action),
            "cancel": action.status in OPEN and user.has_perm("actions.cancel", action),
        }
    return actions


def plan_to_act_on(*, user: User, plan_id: int) -> Plan:
    """A plan the user may agree actions on: 404 for one they do not see, 403 for one
    they see but may not add to."""
    plan = Plan.objects.select_related("job_seeker").filter(pk=plan_id).first()
    if plan is None or not user.has_perm("plans.view_plan", plan):
        raise NotFoundError(_("There is no plan you may see here."), code="plan-not-found")
    if not user.has_perm("actions.add_to_plan", plan):
        raise PermissionDeniedError(code="action-create-denied")
    return plan


def trajectory_to_act_on(*, user: User, trajectory_id: int) -> Trajectory:
    """A trajectory the user may agree actions on (404 unseen, 403 seen but not theirs)."""
    trajectory = (
        Trajectory.objects.select_related("job_seeker", "programme", "provider")
        .filter(pk=trajectory_id)
        .first()
    )
    if trajectory is None or not user.has_perm("trajectories.view_trajectory", trajectory):
        raise NotFoundError(code="trajectory-not-found")
    if not user.has_perm("actions.add_to_trajectory", trajectory):
        raise PermissionDeniedError(code="action-create-denied")
    return trajectory
