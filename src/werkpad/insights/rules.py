"""Who sees the insights: aggregates of a municipality's file, never a person.

Autodiscovered by ``rules`` like every app's ``rules.py``; the one place this
decision is made (the selectors check the permission, the menu shows it).
"""

from __future__ import annotations

import rules

from werkpad.core.permissions import AGGREGATE_ROLES, scope_of


@rules.predicate
def sees_aggregates(user) -> bool:
    return scope_of(user).has(*AGGREGATE_ROLES)


rules.add_perm("insights.view_composition", sees_aggregates)
