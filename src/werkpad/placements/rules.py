"""Who may do what with referrals to vacancies, placements and self-employment routes
(MA2-MA4).

* the caseworkers of the job seeker's municipality see them all, refer to a vacancy,
  record the result, record placements and their follow-ups and the self-employment route;
* the employer advisors of the municipality whose register holds the employer see the
  referrals to its vacancies and the placements with it, refer job seekers to those
  vacancies and record the employer's answer; they do not record placements;
* the employer sees the placements at its own organisation, without the after-care plan
  or the follow-ups' notes (which may touch on health);
* the job seeker sees their own placements and follow-ups;
* every other role sees none of it.
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

CASEWORKER_ROLES = tuple(FILE_ROLES)
ADVISOR_ROLES = (Role.EMPLOYER_ADVISOR,)
#: Who refers a job seeker to a vacancy and records the employer's answer.
REFERRERS = (*CASEWORKER_ROLES, *ADVISOR_ROLES)

CASEWORKERS = Visibility((InMunicipalityOf(FILE_ROLES),))
REFERRAL_ADVISORS = Visibility(
    (InMunicipalityOf(frozenset(ADVISOR_ROLES), "vacancy__employer__municipality_id"),)
)
PLACEMENT_ADVISORS = Visibility(
    (InMunicipalityOf(frozenset(ADVISOR_ROLES), "employer__municipality_id"),)
)
PLACEMENT_EMPLOYER = Visibility(
    (InOrganisationOf(frozenset({Role.EMPLOYER}), "employer__organisation_id"),)
)
OWN = Visibility((OwnedBy("job_seeker__user_id", role=Role.JOB_SEEKER),))

#: Who sees a referral; ``selectors.referral_scope`` filters with the same definition.
REFERRAL_VISIBILITY = Visibility((*CASEWORKERS.clauses, *REFERRAL_ADVISORS.clauses))
#: Who sees a placement; ``selectors.placement_scope`` filters with the same definition.
PLACEMENT_VISIBILITY = Visibility(
    (
        *CASEWORKERS.clauses,
        *PLACEMENT_ADVISORS.clauses,
        *PLACEMENT_EMPLOYER.clauses,
        *OWN.clauses,
    )
)


@rules.predicate
def works_with_placements(user) -> bool:
    return scope_of(user).has(*REFERRERS, Role.EMPLOYER)


@rules.predicate
def is_referrer(user) -> bool:
    return scope_of(user).has(*REFERRERS)


@rules.predicate
def sees_referral(user, referral) -> bool:
    return REFERRAL_VISIBILITY.holds(user, referral)


@rules.predicate
def sees_placement(user, placement) -> bool:
    return PLACEMENT_VISIBILITY.holds(user, placement)


@rules.predicate
def sees_placement_details(user, placement) -> bool:
    """The after-care plan and the follow-ups' notes: not for the employer."""
    return (
        CASEWORKERS.holds(user, placement)
        or PLACEMENT_ADVISORS.holds(user, placement)
        or OWN.holds(user, placement)
    )


@rules.predicate
def refers_job_seeker(user, job_seeker) -> bool:
    return job_seeker is not None and job_seeker.municipality_id in scope_of(user).municipalities(
        *REFERRERS
    )


@rules.predicate
def refers_to_vacancy(user, vacancy) -> bool:
    """A caseworker to any vacancy of the municipality; an employer advisor to one of the
    employers in their municipality's register."""
    if vacancy is None:
        return False
    scope = scope_of(user)
    return vacancy.municipality_id in scope.municipalities(*CASEWORKER_ROLES) or (
        vacancy.employer_id is not None
        and vacancy.employer.municipality_id in scope.municipalities(*ADVISOR_ROLES)
    )


@rules.predicate
def records_result(user, referral) -> bool:
    return CASEWORKERS.holds(user, referral) or REFERRAL_ADVISORS.holds(user, referral)


@rules.predicate
def places_job_seeker(user, job_seeker) -> bool:
    return job_seeker is not None and job_seeker.municipality_id in scope_of(user).municipalities(
        *CASEWORKER_ROLES
    )


@rules.predicate
def follows_up(user, placement) -> bool:
    return CASEWORKERS.holds(user, placement)


rules.add_perm("placements.list_placement", works_with_placements)
rules.add_perm("placements.list_referral", is_referrer)
rules.add_perm("placements.view_referral", sees_referral)
rules.add_perm("placements.refer", refers_job_seeker)
rules.add_perm("placements.refer_to_vacancy", refers_to_vacancy)
rules.add_perm("placements.record_result", records_result)
rules.add_perm("placements.view_placement", sees_placement)
rules.add_perm("placements.view_placement_details", sees_placement_details)
rules.add_perm("placements.add_placement", places_job_seeker)
rules.add_perm("placements.follow_up", follows_up)
rules.add_perm("placements.self_employment", places_job_seeker)
