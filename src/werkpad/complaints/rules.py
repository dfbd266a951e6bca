"""Who may do what with a complaint (RI2).

* the complaint handlers of the organisation it is routed to handle it: the
  municipality's, or a provider's for a complaint about its coach that the rules send
  there first. A provider's handler therefore never sees a complaint routed to the
  municipality, and an employer's complaint always goes to the municipality;
* the complainant reads their own: a job seeker theirs, an employer's users their
  organisation's;
* the municipality's complaint handlers take a complaint on someone's behalf (phone,
  desk, letter, e-mail);
* caseworkers do not read complaints: a complaint is often about them or their
  colleagues, and the file is no place for it. The yearly overview (numbers only) is
  for policy officers, the municipality's complaint handlers and the client council;
  the routing rules are the functional administrator's.
"""

from __future__ import annotations

from dataclasses import dataclass

import rules

from werkpad.core.models import Organisation
from werkpad.core.permissions import (
    InOrganisationOf,
    OwnedBy,
    Role,
    Visibility,
    scope_of,
)


@dataclass(frozen=True)
class OwnComplaint(OwnedBy):
    """The job seeker who complains; an employer's complaint has no job seeker."""

    def holds(self, user, obj: object) -> bool:
        return getattr(obj, "job_seeker_id", None) is not None and super().holds(user, obj)


#: The handlers of the organisation the complaint is routed to.
HANDLERS = Visibility((InOrganisationOf(frozenset({Role.COMPLAINT_HANDLER}), "routed_to_id"),))
#: The complainant: the job seeker it is theirs, or the employer's users.
OWN = Visibility(
    (
        OwnComplaint("job_seeker__user_id", role=Role.JOB_SEEKER),
        InOrganisationOf(frozenset({Role.EMPLOYER}), "employer_id"),
    )
)
#: Who sees a complaint; ``selectors.complaint_scope`` filters with the same definition.
COMPLAINT_VISIBILITY = Visibility((*HANDLERS.clauses, *OWN.clauses))


def municipal_handler_municipalities(user) -> frozenset[int]:
    """The municipalities whose own organisation the user handles complaints for."""
    scope = scope_of(user)
    return frozenset(
        grant.municipality_id
        for grant in scope.grants
        if grant.role == Role.COMPLAINT_HANDLER
        and Organisation.objects.filter(
            pk=grant.organisation_id, kind=Organisation.Kind.MUNICIPALITY
        ).exists()
    )


@rules.predicate
def is_handler(user) -> bool:
    return scope_of(user).has(Role.COMPLAINT_HANDLER)


@rules.predicate
def is_municipal_handler(user) -> bool:
    return bool(municipal_handler_municipalities(user))


@rules.predicate
def is_handler_of(user, complaint) -> bool:
    return HANDLERS.holds(user, complaint)


@rules.predicate
def is_complainant(user, complaint) -> bool:
    return OWN.holds(user, complaint)


@rules.predicate
def is_job_seeker(user) -> bool:
    return scope_of(user).has(Role.JOB_SEEKER)


@rules.predicate
def is_employer(user) -> bool:
    return scope_of(user).has(Role.EMPLOYER)


@rules.predicate
def reads_overview(user) -> bool:
    scope = scope_of(user)
    return scope.has(Role.POLICY_OFFICER, Role.COUNCIL_MEMBER) or is_municipal_handler(user)


@rules.predicate
def is_functional_admin(user) -> bool:
    return scope_of(user).has(Role.FUNCTIONAL_ADMIN)


rules.add_perm("complaints.list_complaint", is_handler | is_job_seeker | is_employer)
rules.add_perm("complaints.view_complaint", is_handler_of | is_complainant)
rules.add_perm("complaints.file_own", is_job_seeker | is_employer)
rules.add_perm("complaints.file_on_behalf", is_municipal_handler)
rules.add_perm("complaints.handle", is_handler_of)
rules.add_perm("complaints.say_dissatisfied", is_complainant)
rules.add_perm("complaints.withdraw", is_handler_of | is_complainant)
rules.add_perm("complaints.view_overview", reads_overview)
rules.add_perm("complaints.change_routing", is_functional_admin)
rules.add_perm("complaints.view_lessons", is_handler)
