"""Who may do what with a plan (PL3).

Caseworkers of the job seeker's municipality write plans; the job seeker reads
their own shared versions, comments and answers. Nobody else sees a plan: the
coach gains access in a later issue, the council sees aggregates only.
"""

from __future__ import annotations

import rules
from django.db.models import Q

from werkpad.core.permissions import (
    FILE_ROLES,
    Condition,
    InMunicipalityOf,
    OwnedBy,
    Role,
    Visibility,
    When,
    scope_of,
)
from werkpad.plans.workflow import Status

#: A plan the job seeker sees: once something was shared with them (a first draft is
#: the caseworker's own).
SHARED_WITH_JOB_SEEKER = Condition(
    q=lambda: Q(current_version__isnull=False) | ~Q(status=Status.DRAFT),
    holds=lambda plan: plan.current_version_id is not None or plan.status != Status.DRAFT,
)
#: The caseworkers of the plan's municipality.
CASEWORKERS = Visibility((InMunicipalityOf(FILE_ROLES),))
#: The job seeker whose plan it is, once it was shared with them.
OWN = Visibility(
    (When(OwnedBy("job_seeker__user_id", role=Role.JOB_SEEKER), SHARED_WITH_JOB_SEEKER),)
)
#: Who sees a plan; ``plans.selectors.plan_scope`` filters with the same definition.
PLAN_VISIBILITY = Visibility((*CASEWORKERS.clauses, *OWN.clauses))


@rules.predicate
def is_caseworker(user) -> bool:
    return scope_of(user).has(*FILE_ROLES)


@rules.predicate
def is_job_seeker(user) -> bool:
    return scope_of(user).has(Role.JOB_SEEKER)


@rules.predicate
def is_caseworker_of_plan(user, plan) -> bool:
    return CASEWORKERS.holds(user, plan)


@rules.predicate
def is_own_plan(user, plan) -> bool:
    return OWN.holds(user, plan)


rules.add_perm("plans.list_plan", is_caseworker | is_job_seeker)
rules.add_perm("plans.view_plan", is_caseworker_of_plan | is_own_plan)
rules.add_perm("plans.add_plan", is_caseworker)
rules.add_perm("plans.list_municipality_plans", is_caseworker)
rules.add_perm("plans.change_plan", is_caseworker_of_plan)
rules.add_perm("plans.answer_plan", is_own_plan)
rules.add_perm("plans.comment_plan", is_caseworker_of_plan | is_own_plan)
