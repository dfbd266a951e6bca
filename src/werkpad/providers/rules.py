"""Who may read and change the provider register (PR1) and the catalogue (PR2).

* caseworkers, policy officers and functional administrators read the
  providers and programmes of their own municipality;
* policy officers and functional administrators register and change them;
* a provider's coach reads their own provider and its programmes;
* everyone, without a login, reads the public page of an active programme
  (``programme_public_get``); no rule is needed for that.
"""

from __future__ import annotations

import rules

from werkpad.core.permissions import (
    InMunicipalityOf,
    InOrganisationOf,
    Role,
    Visibility,
    scope_of,
)

#: Roles that read their municipality's register and catalogue.
READERS = (Role.CASEWORKER, Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN)
#: Roles that change them.
EDITORS = (Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN)


#: Who sees a provider, and a programme: their municipality's readers, and the
#: provider's own coaches. The selectors filter with the same definitions.
PROVIDER_VISIBILITY = Visibility(
    (InMunicipalityOf(frozenset(READERS)), InOrganisationOf(frozenset({Role.COACH})))
)
PROGRAMME_VISIBILITY = Visibility(
    (
        InMunicipalityOf(frozenset(READERS)),
        InOrganisationOf(frozenset({Role.COACH}), "provider__organisation_id"),
    )
)


@rules.predicate
def reads_catalogue(user) -> bool:
    return scope_of(user).has(*READERS, Role.COACH)


@rules.predicate
def sees_provider(user, provider) -> bool:
    return PROVIDER_VISIBILITY.holds(user, provider)


@rules.predicate
def sees_programme(user, programme) -> bool:
    return PROGRAMME_VISIBILITY.holds(user, programme)


@rules.predicate
def edits_catalogue(user) -> bool:
    return scope_of(user).has(*EDITORS)


@rules.predicate
def edits_catalogue_of(user, obj) -> bool:
    return obj is not None and obj.municipality_id in scope_of(user).municipalities(*EDITORS)


rules.add_perm("providers.list_provider", reads_catalogue)
rules.add_perm("providers.view_provider", sees_provider)
rules.add_perm("providers.add_provider", edits_catalogue)
rules.add_perm("providers.change_provider", edits_catalogue_of)
rules.add_perm("providers.list_programme", reads_catalogue)
rules.add_perm("providers.view_programme", sees_programme)
rules.add_perm("providers.add_programme", edits_catalogue)
rules.add_perm("providers.change_programme", edits_catalogue_of)
