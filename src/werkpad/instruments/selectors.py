"""Reads of the instruments catalogue; views and the API start here."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import QuerySet

from werkpad.accounts.models import User
from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.core.permissions import visible_for
from werkpad.instruments.filters import InstrumentFilter, as_query
from werkpad.instruments.models import Instrument
from werkpad.instruments.rules import INSTRUMENT_VISIBILITY


def instrument_scope(*, user: User) -> QuerySet[Instrument]:
    """The instruments of the municipalities whose catalogue this user reads (the same
    definition as the ``instruments.view_instrument`` rule)."""
    return Instrument.objects.filter(INSTRUMENT_VISIBILITY.q(user))


def instrument_list(
    *, user: User, filters: Mapping[str, object] | None = None
) -> QuerySet[Instrument]:
    """The user's catalogue, filtered by ``type`` and ``active``; ordered by type and name."""
    if not user.has_perm("instruments.list_instrument"):
        raise PermissionDeniedError(code="instrument-list-denied")
    queryset = instrument_scope(user=user).order_by("type", "name", "id")
    if filters:
        filterset = InstrumentFilter(as_query(filters), queryset=queryset)
        if not filterset.is_valid():
            raise InvalidInputError({name: list(msgs) for name, msgs in filterset.errors.items()})
        queryset = filterset.qs
    return queryset


def instrument_get(*, user: User, id: int, for_action: str | None = None) -> Instrument:
    """One instrument of the user's catalogue; with ``for_action="change"`` only for someone
    who may change it (403 otherwise), before anything is read."""
    return visible_for(
        user,
        instrument_scope(user=user).select_related("municipality").filter(pk=id).first(),
        kind="instrument",
        view="instruments.view_instrument",
        actions={"change": "instruments.change_instrument"},
        for_action=for_action,
    )
