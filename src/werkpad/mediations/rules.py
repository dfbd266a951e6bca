"""Who may do what with a mediation (RI4).

* the caseworkers of the municipality see every mediation there, ask for one, appoint
  the mediator, record the sessions and the outcome, and may withdraw it;
* the job seeker asks for one about their trajectory, reads it with the session notes,
  and may withdraw it;
* the coaches of the trajectory's provider, a party to the disagreement, see that a
  mediation runs, its mediator, the dates of its sessions and the outcome, not the
  session notes (``sees_notes``).
"""

from __future__ import annotations

import rules

from werkpad.core.permissions import (
    FILE_ROLES,
    InMunicipalityOf,
    InOrganisationOf,
    OwnedBy,
    Role,
    Visibility,
    scope_of,
)

CASEWORKERS = Visibility((InMunicipalityOf(FILE_ROLES),))
OWN = Visibility((OwnedBy("job_seeker__user_id", role=Role.JOB_SEEKER),))
PROVIDER_COACHES = Visibility(
    (InOrganisationOf(frozenset({Role.COACH}), "trajectory__provider__organisation_id"),)
)
MEDIATION_VISIBILITY = Visibility((*CASEWORKERS.clauses, *OWN.clauses, *PROVIDER_COACHES.clauses))


@rules.predicate
def is_caseworker(user) -> bool:
    return scope_of(user).has(*FILE_ROLES)


@rules.predicate
def is_job_seeker(user) -> bool:
    return scope_of(user).has(Role.JOB_SEEKER)


@rules.predicate
def is_coach(user) -> bool:
    return scope_of(user).has(Role.COACH)


@rules.predicate
def is_caseworker_of(user, mediation) -> bool:
    return CASEWORKERS.holds(user, mediation)


@rules.predicate
def is_own(user, mediation) -> bool:
    return OWN.holds(user, mediation)


@rules.predicate
def sees_mediation(user, mediation) -> bool:
    return MEDIATION_VISIBILITY.holds(user, mediation)


rules.add_perm("mediations.list_mediation", is_caseworker | is_job_seeker | is_coach)
rules.add_perm("mediations.view_mediation", sees_mediation)
rules.add_perm("mediations.view_notes", is_caseworker_of | is_own)
rules.add_perm("mediations.request", is_caseworker | is_job_seeker)
rules.add_perm("mediations.manage", is_caseworker_of)
rules.add_perm("mediations.withdraw", is_caseworker_of | is_own)
