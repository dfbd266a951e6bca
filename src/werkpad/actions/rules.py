"""Who may do what with agreed actions (WT1).

* the caseworkers of the job seeker's municipality see every action there, make actions
  on plans and trajectories, cancel them, mark the contact person's done, and approve
  what the job seeker marked done;
* the coaches of a trajectory's provider, while it runs, see its actions, make and cancel
  them, mark the coach's done and approve what the job seeker marked done;
* the job seeker sees their own (a plan's once the plan was shared with them), marks
  theirs done and approves what the contact person or coach marked done;
* the functional administrator keeps the municipality's templates; caseworkers and
  coaches use them.
"""

from __future__ import annotations

import rules
from django.db.models import Q

from werkpad.core.permissions import (
    FILE_ROLES,
    Condition,
    InMunicipalityOf,
    InOrganisationOf,
    OwnedBy,
    Role,
    Visibility,
    When,
    scope_of,
)
from werkpad.plans.workflow import Status as PlanStatus
from werkpad.trajectories.rules import CASEWORKERS as TRAJECTORY_CASEWORKERS
from werkpad.trajectories.rules import COACHES as TRAJECTORY_COACHES
from werkpad.trajectories.workflow import RUNNING


class _TrajectoryCoaches(InOrganisationOf):
    """The coaches of the provider of the action's trajectory; none for a plan's action."""

    def holds(self, user, obj) -> bool:
        return obj.trajectory_id is not None and super().holds(user, obj)


#: A trajectory's actions are the coach's while it runs (``trajectories.workflow.RUNNING``).
ON_RUNNING_TRAJECTORY = Condition(
    q=lambda: Q(trajectory__status__in=RUNNING),
    holds=lambda action: action.trajectory_id is not None and action.trajectory.status in RUNNING,
)
#: A plan's actions reach the job seeker once the plan was shared with them.
SHARED_WITH_JOB_SEEKER = Condition(
    q=lambda: (
        Q(trajectory__isnull=False)
        | Q(plan__current_version__isnull=False)
        | Q(plan__status__in=[s for s in PlanStatus.values if s != PlanStatus.DRAFT])
    ),
    holds=lambda action: (
        action.trajectory_id is not None
        or action.plan.current_version_id is not None
        or action.plan.status != PlanStatus.DRAFT
    ),
)

CASEWORKERS = Visibility((InMunicipalityOf(FILE_ROLES),))
COACHES = Visibility(
    (
        When(
            _TrajectoryCoaches(frozenset({Role.COACH}), "trajectory__provider__organisation_id"),
            ON_RUNNING_TRAJECTORY,
        ),
    )
)
OWN = Visibility(
    (When(OwnedBy("job_seeker__user_id", role=Role.JOB_SEEKER), SHARED_WITH_JOB_SEEKER),)
)
#: Who sees an action; ``selectors.action_scope`` filters with the same definition.
ACTION_VISIBILITY = Visibility((*CASEWORKERS.clauses, *COACHES.clauses, *OWN.clauses))

#: Who keeps the municipality's templates, and who uses them.
TEMPLATE_EDITORS = (Role.FUNCTIONAL_ADMIN,)
TEMPLATE_READERS = (Role.CASEWORKER, Role.COACH, Role.FUNCTIONAL_ADMIN)


@rules.predicate
def is_staff_of_actions(user) -> bool:
    return scope_of(user).has(*FILE_ROLES, Role.COACH)


@rules.predicate
def is_job_seeker(user) -> bool:
    return scope_of(user).has(Role.JOB_SEEKER)


@rules.predicate
def sees_action(user, action) -> bool:
    return ACTION_VISIBILITY.holds(user, action)


@rules.predicate
def works_on(user, action) -> bool:
    """A caseworker of the municipality, or a coach of the running trajectory."""
    return CASEWORKERS.holds(user, action) or COACHES.holds(user, action)


@rules.predicate
def is_owner_side(user, action) -> bool:
    """Whoever does the action: the job seeker, a caseworker for the contact person
    (who may be away), the trajectory's coaches for the coach."""
    match action.owner:
        case "job_seeker":
            return OWN.holds(user, action)
        case "contact_person":
            return CASEWORKERS.holds(user, action)
        case "coach":
            return COACHES.holds(user, action)
    return False


@rules.predicate
def is_other_party(user, action) -> bool:
    """Who approves an action marked done: the staff for the job seeker's, the job
    seeker for the contact person's or the coach's."""
    if action.owner == "job_seeker":
        return works_on(user, action)
    return OWN.holds(user, action)


@rules.predicate
def adds_to_plan(user, plan) -> bool:
    return plan is not None and user.has_perm("plans.change_plan", plan)


@rules.predicate
def adds_to_trajectory(user, trajectory) -> bool:
    return trajectory is not None and (
        TRAJECTORY_CASEWORKERS.holds(user, trajectory)
        or (TRAJECTORY_COACHES.holds(user, trajectory) and trajectory.status in RUNNING)
    )


@rules.predicate
def reads_templates(user) -> bool:
    return scope_of(user).has(*TEMPLATE_READERS)


@rules.predicate
def edits_templates(user) -> bool:
    return scope_of(user).has(*TEMPLATE_EDITORS)


@rules.predicate
def edits_template(user, template) -> bool:
    return template is not None and template.municipality_id in scope_of(user).municipalities(
        *TEMPLATE_EDITORS
    )


rules.add_perm("actions.list_action", is_staff_of_actions | is_job_seeker)
rules.add_perm("actions.view_action", sees_action)
rules.add_perm("actions.add_to_plan", adds_to_plan)
rules.add_perm("actions.add_to_trajectory", adds_to_trajectory)
rules.add_perm("actions.complete", is_owner_side)
rules.add_perm("actions.approve", is_other_party)
rules.add_perm("actions.cancel", works_on)
rules.add_perm("actions.list_template", reads_templates)
rules.add_perm("actions.add_template", edits_templates)
rules.add_perm("actions.change_template", edits_template)
