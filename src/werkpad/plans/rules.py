"""Who may do what with a plan (PL3).

Caseworkers of the job seeker's municipality write plans; the job seeker reads
their own shared versions, comments and answers. Nobody else sees a plan: the
coach gains access in a later issue, the council sees aggregates only.
"""

from __future__ import annotations

import rules

from werkpad.core.permissions import FILE_ROLES, Role, scope_of


@rules.predicate
def is_caseworker(user) -> bool:
    return scope_of(user).has(*FILE_ROLES)


@rules.predicate
def is_job_seeker(user) -> bool:
    return scope_of(user).has(Role.JOB_SEEKER)


@rules.predicate
def is_caseworker_of_plan(user, plan) -> bool:
    return plan is not None and plan.municipality_id in scope_of(user).municipalities(*FILE_ROLES)


@rules.predicate
def is_own_plan(user, plan) -> bool:
    return (
        plan is not None
        and user.is_authenticated
        and scope_of(user).has(Role.JOB_SEEKER)
        and plan.job_seeker.user_id == user.pk
    )


rules.add_perm("plans.list_plan", is_caseworker | is_job_seeker)
rules.add_perm("plans.view_plan", is_caseworker_of_plan | is_own_plan)
rules.add_perm("plans.add_plan", is_caseworker)
rules.add_perm("plans.list_municipality_plans", is_caseworker)
rules.add_perm("plans.change_plan", is_caseworker_of_plan)
rules.add_perm("plans.answer_plan", is_own_plan)
rules.add_perm("plans.comment_plan", is_caseworker_of_plan | is_own_plan)
