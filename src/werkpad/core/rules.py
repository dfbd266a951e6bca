"""Who may change core's configuration: the statutory minimum-wage table (TR6)."""

from __future__ import annotations

import rules

from werkpad.core.permissions import Role, scope_of


@rules.predicate
def is_functional_admin(user) -> bool:
    return scope_of(user).has(Role.FUNCTIONAL_ADMIN)


#: Enter the rates of a newly published indexation date.
rules.add_perm("core.enter_minimum_wage", is_functional_admin)
