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

from werkpad.core.permissions import Role, scope_of

#: Roles that read their municipality's register and catalogue.
READERS = (Role.CASEWORKER, Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN)
#: Roles that change them.
EDITORS = (Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN)


def _provider_of(obj):
    """A provider, or the provider of a programme."""
    return getattr(obj, "provider", obj) if obj is not None else None


@rules.predicate
def reads_catalogue(user) -> bool:
    return scope_of(user).has(*READERS, Role.COACH)


@rules.predicate
def reads_catalogue_of(user, obj) -> bool:
    return obj is not None and obj.municipality_id in scope_of(user).municipalities(*READERS)


@rules.predicate
def is_coach_of(user, obj) -> bool:
    provider = _provider_of(obj)
    return provider is not None and provider.organisation_id in scope_of(user).organisations(
        Role.COACH
    )


@rules.predicate
def edits_catalogue(user) -> bool:
    return scope_of(user).has(*EDITORS)


@rules.predicate
def edits_catalogue_of(user, obj) -> bool:
    return obj is not None and obj.municipality_id in scope_of(user).municipalities(*EDITORS)


rules.add_perm("providers.list_provider", reads_catalogue)
rules.add_perm("providers.view_provider", reads_catalogue_of | is_coach_of)
rules.add_perm("providers.add_provider", edits_catalogue)
rules.add_perm("providers.change_provider", edits_catalogue_of)
rules.add_perm("providers.list_programme", reads_catalogue)
rules.add_perm("providers.view_programme", reads_catalogue_of | is_coach_of)
rules.add_perm("providers.add_programme", edits_catalogue)
rules.add_perm("providers.change_programme", edits_catalogue_of)
