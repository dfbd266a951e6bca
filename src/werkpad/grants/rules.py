"""Who may do what with grants and budgets (IN2).

* the caseworkers of the job seeker's municipality see the grants on the file, grant an
  instrument of the municipality's catalogue and cancel a grant, with the reason;
* the policy officers, functional administrators and caseworkers of a municipality read
  its budgets and the spending against them (totals, no job seeker named);
* only the policy officer sets a budget and records the reasons for it;
* every other role sees none of it.
"""

from __future__ import annotations

import rules

from werkpad.core.permissions import FILE_ROLES, InMunicipalityOf, Role, Visibility, scope_of

#: Who grants and sees grants: a job seeker's file is theirs to read.
GRANTERS = tuple(FILE_ROLES)
#: Who reads the budgets and the spending.
BUDGET_READERS = (Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN, Role.CASEWORKER)
#: Who sets the budgets.
BUDGET_SETTERS = (Role.POLICY_OFFICER,)

#: Who sees a grant; ``selectors.grant_scope`` filters with the same definition.
GRANT_VISIBILITY = Visibility((InMunicipalityOf(FILE_ROLES),))


@rules.predicate
def is_granter(user) -> bool:
    return scope_of(user).has(*GRANTERS)


@rules.predicate
def sees_grant(user, grant) -> bool:
    return GRANT_VISIBILITY.holds(user, grant)


@rules.predicate
def grants_to(user, job_seeker) -> bool:
    return job_seeker is not None and job_seeker.municipality_id in scope_of(user).municipalities(
        *GRANTERS
    )


@rules.predicate
def reads_budgets(user) -> bool:
    return scope_of(user).has(*BUDGET_READERS)


@rules.predicate
def sets_budgets(user) -> bool:
    return scope_of(user).has(*BUDGET_SETTERS)


@rules.predicate
def sets_budget_of(user, instrument) -> bool:
    return instrument is not None and instrument.municipality_id in scope_of(user).municipalities(
        *BUDGET_SETTERS
    )


rules.add_perm("grants.list_grant", is_granter)
rules.add_perm("grants.view_grant", sees_grant)
rules.add_perm("grants.add_grant", grants_to)
rules.add_perm("grants.cancel_grant", sees_grant)
rules.add_perm("grants.list_budget", reads_budgets)
rules.add_perm("grants.set_budget", sets_budgets)
rules.add_perm("grants.change_budget", sets_budget_of)
