"""Occupations and sectors in supply versus demand (JS6), beside the composition.

Supply is the municipality's current job seekers by the first occupation of their search
profile (the one they seek most), grouped by ISCO-08 major group; job seekers without a
search profile form a group of their own, so the groups add up to the file. Demand is the
open vacancies of the municipality's labour-market region (the regional vacancy file) and
their positions, by the same major groups and by the employer's SBI section. Per sector,
supply counts the job seekers whose first occupation is asked there: a person may count in
more than one sector. People are counted, so for the client council a group under
WERKPAD_MIN_CELL is withheld; vacancies are not people and are shown as they are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.models import Municipality
from werkpad.core.suppression import Cell, Suppression, suppress
from werkpad.employers import reference
from werkpad.employers.models import Vacancy
from werkpad.employers.workflow import OPEN
from werkpad.matching.models import SearchProfile

#: The group of job seekers without a search profile (or without an occupation in it).
NO_PROFILE = "none"
#: Vacancies imported for an employer outside the register have no sector.
NO_SECTOR = "?"


@dataclass
class SupplyDemandRow:
    key: str
    label: str
    supply: Cell
    vacancies: int
    positions: int


@dataclass
class SupplyDemand:
    occupations: list[SupplyDemandRow]
    sectors: list[SupplyDemandRow]
    open_vacancies: int
    open_positions: int


def _first_occupations(municipality: Municipality) -> dict[int, str]:
    """Each current job seeker's first sought occupation ("" without one), by job seeker."""
    rows = SearchProfile.objects.filter(
        job_seeker__municipality=municipality, job_seeker__left_on__isnull=True
    ).values_list("job_seeker_id", "occupation_codes")
    return {js: (codes[0] if codes else "") for js, codes in rows}


def supply_and_demand(
    municipality: Municipality, *, total: int, min_cell: int, suppressed: bool
) -> SupplyDemand:
    """Supply and demand for ``municipality``; ``total`` is its current job seekers."""
    firsts = _first_occupations(municipality)
    by_group = Counter(code[:1] for code in firsts.values() if code)
    without = total - sum(by_group.values())
    open_now = Vacancy.objects.filter(
        region_id=municipality.region_id, status__in=OPEN, expires_on__gte=clock.today()
    )
    demand_by_code = {
        row["occupation_code"]: row
        for row in open_now.values("occupation_code")
        .annotate(n=Count("id"), p=Sum("positions"))
        .order_by()
    }
    demand_by_group: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for code, row in demand_by_code.items():
        demand_by_group[code[:1]][0] += row["n"]
        demand_by_group[code[:1]][1] += row["p"]

    def cell(key: str, label: str, count: int) -> Cell:
        return Cell(key=key, label=label, count=count, share=(count / total) if total else 0.0)

    occupations = [
        SupplyDemandRow(
            group.code,
            f"{group.code} {group.title}",
            cell(group.code, group.title, by_group.get(group.code, 0)),
            *demand_by_group.get(group.code, (0, 0)),
        )
        for group in reference.isco_major_groups()
    ]
    occupations.append(
        SupplyDemandRow(
            NO_PROFILE,
            _("No search profile"),
            cell(NO_PROFILE, _("No search profile"), without),
            0,
            0,
        )
    )
    if suppressed:
        suppress([row.supply for row in occupations], min_cell=min_cell)

    sector_codes: dict[str, set[str]] = defaultdict(set)
    sector_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in (
        open_now.values("employer__sbi_section", "occupation_code")
        .annotate(n=Count("id"), p=Sum("positions"))
        .order_by()
    ):
        section = row["employer__sbi_section"] or NO_SECTOR
        sector_codes[section].add(row["occupation_code"])
        sector_counts[section][0] += row["n"]
        sector_counts[section][1] += row["p"]
    seekers_by_code = Counter(code for code in firsts.values() if code)
    sectors = []
    for section in sorted(sector_counts, key=lambda s: (s == NO_SECTOR, s)):
        title = (
            reference.sbi_section_title(section) if section != NO_SECTOR else _("Sector unknown")
        )
        supply = cell(section, title, sum(seekers_by_code[c] for c in sector_codes[section]))
        if suppressed and supply.count is not None and 0 < supply.count < min_cell:
            # Overlapping groups with no total: a small one is withheld on its own.
            supply.withhold(Suppression.SMALL)
        label = f"{section} {title}" if section != NO_SECTOR else title
        sectors.append(SupplyDemandRow(section, label, supply, *sector_counts[section]))
    return SupplyDemand(
        occupations=occupations,
        sectors=sectors,
        open_vacancies=sum(r.vacancies for r in sectors),
        open_positions=sum(r.positions for r in sectors),
    )
