"""Demand-side insights (EM7), aggregates only: per labour-market region the employers
by sector (SBI section) and size, the open vacancies by volume (positions) and by
required education, and the sectors growing or shrinking: vacancies received per sector
over the last four quarters against the four before. A fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.errors import PermissionDeniedError
from werkpad.core.models import LabourMarketRegion
from werkpad.employers import reference
from werkpad.employers.models import Size
from werkpad.employers.selectors import employer_scope, vacancy_scope
from werkpad.employers.workflow import OPEN
from werkpad.jobseekers.models import EducationLevel


@dataclass
class SectorRow:
    section: str
    title: str
    sme: int = 0
    large: int = 0
    recent: int = 0
    before: int = 0

    @property
    def employers(self) -> int:
        return self.sme + self.large

    @property
    def trend(self) -> int:
        return self.recent - self.before


@dataclass
class RegionDemand:
    region: LabourMarketRegion
    sectors: list[SectorRow] = field(default_factory=list)
    open_vacancies: int = 0
    open_positions: int = 0
    by_education: list[tuple[str, int, int]] = field(default_factory=list)


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _quarters_back(start: dt.date, n: int) -> dt.date:
    month = start.year * 12 + start.month - 1 - 3 * n
    return dt.date(month // 12, month % 12 + 1, 1)


def periods(today: dt.date | None = None) -> tuple[dt.date, dt.date, dt.date]:
    """The start of the four quarters before the current one, of the four before them,
    and the end (the current quarter's start): complete quarters only."""
    end = quarter_start(today or clock.today())
    return _quarters_back(end, 8), _quarters_back(end, 4), end


def demand(*, user: User) -> list[RegionDemand]:
    if not user.has_perm("employers.view_insights"):
        raise PermissionDeniedError(code="employer-insights-denied")
    first, middle, end = periods()
    employers = (
        employer_scope(user=user)
        .values("region_id", "sbi_section", "size")
        .annotate(n=Count("id"))
        .order_by()
    )
    vacancies = vacancy_scope(user=user)
    received = (
        vacancies.filter(received_at__date__gte=first, received_at__date__lt=end)
        .values("region_id", "employer__sbi_section")
        .annotate(
            recent=Count("id", filter=Q(received_at__date__gte=middle)),
            before=Count("id", filter=Q(received_at__date__lt=middle)),
        )
        .order_by()
    )
    education = (
        vacancies.filter(status__in=OPEN)
        .values("region_id", "min_education_level")
        .annotate(n=Count("id"), positions=Sum("positions"))
        .order_by()
    )
    regions: dict[int, RegionDemand] = {}
    region_ids = (
        {row["region_id"] for row in employers}
        | {row["region_id"] for row in received}
        | {row["region_id"] for row in education}
    )
    for region in LabourMarketRegion.objects.filter(pk__in=region_ids).order_by("code"):
        regions[region.pk] = RegionDemand(region=region)
    sectors: dict[int, dict[str, SectorRow]] = defaultdict(dict)

    def sector(region_id: int, section: str | None) -> SectorRow:
        code = section or "?"
        rows = sectors[region_id]
        if code not in rows:
            title = reference.sbi_section_title(code) if section else "—"
            rows[code] = SectorRow(section=code, title=title)
        return rows[code]

    for row in employers:
        target = sector(row["region_id"], row["sbi_section"])
        if row["size"] == Size.LARGE:
            target.large += row["n"]
        else:
            target.sme += row["n"]
    for row in received:
        target = sector(row["region_id"], row["employer__sbi_section"])
        target.recent += row["recent"]
        target.before += row["before"]
    levels = dict(EducationLevel.choices)
    order = list(EducationLevel.values)
    by_level: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    for row in education:
        found = regions[row["region_id"]]
        found.open_vacancies += row["n"]
        found.open_positions += row["positions"] or 0
        by_level[row["region_id"]].append(
            (row["min_education_level"], row["n"], row["positions"] or 0)
        )
    for region_id, shown in regions.items():
        shown.sectors = sorted(sectors[region_id].values(), key=lambda s: s.section)
        shown.by_education = [
            (str(levels.get(level, level)), n, positions)
            for level, n, positions in sorted(
                by_level[region_id],
                key=lambda r: order.index(r[0]) if r[0] in order else len(order),
            )
        ]
    return list(regions.values())
