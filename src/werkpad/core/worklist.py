"""The worklist (werkvoorraad): what is due for this user, overdue first.

Each app contributes sections for the roles it serves; the home page shows
them in order. A section counts its items in the database and lists the
first few.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from werkpad.core import clock
from werkpad.core.minimum_wage import missing_rates
from werkpad.core.permissions import Role, scope_of


@dataclass
class WorklistItem:
    title: str
    url: str
    detail: str = ""
    overdue: bool = False


@dataclass
class WorklistSection:
    key: str
    title: str
    count: int
    items: list[WorklistItem] = field(default_factory=list)
    more_url: str = ""
    empty_text: str = ""


def worklist_for(user) -> list[WorklistSection]:
    from werkpad.jobseekers.worklist import caseworker_sections
    from werkpad.plans import worklist as plan_worklist
    from werkpad.trajectories import worklist as trajectory_worklist

    scope = scope_of(user)
    sections: list[WorklistSection] = []
    if scope.has(Role.CASEWORKER):
        sections.extend(caseworker_sections(user))
        sections.extend(plan_worklist.caseworker_sections(user))
        sections.extend(trajectory_worklist.caseworker_sections(user))
    if scope.has(Role.COACH):
        sections.extend(trajectory_worklist.coach_sections(user))
    if scope.has(Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN):
        from werkpad.providers.worklist import policy_officer_sections

        sections.extend(policy_officer_sections(user))
    if scope.has(Role.FUNCTIONAL_ADMIN):
        sections.append(minimum_wage_section(user))
    if scope.has(Role.COUNCIL_MEMBER):
        from werkpad.providers.worklist import council_sections

        sections.extend(council_sections(user))
    if scope.has(Role.POLICY_OFFICER, Role.COUNCIL_MEMBER, Role.FUNCTIONAL_ADMIN):
        sections.append(
            WorklistSection(
                key="composition",
                title=str(_("Composition of the job-seeker population")),
                count=0,
                more_url=reverse("insights:composition"),
                empty_text=str(_("Counts and shares by age, gender, education, benefit and rung.")),
            )
        )
    return sections


def minimum_wage_section(user) -> WorklistSection:
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
