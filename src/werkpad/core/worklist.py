"""The worklist (werkvoorraad): what is due for this user, overdue first.

Each app contributes sections for the roles it serves by registering them from
its ``AppConfig.ready`` (``register_sections``), so ``core`` knows no app above
it; the home page and the API show them in the registered order. A section
counts its items in the database and lists the first few.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from werkpad.core import clock
from werkpad.core.minimum_wage import missing_rates
from werkpad.core.permissions import AnyUser, Role, scope_of

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass
class WorklistItem:
    title: StrOrPromise
    url: str
    detail: StrOrPromise = ""
    overdue: bool = False
    #: The date the item falls (or fell) due, where it has one.
    due_on: dt.date | None = None


@dataclass
class WorklistSection:
    key: str
    title: StrOrPromise
    count: int
    items: list[WorklistItem] = field(default_factory=list)
    more_url: str = ""
    empty_text: StrOrPromise = ""


@dataclass(frozen=True)
class SectionSource:
    """Where sections come from: the roles they are for, and the function that makes them."""

    roles: frozenset[str]
    sections: Callable[[AnyUser], Iterable[WorklistSection]]
    order: int


_SOURCES: dict[str, SectionSource] = {}


def register_sections(
    name: str,
    *,
    roles: Iterable[str],
    sections: Callable[[AnyUser], Iterable[WorklistSection]],
    order: int,
) -> None:
    """Add the sections ``sections(user)`` makes for a user holding any of ``roles``.

    ``order`` places them on the page (lower first). Registering a name again
    replaces it, so an app's ``ready`` may run more than once.
    """
    _SOURCES[name] = SectionSource(roles=frozenset(roles), sections=sections, order=order)


def worklist_for(user: AnyUser) -> list[WorklistSection]:
    """The user's sections in the registered order, each with its overdue items first."""
    scope = scope_of(user)
    result: list[WorklistSection] = []
    for source in sorted(_SOURCES.values(), key=lambda source: source.order):
        if scope.has(*source.roles):
            result.extend(source.sections(user))
    for section in result:
        section.items.sort(key=lambda item: not item.overdue)  # stable: due order kept
    return result


def minimum_wage_section(user: AnyUser) -> WorklistSection:
    """TR6: the minimum-wage rates to enter: those wage checks wait for, those in
    force, and the next one from the first of the month before it."""
    today = clock.today()
    missing = missing_rates(
        today=today, municipality_ids=scope_of(user).municipalities(Role.FUNCTIONAL_ADMIN)
    )
    url = reverse("core:minimum-wage")
    items = []
    for rate in missing:
        parts = []
        if rate.waiting:
            parts.append(
                ngettext(
                    "%(count)s wage check waits for it",
                    "%(count)s wage checks wait for it",
                    rate.waiting,
                )
                % {"count": rate.waiting}
            )
        parts.append(
            str(_("in force since %(date)s") if rate.in_force else _("applies from %(date)s"))
            % {"date": rate.valid_from.strftime("%d-%m-%Y")}
        )
        items.append(
            WorklistItem(
                title=str(_("Enter the minimum wage from %(date)s"))
                % {"date": date_format(rate.valid_from, "j F Y")},
                url=url,
                detail=" · ".join(parts),
                overdue=rate.in_force or rate.waiting > 0,
                due_on=rate.valid_from,
            )
        )
    return WorklistSection(
        key="minimum-wage",
        title=str(_("Statutory minimum wage")),
        count=len(missing),
        items=items,
        more_url=url,
        empty_text=str(_("Every minimum-wage rate that applies is entered.")),
    )
