"""Every write on agreed actions (WT1): one transaction each, the row locked, the history
and the audit row in it, notifications after commit."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.actions import notifications
from werkpad.actions.models import Action, ActionTemplate, Owner
from werkpad.actions.rules import TEMPLATE_EDITORS
from werkpad.actions.selectors import plan_to_act_on, trajectory_to_act_on
from werkpad.actions.workflow import LIFECYCLE, Status
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import begin, transition
from werkpad.core.models import AuditEvent, Municipality
from werkpad.core.permissions import scope_of
from werkpad.plans.models import Plan
from werkpad.trajectories.models import Trajectory

OBJECT_TYPE = "action"
TEMPLATE_OBJECT_TYPE = "action template"
#: The term of an action made from the plan's agreed activities, without a template.
DEFAULT_TERM_DAYS = 14
MAX_DESCRIPTION = 300


def _audit(*, user: User, action: Action, event: str, fields: list[str]) -> None:
    audit_record(
        user=user,
        action=event,
        object_type=OBJECT_TYPE,
        object_id=action.pk,
        job_seeker_id=action.job_seeker_id,
        municipality_id=action.municipality_id,
        fields=fields,
    )


def _check(*, description: str, owner: str, due_on: dt.date | None, on_trajectory: bool) -> None:
    errors: dict[str, list[str]] = {}
    if not description.strip():
        errors["description"] = [_("Say what is to be done, in plain words.")]
    elif len(description.strip()) > MAX_DESCRIPTION:
        errors["description"] = [_("Keep it short: at most 300 characters.")]
    if owner not in Owner.values:
        errors["owner"] = [_("Choose who does it.")]
    elif owner == Owner.COACH and not on_trajectory:
        errors["owner"] = [_("Only an action of a trajectory can be the coach's.")]
    if due_on is None:
        errors["due_on"] = [_("Give the date it is due.")]
    elif due_on < clock.today():
        errors["due_on"] = [_("The due date cannot be in the past.")]
    if errors:
        raise InvalidInputError(errors)


def _make(
    *,
    user: User,
    plan: Plan | None,
    trajectory: Trajectory | None,
    description: str,
    owner: str,
    due_on: dt.date,
    needs_approval: bool,
) -> Action:
    parent = plan or trajectory
    assert parent is not None
    action = Action.objects.create(
        municipality_id=parent.municipality_id,
        job_seeker_id=parent.job_seeker_id,
        plan=plan,
        trajectory=trajectory,
        description=description.strip(),
        owner=owner,
        due_on=due_on,
        needs_approval=needs_approval,
        created_by=user,
    )
    begin(action, Status.OPEN, user=user)
    _audit(
        user=user,
        action=action,
        event=AuditEvent.Action.CREATE,
        fields=["description", "owner", "due_on"],
    )
    notifications.notify_assigned(action, actor=user)
    return action


def needs_approval_for(job_seeker_id: int) -> bool:
    """Whether the job seeker's plan says that "done" waits for approval; a trajectory's
    action follows the plan too."""
    return bool(
        Plan.objects.filter(job_seeker_id=job_seeker_id)
        .values_list("actions_need_approval", flat=True)
        .first()
    )


@transaction.atomic
def action_create(
    *,
    user: User,
    description: str,
    owner: str,
    due_on: dt.date | None,
    plan_id: int | None = None,
    trajectory_id: int | None = None,
) -> Action:
    """An agreed action on a plan (a caseworker of the municipality) or a trajectory (a
    caseworker, or a coach of the provider while it runs)."""
    if (plan_id is None) == (trajectory_id is None):
        raise InvalidInputError({"plan": [_("An action belongs to a plan or a trajectory.")]})
    plan = plan_to_act_on(user=user, plan_id=plan_id) if plan_id is not None else None
    trajectory = (
        trajectory_to_act_on(user=user, trajectory_id=trajectory_id)
        if trajectory_id is not None
        else None
    )
    _check(
        description=description, owner=owner, due_on=due_on, on_trajectory=trajectory is not None
    )
    assert due_on is not None
    job_seeker_id = (plan or trajectory).job_seeker_id  # type: ignore[union-attr]
    return _make(
        user=user,
        plan=plan,
        trajectory=trajectory,
        description=description,
        owner=owner,
        due_on=due_on,
        needs_approval=plan.actions_need_approval if plan else needs_approval_for(job_seeker_id),
    )


def activity_lines(text: str) -> list[str]:
    """The plan's agreed activities, one per line, without list marks and doubles."""
    lines = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("-*•·").strip()
        if line and line not in lines:
            lines.append(line[:MAX_DESCRIPTION])
    return lines


@transaction.atomic
def actions_from_activities(*, user: User, plan_id: int) -> list[Action]:
    """The plan's agreed activities (of the version in effect, else the latest) become
    actions in one step: one per line, for the job seeker, with the term of the
    municipality's template of the same words or ``DEFAULT_TERM_DAYS``. A line that is an
    action of the plan already (not cancelled) is left out."""
    plan = plan_to_act_on(user=user, plan_id=plan_id)
    plan = Plan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
    version = plan.current_version or plan.versions.order_by("-number").first()
    lines = activity_lines(version.activities if version else "")
    existing = set(
        plan.actions.exclude(status=Status.CANCELLED).values_list("description", flat=True)
    )
    templates = {
        t.description.lower(): t
        for t in ActionTemplate.objects.filter(municipality_id=plan.municipality_id, active=True)
    }
    made = []
    today = clock.today()
    for line in lines:
        if line in existing:
            continue
        template = templates.get(line.lower())
        made.append(
            _make(
                user=user,
                plan=plan,
                trajectory=None,
                description=line,
                owner=template.owner
                if template and template.owner != Owner.COACH
                else Owner.JOB_SEEKER,
                due_on=today
                + dt.timedelta(days=template.term_days if template else DEFAULT_TERM_DAYS),
                needs_approval=plan.actions_need_approval,
            )
        )
    if not made:
        raise InvalidInputError(
            {"activities": [_("There are no agreed activities that are not an action yet.")]}
        )
    return made


def _locked(*, user: User, action_id: int, permission: str, expected_version: int | None) -> Action:
    action = (
        Action.objects.select_for_update(of=("self",))
        .select_related("job_seeker", "plan", "trajectory__provider")
        .filter(pk=action_id)
        .first()
    )
    if action is None or not user.has_perm("actions.view_action", action):
        raise NotFoundError(code="action-not-found")
    if not user.has_perm(permission, action):
        raise PermissionDeniedError(code=f"action-{permission.split('.')[1]}-denied")
    if expected_version is not None and action.version != expected_version:
        raise StaleEditError(current_version=action.version)
    return action


def _save(action: Action, fields: list[str]) -> None:
    action.version += 1
    action.updated_at = clock.now()
    action.save(update_fields=[*fields, "version", "updated_at"])


@transaction.atomic
def action_complete(*, user: User, action_id: int, expected_version: int | None = None) -> Action:
    """The owner marks the action done; where the plan said so it waits for the other
    party's approval."""
    action = _locked(
        user=user,
        action_id=action_id,
        permission="actions.complete",
        expected_version=expected_version,
    )
    target = Status.AWAITING_APPROVAL if action.needs_approval else Status.DONE
    transition(action, target, lifecycle=LIFECYCLE, user=user, step="complete")
    action.completed_at = clock.now()
    action.completed_by = user
    fields = ["status", "completed_at", "completed_by"]
    _save(action, fields)
    _audit(user=user, action=action, event=AuditEvent.Action.UPDATE, fields=fields)
    if target == Status.AWAITING_APPROVAL:
        notifications.notify_approval(action, actor=user)
    return action


@transaction.atomic
def action_approve(
    *,
    user: User,
    action_id: int,
    approved: bool = True,
    reason: str = "",
    expected_version: int | None = None,
) -> Action:
    """The other party approves an action marked done, or sends it back (open again)
    with the reason."""
    action = _locked(
        user=user,
        action_id=action_id,
        permission="actions.approve",
        expected_version=expected_version,
    )
    if approved:
        transition(action, Status.DONE, lifecycle=LIFECYCLE, user=user, step="approve")
        action.approved_at = clock.now()
        action.approved_by = user
        fields = ["status", "approved_at", "approved_by"]
    else:
        LIFECYCLE.check(action.status, Status.OPEN, step="send_back")
        if not reason.strip():
            raise InvalidInputError({"reason": [_("Say why it is not done yet.")]})
        transition(
            action, Status.OPEN, lifecycle=LIFECYCLE, user=user, reason=reason, step="send_back"
        )
        action.completed_at = None
        action.completed_by = None
        fields = ["status", "completed_at", "completed_by"]
    _save(action, fields)
    _audit(user=user, action=action, event=AuditEvent.Action.UPDATE, fields=fields)
    return action


@transaction.atomic
def action_cancel(
    *, user: User, action_id: int, reason: str, expected_version: int | None = None
) -> Action:
    """A caseworker, or the coach of the running trajectory, cancels an action with the
    reason."""
    action = _locked(
        user=user,
        action_id=action_id,
        permission="actions.cancel",
        expected_version=expected_version,
    )
    transition(
        action, Status.CANCELLED, lifecycle=LIFECYCLE, user=user, reason=reason, step="cancel"
    )
    action.cancelled_at = clock.now()
    action.cancelled_by = user
    action.cancel_reason = reason.strip()
    fields = ["status", "cancelled_at", "cancelled_by", "cancel_reason"]
    _save(action, fields)
    _audit(user=user, action=action, event=AuditEvent.Action.UPDATE, fields=fields)
    return action


# --- the municipality's templates (the functional administrator) ---------------------


def _check_template(
    *,
    municipality_id: int,
    description: str,
    owner: str,
    term_days: int | None,
    exclude_id: int | None = None,
) -> None:
    errors: dict[str, list[str]] = {}
    if not description.strip():
        errors["description"] = [_("Say what is to be done, in plain words.")]
    elif (
        ActionTemplate.objects.filter(
            municipality_id=municipality_id, description__iexact=description.strip()
        )
        .exclude(pk=exclude_id or 0)
        .exists()
    ):
        errors["description"] = [_("Your municipality has a template with these words already.")]
    if owner not in Owner.values:
        errors["owner"] = [_("Choose who does it.")]
    if term_days is None or not 1 <= term_days <= 365:
        errors["term_days"] = [_("Give a term of 1 to 365 days.")]
    if errors:
        raise InvalidInputError(errors)


def _audit_template(*, user: User, template: ActionTemplate, event: str) -> None:
    audit_record(
        user=user,
        action=event,
        object_type=TEMPLATE_OBJECT_TYPE,
        object_id=template.pk,
        municipality_id=template.municipality_id,
        fields=["description", "owner", "term_days", "active"],
    )


@transaction.atomic
def template_create(
    *, user: User, municipality: Municipality, description: str, owner: str, term_days: int | None
) -> ActionTemplate:
    if not user.has_perm("actions.add_template") or municipality.pk not in _edited(user):
        raise PermissionDeniedError(code="action-template-change-denied")
    _check_template(
        municipality_id=municipality.pk, description=description, owner=owner, term_days=term_days
    )
    assert term_days is not None
    template = ActionTemplate.objects.create(
        municipality=municipality, description=description.strip(), owner=owner, term_days=term_days
    )
    _audit_template(user=user, template=template, event=AuditEvent.Action.CREATE)
    return template


def _edited(user: User) -> frozenset[int]:
    return scope_of(user).municipalities(*TEMPLATE_EDITORS)


@transaction.atomic
def template_update(
    *,
    user: User,
    template_id: int,
    description: str,
    owner: str,
    term_days: int | None,
    active: bool,
) -> ActionTemplate:
    template = ActionTemplate.objects.select_for_update().filter(pk=template_id).first()
    if template is None or not user.has_perm("actions.change_template", template):
        raise NotFoundError(code="action-template-not-found")
    _check_template(
        municipality_id=template.municipality_id,
        description=description,
        owner=owner,
        term_days=term_days,
        exclude_id=template.pk,
    )
    assert term_days is not None
    template.description = description.strip()
    template.owner = owner
    template.term_days = term_days
    template.active = active
    template.save()
    _audit_template(user=user, template=template, event=AuditEvent.Action.UPDATE)
    return template
