"""Who may do what with the client council's work (CO1-CO3): the one place it is decided.

A client council is an ``Organisation`` of kind ``council``; its members hold the
``council_member`` role in it. The municipality's policy officers work with their
own municipality's council. Sections below add the decisions per object kind.
"""

from __future__ import annotations

import rules
from django.db.models import Q

from werkpad.core.models import Organisation
from werkpad.core.permissions import (
    AnyUser,
    Condition,
    InMunicipalityOf,
    InOrganisationOf,
    Role,
    Visibility,
    When,
    scope_of,
)


def councils_of(user: AnyUser) -> frozenset[int]:
    """The ids of the councils ``user`` is a member of."""
    return scope_of(user).organisations(Role.COUNCIL_MEMBER)


def council_of_municipality(municipality_id: int) -> Organisation | None:
    """The municipality's client council, if it has one."""
    return (
        Organisation.objects.filter(municipality_id=municipality_id, kind=Organisation.Kind.COUNCIL)
        .order_by("pk")
        .first()
    )


# --- advice requests (CO1) --------------------------------------------------------------
#
# * the council members of the addressed council see its requests once sent (and their
#   own unasked advice, draft included), write and send the advice and ask for a longer
#   term; a neighbouring council sees none of them;
# * the municipality's policy officers see its requests (not the council's unasked advice
#   while it is the council's draft), prepare, send and withdraw them, respond to the
#   advice and decide on a longer term;
# * the municipality's functional administrators read what the policy officers see;
# * every other role sees none of it.

ADVICE_COUNCIL_ROLES = (Role.COUNCIL_MEMBER,)
ADVICE_MUNICIPALITY_ROLES = (Role.POLICY_OFFICER,)
ADVICE_READER_ROLES = (*ADVICE_COUNCIL_ROLES, *ADVICE_MUNICIPALITY_ROLES, Role.FUNCTIONAL_ADMIN)


def _not_municipal_draft() -> Condition:
    return Condition(
        q=lambda: ~Q(status="draft", unasked=False),
        holds=lambda r: not (r.status == "draft" and not r.unasked),
    )


def _not_council_draft() -> Condition:
    return Condition(
        q=lambda: ~Q(status="draft", unasked=True),
        holds=lambda r: not (r.status == "draft" and r.unasked),
    )


ADVICE_COUNCIL = Visibility(
    (
        When(
            InOrganisationOf(frozenset(ADVICE_COUNCIL_ROLES), "council_id"),
            _not_municipal_draft(),
        ),
    )
)
ADVICE_MUNICIPALITY = Visibility(
    (
        When(
            InMunicipalityOf(frozenset({*ADVICE_MUNICIPALITY_ROLES, Role.FUNCTIONAL_ADMIN})),
            _not_council_draft(),
        ),
    )
)
#: Who sees an advice request; ``advice.selectors.advice_request_scope`` filters with it.
ADVICE_VISIBILITY = Visibility((*ADVICE_COUNCIL.clauses, *ADVICE_MUNICIPALITY.clauses))


@rules.predicate
def reads_advice(user) -> bool:
    return scope_of(user).has(*ADVICE_READER_ROLES)


@rules.predicate
def requests_advice(user) -> bool:
    return scope_of(user).has(*ADVICE_MUNICIPALITY_ROLES)


@rules.predicate
def gives_unasked_advice(user) -> bool:
    return scope_of(user).has(*ADVICE_COUNCIL_ROLES)


@rules.predicate
def sees_advice_request(user, request) -> bool:
    return ADVICE_VISIBILITY.holds(user, request)


@rules.predicate
def handles_advice_request(user, request) -> bool:
    """The municipality's side: send, withdraw, respond, decide on a longer term."""
    return request is not None and request.municipality_id in scope_of(user).municipalities(
        *ADVICE_MUNICIPALITY_ROLES
    )


@rules.predicate
def advises_on(user, request) -> bool:
    """The council's side: write and send the advice, ask for a longer term."""
    return request is not None and request.council_id in scope_of(user).organisations(
        *ADVICE_COUNCIL_ROLES
    )


rules.add_perm("council.list_advicerequest", reads_advice)
rules.add_perm("council.add_advicerequest", requests_advice)
rules.add_perm("council.add_unasked_advice", gives_unasked_advice)
rules.add_perm("council.view_advicerequest", sees_advice_request)
rules.add_perm("council.handle_advicerequest", handles_advice_request)
rules.add_perm("council.advise", advises_on)
