"""Who may change core's configuration: the statutory minimum-wage table (TR6) and a
municipality's settings (its periods and terms)."""

from __future__ import annotations

import rules

from werkpad.core.models import MunicipalitySettings
from werkpad.core.permissions import AnyUser, Role, scope_of


@rules.predicate  # type: ignore[untyped-decorator]  # rules leaves it unannotated
def is_functional_admin(user: AnyUser) -> bool:
    return scope_of(user).has(Role.FUNCTIONAL_ADMIN)


@rules.predicate  # type: ignore[untyped-decorator]  # rules leaves it unannotated
def administers_settings_of(user: AnyUser, settings: MunicipalitySettings | None) -> bool:
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
