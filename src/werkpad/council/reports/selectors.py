"""Reads of results reports (CO2): scoped to who may see them (``council.rules``), and
the figures a report shows: frozen when published, live while a draft (a year's
protected also by what its published quarters withheld, ``figures.report_tables``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from werkpad.accounts.models import User
from werkpad.core.errors import PermissionDeniedError
from werkpad.core.models import Municipality
from werkpad.core.permissions import scope_of, visible_for
from werkpad.council.models import ResultsReport
from werkpad.council.reports.figures import report_tables, snapshot
from werkpad.council.reports.workflow import PeriodKind, Status
from werkpad.council.rules import REPORT_VISIBILITY, REPORT_WRITERS

ACTIONS = {"publish": "council.publish_resultsreport"}


def report_list(*, user: User) -> QuerySet[ResultsReport]:
    """The reports ``user`` may see, newest period first."""
    if not user.has_perm("council.list_resultsreport"):
        raise PermissionDeniedError(code="results-report-denied")
    return (
        ResultsReport.objects.filter(REPORT_VISIBILITY.q(user))
        .select_related("municipality", "council")
        .order_by("-period_start", "period_kind", "-id")
    )


def report_get(*, user: User, id: int, for_action: str | None = None) -> ResultsReport:
    report = (
        ResultsReport.objects.select_related("municipality", "council", "published_by")
        .filter(pk=id)
        .first()
    )
    return visible_for(
        user,
        report,
        kind="results-report",
        view="council.view_resultsreport",
        actions=ACTIONS,
        for_action=for_action,
    )


def report_figures(*, report: ResultsReport) -> dict[str, Any]:
    """What the report shows: the frozen tables once published, live ones in a draft."""
    if report.published:
        figures: dict[str, Any] = report.figures
        return figures
    return live_figures(report=report)


def published_quarters(*, municipality_id: int, year: int) -> QuerySet[ResultsReport]:
    """The municipality's published quarter reports of ``year``."""
    return ResultsReport.objects.filter(
        municipality_id=municipality_id,
        period_kind=PeriodKind.QUARTER,
        period_start__year=year,
        status=Status.PUBLISHED,
    ).order_by("period_start")


def covering_year(report: ResultsReport) -> ResultsReport | None:
    """The published year report that covers the quarter ``report``, if any."""
    if report.period_kind != PeriodKind.QUARTER:
        return None
    return ResultsReport.objects.filter(
        municipality_id=report.municipality_id,
        period_kind=PeriodKind.YEAR,
        period_start=dt.date(report.period_start.year, 1, 1),
        status=Status.PUBLISHED,
    ).first()


def live_figures(*, report: ResultsReport) -> dict[str, Any]:
    """The report's tables computed now and protected; a year's also against its
    published quarters."""
    min_cell = settings.WERKPAD_MIN_CELL
    covered = (
        [
            q.figures
            for q in published_quarters(
                municipality_id=report.municipality_id, year=report.period_start.year
            )
        ]
        if report.period_kind == PeriodKind.YEAR
        else []
    )
    tables = report_tables(
        municipality=report.municipality,
        start=report.period_start,
        end=report.period_end,
        min_cell=min_cell,
        covered=covered,
    )
    return snapshot(tables, min_cell=min_cell)


def writer_municipalities(*, user: User) -> QuerySet[Municipality]:
    """The municipalities ``user`` writes reports for."""
    return Municipality.objects.filter(
        pk__in=scope_of(user).municipalities(*REPORT_WRITERS)
    ).order_by("name")
