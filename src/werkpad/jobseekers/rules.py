"""Who may do what with a job seeker's file.

Who sees a file is defined once (``FILE_VISIBILITY``): the predicates below test
one file with it, ``jobseeker_scope`` filters querysets with the same
definition. A provider coach gains access through a referral (trajectories),
from the moment it is accepted.
"""

from __future__ import annotations

import rules

from werkpad.core.permissions import (
    FILE_ROLES,
    InMunicipalityOf,
    OwnedBy,
    Role,
    Visibility,
    scope_of,
)

#: The caseworkers of the file's municipality.
CASEWORKERS = Visibility((InMunicipalityOf(FILE_ROLES),))
#: Who sees a file: its municipality's caseworkers, and the job seeker it is about.
FILE_VISIBILITY = Visibility((*CASEWORKERS.clauses, OwnedBy("user_id")))


@rules.predicate
def is_caseworker_of(user, job_seeker) -> bool:
    return CASEWORKERS.holds(user, job_seeker)


@rules.predicate
def sees_file(user, job_seeker) -> bool:
    return FILE_VISIBILITY.holds(user, job_seeker)


@rules.predicate
def is_caseworker(user) -> bool:
    return scope_of(user).has(*FILE_ROLES)


@rules.predicate
def is_self(user, job_seeker) -> bool:
    return job_seeker is not None and user.is_authenticated and job_seeker.user_id == user.pk


@rules.predicate
def is_contact_person(user, job_seeker) -> bool:
    return (
        job_seeker is not None and user.is_authenticated and job_seeker.contact_person_id == user.pk
    )


@rules.predicate
def is_job_seeker(user) -> bool:
    return scope_of(user).has(Role.JOB_SEEKER)


rules.add_perm("jobseekers.list_jobseeker", is_caseworker | is_job_seeker)
rules.add_perm("jobseekers.view_jobseeker", sees_file)
rules.add_perm("jobseekers.view_restricted", is_contact_person | is_self)
rules.add_perm("jobseekers.add_jobseeker", is_caseworker)
rules.add_perm("jobseekers.change_jobseeker", is_caseworker_of)
rules.add_perm("jobseekers.view_access_log", is_caseworker_of | is_self)
rules.add_perm("jobseekers.import_jobseeker", is_caseworker)
