"""Who may do what with a second opinion (RI3).

* the caseworkers of the job seeker's municipality refer, assign, record the other
  expert and the meeting, decide, and see every second opinion there;
* the independent advisor sees only the second opinions assigned to them (not those of
  another advisor, even of the same office) and writes the advice on them;
* the job seeker asks for one on their own pages, reads theirs with the advice and the
  decision once given, records another expert they consulted and may withdraw it;
* policy officers and the client council see only the figures (``figures``).
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

CASEWORKERS = Visibility((InMunicipalityOf(FILE_ROLES),))
ADVISOR = Visibility((OwnedBy("advisor_id", role=Role.ADVISOR),))
OWN = Visibility((OwnedBy("job_seeker__user_id", role=Role.JOB_SEEKER),))
#: Who sees a second opinion; ``selectors.second_opinion_scope`` filters with the same.
SECOND_OPINION_VISIBILITY = Visibility((*CASEWORKERS.clauses, *ADVISOR.clauses, *OWN.clauses))
#: Who sees the figures: aggregates of their municipality (the council suppressed).
FIGURE_ROLES = frozenset({Role.POLICY_OFFICER, Role.COUNCIL_MEMBER})


@rules.predicate
def is_caseworker(user) -> bool:
    return scope_of(user).has(*FILE_ROLES)


@rules.predicate
def is_advisor(user) -> bool:
    return scope_of(user).has(Role.ADVISOR)


@rules.predicate
def is_job_seeker(user) -> bool:
    return scope_of(user).has(Role.JOB_SEEKER)


@rules.predicate
def is_caseworker_of(user, second_opinion) -> bool:
    return CASEWORKERS.holds(user, second_opinion)


@rules.predicate
def is_advisor_of(user, second_opinion) -> bool:
    return ADVISOR.holds(user, second_opinion)


@rules.predicate
def is_own(user, second_opinion) -> bool:
    return OWN.holds(user, second_opinion)


@rules.predicate
def sees_second_opinion(user, second_opinion) -> bool:
    return SECOND_OPINION_VISIBILITY.holds(user, second_opinion)


@rules.predicate
def sees_figures(user) -> bool:
    return scope_of(user).has(*FIGURE_ROLES)


rules.add_perm("secondopinions.list_secondopinion", is_caseworker | is_advisor | is_job_seeker)
rules.add_perm("secondopinions.view_secondopinion", sees_second_opinion)
rules.add_perm("secondopinions.refer", is_caseworker)
rules.add_perm("secondopinions.ask", is_job_seeker)
# Who may take each step is decided here, the status with ``workflow.LIFECYCLE``: a step
# out of turn is a 409, not a 403.
rules.add_perm("secondopinions.assign", is_caseworker_of)
rules.add_perm("secondopinions.advise", is_advisor_of)
rules.add_perm("secondopinions.record_other_expert", is_caseworker_of | is_own)
rules.add_perm("secondopinions.record_meeting", is_caseworker_of)
rules.add_perm("secondopinions.decide", is_caseworker_of)
rules.add_perm("secondopinions.withdraw", is_caseworker_of | is_own)
rules.add_perm("secondopinions.view_figures", sees_figures)
