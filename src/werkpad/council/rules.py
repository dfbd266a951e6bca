"""Who may do what with the client council's work (CO1-CO3): the one place it is decided.

A client council is an ``Organisation`` of kind ``council``; its members hold the
``council_member`` role in it. The municipality's policy officers work with their
own municipality's council. Sections below add the decisions per object kind.
"""

from __future__ import annotations

from werkpad.core.models import Organisation
from werkpad.core.permissions import AnyUser, Role, scope_of


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
