"""Who may read and change a municipality's instruments catalogue (IN1).

Caseworkers, policy officers and functional administrators read their own
municipality's catalogue (plans and placements refer to it); only the
functional administrator changes it.
"""

from __future__ import annotations

import rules

from werkpad.core.permissions import InMunicipalityOf, Role, Visibility, scope_of

#: Roles that read their municipality's instruments catalogue.
READERS = (Role.CASEWORKER, Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN)
#: Roles that change it.
EDITORS = (Role.FUNCTIONAL_ADMIN,)


@rules.predicate
def reads_instruments(user) -> bool:
    return scope_of(user).has(*READERS)


#: Who sees an instrument: the readers of its municipality's catalogue; the selectors
#: filter with the same definition.
INSTRUMENT_VISIBILITY = Visibility((InMunicipalityOf(frozenset(READERS)),))


@rules.predicate
def reads_instruments_of(user, instrument) -> bool:
    return INSTRUMENT_VISIBILITY.holds(user, instrument)


@rules.predicate
def edits_instruments(user) -> bool:
    return scope_of(user).has(*EDITORS)


@rules.predicate
def edits_instruments_of(user, instrument) -> bool:
    return instrument is not None and instrument.municipality_id in scope_of(user).municipalities(
        *EDITORS
    )


rules.add_perm("instruments.list_instrument", reads_instruments)
rules.add_perm("instruments.view_instrument", reads_instruments_of)
rules.add_perm("instruments.add_instrument", edits_instruments)
rules.add_perm("instruments.change_instrument", edits_instruments_of)
