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

from werkpad.core.permissions import FILE_ROLES, Role, scope_of
from werkpad.trajectories import workflow
from werkpad.trajectories.workflow import RUNNING


def _provider_organisation_id(trajectory) -> int | None:
    provider = trajectory.provider if "provider" in trajectory._state.fields_cache else None
    if provider is not None:
        return provider.organisation_id
    from werkpad.providers.models import Provider

    return (
        Provider.objects.filter(pk=trajectory.provider_id)
        .values_list("organisation_id", flat=True)
        .first()
    )


@rules.predicate
def is_caseworker(user) -> bool:
    return scope_of(user).has(*FILE_ROLES)


@rules.predicate
def is_caseworker_of(user, trajectory) -> bool:
    return trajectory is not None and trajectory.municipality_id in scope_of(user).municipalities(
        *FILE_ROLES
    )


@rules.predicate
def is_coach(user) -> bool:
    return scope_of(user).has(Role.COACH)


@rules.predicate
def is_coach_of(user, trajectory) -> bool:
    if trajectory is None:
        return False
    organisations = scope_of(user).organisations(Role.COACH)
    return bool(organisations) and _provider_organisation_id(trajectory) in organisations


@rules.predicate
def is_own(user, trajectory) -> bool:
    return (
        trajectory is not None
        and user.is_authenticated
        and scope_of(user).has(Role.JOB_SEEKER)
        and trajectory.job_seeker.user_id == user.pk
    )


@rules.predicate
def is_running(user, trajectory) -> bool:
    return trajectory is not None and trajectory.status in RUNNING


@rules.predicate
def provider_access_open(user, trajectory) -> bool:
    return trajectory is not None and workflow.provider_access_open(trajectory)


rules.add_perm("trajectories.list_trajectory", is_caseworker | is_coach)
rules.add_perm(
    "trajectories.view_trajectory",
    is_caseworker_of | (is_coach_of & provider_access_open) | is_own,
)
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
