"""Who may do what with satisfaction surveys (RI6): the one place it is decided.

* the policy officers of the municipality and the members of its client council (the
  two parties) see the municipality's surveys and their results (small counts withheld);
* either party drafts a survey; the party that made it edits its questions, proposes it
  and may withdraw it; only the other party approves it or sends it back;
* the municipality (its policy officer) opens an approved survey, which sends the
  invitations, and closes it;
* a job seeker answers an invitation sent to them; an employer's user answers the one
  sent to their organisation; no one else can use the link.
"""

from __future__ import annotations

import rules

from werkpad.core.permissions import AnyUser, Role, scope_of
from werkpad.surveys.workflow import Party

PARTY_ROLES = {Party.MUNICIPALITY: Role.POLICY_OFFICER, Party.COUNCIL: Role.COUNCIL_MEMBER}
#: Who works on surveys: the two parties.
STAFF_ROLES = tuple(PARTY_ROLES.values())
#: Who is invited.
RESPONDENT_ROLES = (Role.JOB_SEEKER, Role.EMPLOYER)


def party_of(user: AnyUser, municipality_id: int) -> str | None:
    """The party ``user`` acts for in the municipality's surveys, if any."""
    scope = scope_of(user)
    for party, role in PARTY_ROLES.items():
        if municipality_id in scope.municipalities(role):
            return party
    return None


def staff_municipalities(user: AnyUser) -> frozenset[int]:
    return scope_of(user).municipalities(*STAFF_ROLES)


@rules.predicate
def works_on_surveys(user) -> bool:
    return scope_of(user).has(*STAFF_ROLES)


@rules.predicate
def sees_survey(user, survey) -> bool:
    return survey is not None and party_of(user, survey.municipality_id) is not None


@rules.predicate
def made_survey(user, survey) -> bool:
    return survey is not None and party_of(user, survey.municipality_id) == survey.origin


@rules.predicate
def approves_survey(user, survey) -> bool:
    return survey is not None and party_of(user, survey.municipality_id) == survey.approver


@rules.predicate
def municipality_of_survey(user, survey) -> bool:
    return survey is not None and party_of(user, survey.municipality_id) == Party.MUNICIPALITY


@rules.predicate
def invited(user, invitation) -> bool:
    """The invitation is for this user: their own job seeker's file, or an employer they
    work for."""
    if invitation is None or not user.is_authenticated:
        return False
    scope = scope_of(user)
    if invitation.job_seeker_id is not None:
        return scope.has(Role.JOB_SEEKER) and invitation.job_seeker.user_id == user.pk
    return invitation.employer.organisation_id in scope.organisations(Role.EMPLOYER)


@rules.predicate
def is_respondent(user) -> bool:
    return scope_of(user).has(*RESPONDENT_ROLES)


rules.add_perm("surveys.list_survey", works_on_surveys)
rules.add_perm("surveys.add_survey", works_on_surveys)
rules.add_perm("surveys.view_survey", sees_survey)
rules.add_perm("surveys.change_survey", made_survey)
rules.add_perm("surveys.approve_survey", approves_survey)
rules.add_perm("surveys.open_survey", municipality_of_survey)
rules.add_perm("surveys.view_results", sees_survey)
rules.add_perm("surveys.list_invitation", is_respondent)
rules.add_perm("surveys.answer_invitation", invited)
