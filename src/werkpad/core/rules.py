"""Who may change core's configuration: the statutory minimum-wage table (TR6) and a
municipality's settings (its periods and terms)."""

from __future__ import annotations

import rules

from werkpad.core.permissions import Role, scope_of


@rules.predicate
def is_functional_admin(user) -> bool:
    return scope_of(user).has(Role.FUNCTIONAL_ADMIN)


@rules.predicate
def administers_settings_of(user, settings) -> bool:
    """The functional administrator of the municipality whose settings these are."""
    return settings is not None and settings.municipality_id in scope_of(user).municipalities(
        Role.FUNCTIONAL_ADMIN
    )


#: Enter the rates of a newly published indexation date.
rules.add_perm("core.enter_minimum_wage", is_functional_admin)
#: Open the settings page: a functional administrator of some municipality.
rules.add_perm("core.list_municipality_settings", is_functional_admin)
#: Read and change one municipality's settings: only its functional administrator.
rules.add_perm("core.view_municipality_settings", administers_settings_of)
rules.add_perm("core.change_municipality_settings", administers_settings_of)
