"""Composition of the job-seeker population (JS6): counts and shares per dimension.

Aggregates only, computed in the database (one grouped query per dimension).
For roles in ``SUPPRESSED_ROLES`` (the client council) no cell under
WERKPAD_MIN_CELL persons is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias

from django.conf import settings
from django.db.models import Case, CharField, Count, F, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.deadlines import add_months
from werkpad.core.errors import PermissionDeniedError
from werkpad.core.models import Municipality
from werkpad.core.permissions import (
    AGGREGATE_ROLES,
    SUPPRESSED_ROLES,
    acting_municipality_id,
    scope_of,
)
from werkpad.core.suppression import Cell, Suppression, reasons_of, suppress, withhold_all
from werkpad.insights.supply import SupplyDemand, supply_and_demand
from werkpad.jobseekers.models import (
    BenefitType,
    EducationLevel,
    Gender,
    JobSeeker,
    LadderRung,
    current_q,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _years_ago(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _months_ago(today: dt.date, months: int) -> dt.date:
    # The same day, clipped to the month's end: the bands then agree with
    # JobSeeker.unemployed_months, also at the end of a month.
    return add_months(today, -months)


def _age_band(today: dt.date) -> Case:
    # born after today-27y -> under 27, and so on
    return Case(
        When(birth_date__gt=_years_ago(today, 27), then=Value("u27")),
        When(birth_date__gt=_years_ago(today, 45), then=Value("27-44")),
        When(birth_date__gt=_years_ago(today, 55), then=Value("45-54")),
        default=Value("55+"),
        output_field=CharField(),
    )


def _duration_band(today: dt.date) -> Case:
    return Case(
        When(unemployed_since__gt=_months_ago(today, 12), then=Value("u1")),
        When(unemployed_since__gt=_months_ago(today, 24), then=Value("1-2")),
        When(unemployed_since__gt=_months_ago(today, 60), then=Value("2-5")),
        default=Value("5+"),
        output_field=CharField(),
    )


def _policy() -> Case:
    return Case(
        When(ladder_rung__lte=4, then=Value("activation")),
        default=Value("labour_market"),
        output_field=CharField(),
    )


AGE_BANDS = [
    ("u27", _("under 27")),
    ("27-44", _("27 to 44")),
    ("45-54", _("45 to 54")),
    ("55+", _("55 and older")),
]
DURATION_BANDS = [
    ("u1", _("under 1 year")),
    ("1-2", _("1 to 2 years")),
    ("2-5", _("2 to 5 years")),
    ("5+", _("5 years or longer")),
]
YES_NO = [(True, _("yes")), (False, _("no"))]
POLICY = [
    ("activation", _("Activation (rungs 1-4)")),
    ("labour_market", _("Labour-market policy (rungs 5-6)")),
]

#: The rungs of each policy: the policy dimension publishes their sums.
POLICY_GROUPS = [
    {str(rung) for rung in LadderRung.values if LadderRung.policy(rung) == policy}
    for policy, _label in POLICY
]


@dataclass
class Dimension:
    key: str
    label: str
    cells: list[Cell]


@dataclass
class Composition:
    municipality: Municipality
    total: int | None
    min_cell: int
    suppressed: bool
    dimensions: list[Dimension] = field(default_factory=list)
    #: PL1: job seekers without a plan in effect (suppressed like the dimensions).
    without_current_plan: Cell | None = None
    #: JS6: occupations and sectors in supply versus demand (None for a tiny file).
    supply_demand: SupplyDemand | None = None

    @property
    def suppression_reasons(self) -> list[str]:
        """Why cells on this page are withheld ("small", "complementary"), for the legend."""
        cells = [c for d in self.dimensions for c in d.cells]
        if self.supply_demand:
            rows = self.supply_demand.occupations + self.supply_demand.sectors
            cells += [row.supply for row in rows]
        return reasons_of([*cells, self.without_current_plan])


#: A dimension to count by: its key, its label, what to group on, and its values with labels.
_DimensionSpec: TypeAlias = tuple[
    str, "StrOrPromise", Case | F, Sequence[tuple[object, "StrOrPromise"]]
]


def _dimensions(today: dt.date) -> list[_DimensionSpec]:
    return [
        ("ageBand", _("Age"), _age_band(today), AGE_BANDS),
        ("gender", _("Gender"), F("gender"), Gender.choices),
        ("educationLevel", _("Education level"), F("education_level"), EducationLevel.choices),
        ("unemploymentDuration", _("Unemployment duration"), _duration_band(today), DURATION_BANDS),
        ("benefitType", _("Benefit"), F("benefit_type"), BenefitType.choices),
        ("ladderRung", _("Participation-ladder rung"), F("ladder_rung"), LadderRung.choices),
        ("policy", _("Policy"), _policy(), POLICY),
        ("labourDisability", _("Labour disability"), F("labour_disability"), YES_NO),
        ("shelteredWork", _("Indication for sheltered work"), F("sheltered_work"), YES_NO),
    ]


def composition_municipalities(*, user: User) -> QuerySet[Municipality]:
    return Municipality.objects.filter(pk__in=scope_of(user).municipalities(*AGGREGATE_ROLES))


def _protect_rungs(result: Composition) -> None:
    """Withhold the policy split when a policy's rungs cannot protect a withheld rung.

    When one rung of a policy is withheld and no other rung of it holds anyone
    to withhold with it, that rung would be the policy's count minus the shown
    rungs; without the split only the total is known. A policy count withheld
    only for this is complementary.
    """
    dimensions = {d.key: d for d in result.dimensions}
    rungs = dimensions["ladderRung"].cells
    if any(
        len([c for c in rungs if c.key in group and c.suppressed]) == 1 for group in POLICY_GROUPS
    ):
        for cell in dimensions["policy"].cells:
            cell.withhold(Suppression.COMPLEMENTARY)


def composition_get(*, user: User, municipality_id: int | None = None) -> Composition:
    """The composition of one municipality's file, as this user may see it."""
    if not user.has_perm("insights.view_composition"):
        raise PermissionDeniedError(code="composition-denied")
    scope = scope_of(user)
    municipality_id = acting_municipality_id(
        user, AGGREGATE_ROLES, named=municipality_id, denied_code="composition-denied"
    )
    municipality = Municipality.objects.get(pk=municipality_id)
    # Suppress when the only grant for this municipality is one whose aggregates are suppressed.
    open_roles = set(AGGREGATE_ROLES) - set(SUPPRESSED_ROLES)
    must_suppress = municipality_id not in scope.municipalities(*open_roles)
    min_cell = settings.WERKPAD_MIN_CELL

    today = clock.today()
    base = JobSeeker.objects.filter(current_q(), municipality_id=municipality_id)
    total = base.count()
    result = Composition(
        municipality=municipality, total=total, min_cell=min_cell, suppressed=must_suppress
    )
    for key, label, expression, choices in _dimensions(today):
        counts = dict(
            base.annotate(k=expression).values_list("k").annotate(n=Count("id")).order_by()
        )
        cells = [
            Cell(
                key=str(value).lower(),
                label=str(text),
                count=counts.get(value, 0),
                share=(counts.get(value, 0) / total) if total else 0.0,
            )
            for value, text in choices
        ]
        if must_suppress:
            groups = POLICY_GROUPS if key == "ladderRung" else ()
            cells = suppress(cells, min_cell=min_cell, groups=groups)
        result.dimensions.append(Dimension(key=key, label=str(label), cells=cells))
    if must_suppress:
        _protect_rungs(result)
    result.without_current_plan = without_current_plan(
        base, total=total, min_cell=min_cell, suppressed=must_suppress
    )
    if not (must_suppress and total < min_cell):
        result.supply_demand = supply_and_demand(
            municipality, total=total, min_cell=min_cell, suppressed=must_suppress
        )
    if must_suppress and total < min_cell:
        result.total = None
        for dimension in result.dimensions:
            withhold_all(dimension.cells, total=total, min_cell=min_cell)
    return result


def without_current_plan(
    job_seekers: QuerySet[JobSeeker], *, total: int, min_cell: int, suppressed: bool
) -> Cell:
    """PL1: how many of ``job_seekers`` have no plan in effect, and their share.

    Suppressed for the council like the composition: the complement (those with a
    plan) is withheld along with a small cell, and nothing shows under ``min_cell``
    job seekers in all.
    """
    with_plan = job_seekers.filter(plan__current_version__isnull=False).count()
    cells = [
        Cell(
            key="without",
            label=str(_("Without a current plan")),
            count=total - with_plan,
            share=((total - with_plan) / total) if total else 0.0,
        ),
        Cell(
            key="with",
            label=str(_("With a current plan")),
            count=with_plan,
            share=(with_plan / total) if total else 0.0,
        ),
    ]
    if suppressed:
        cells = suppress(cells, min_cell=min_cell)
        withhold_all(cells, total=total, min_cell=min_cell)
    return cells[0]
