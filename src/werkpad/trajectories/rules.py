"""Who may do what with a trajectory.

* a caseworker refers job seekers of their municipality and follows every trajectory there;
* a provider coach works on the trajectories referred to their own provider: the inbox
  from referral on, the handover only while it runs (accepted, started, suspended),
  writing only while it runs; once it ended (completed, ended early, declined) they read
  only what the provider wrote, for ``core.privacy.PROVIDER_KEEPS_OWN_RECORDS_YEARS``;
* a job seeker reads their own trajectories and the reports about them.
"""

from __future__ import annotations

import rules

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
from werkpad.trajectories import workflow
from werkpad.trajectories.workflow import RUNNING

#: The provider's access lasts until some years after the end (``workflow``).
OPEN_TO_PROVIDER = Condition(
    q=lambda: workflow.provider_access_open_q(),
    holds=lambda trajectory: workflow.provider_access_open(trajectory),
)
#: The caseworkers of the trajectory's municipality.
CASEWORKERS = Visibility((InMunicipalityOf(FILE_ROLES),))
#: The coaches of the provider it was referred to.
PROVIDER_COACHES = InOrganisationOf(frozenset({Role.COACH}), "provider__organisation_id")
COACHES = Visibility((PROVIDER_COACHES,))
#: The job seeker it is about.
OWN = Visibility((OwnedBy("job_seeker__user_id", role=Role.JOB_SEEKER),))
#: Who sees a trajectory: its municipality's caseworkers, the provider's coaches while
#: their access lasts, and the job seeker; ``selectors.trajectory_scope`` filters with
#: the same definition.
TRAJECTORY_VISIBILITY = Visibility(
    (*CASEWORKERS.clauses, When(PROVIDER_COACHES, OPEN_TO_PROVIDER), *OWN.clauses)
)


@rules.predicate
def is_caseworker(user) -> bool:
    return scope_of(user).has(*FILE_ROLES)


@rules.predicate
def is_caseworker_of(user, trajectory) -> bool:
    return CASEWORKERS.holds(user, trajectory)


@rules.predicate
def is_coach(user) -> bool:
    return scope_of(user).has(Role.COACH)


@rules.predicate
def is_coach_of(user, trajectory) -> bool:
    return COACHES.holds(user, trajectory)


@rules.predicate
def is_own(user, trajectory) -> bool:
    return OWN.holds(user, trajectory)


@rules.predicate
def sees_trajectory(user, trajectory) -> bool:
    return TRAJECTORY_VISIBILITY.holds(user, trajectory)


@rules.predicate
def is_running(user, trajectory) -> bool:
    return trajectory is not None and trajectory.status in RUNNING


rules.add_perm("trajectories.list_trajectory", is_caseworker | is_coach)
rules.add_perm("trajectories.view_trajectory", sees_trajectory)
rules.add_perm("trajectories.refer", is_caseworker)
# The provider reads the handover only while it works with the job seeker (TR4).
rules.add_perm("trajectories.view_handover", is_caseworker_of | (is_coach_of & is_running))
# Who may take each step is decided here, the status with the lifecycle
# (trajectories.workflow.LIFECYCLE): a step out of turn is a 409, not a 403.
# The provider's steps (accept, decline, start, suspend, resume, complete, report):
rules.add_perm("trajectories.work_on", is_coach_of)
# Ending early is for the provider and for the caseworker.
rules.add_perm("trajectories.end_early", is_coach_of | is_caseworker_of)
rules.add_perm("trajectories.evaluate", is_coach_of | is_caseworker_of)
