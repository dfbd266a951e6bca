"""Demo results reports (CO2): Amsterdam's policy officer published the last four
quarters and the last full year to the council, each a few weeks after its period
ended, and has a draft for the current quarter.

Each report goes through the services, as the policy officer would; a published one is
then dated back to the day it went out (its figures are those of today's demo data)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.models import Municipality
from werkpad.council.models import ResultsReport
from werkpad.council.reports import services

PUBLISHED_AFTER_DAYS = 20


def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _previous(year: int, quarter: int) -> tuple[int, int]:
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


def create_council_reports(*, municipality: Municipality, policy_officer: User) -> int:
    today = clock.today()
    year, quarter = _quarter(today)
    periods: list[tuple[str, int, int | None]] = []
    past = (year, quarter)
    for _ in range(4):
        past = _previous(*past)
        periods.append(("quarter", past[0], past[1]))
    periods.append(("year", year - 1, None))
    made = 0
    for kind, period_year, period_quarter in periods:
        report = services.report_create(
            user=policy_officer,
            municipality_id=municipality.pk,
            period_kind=kind,
            year=period_year,
            quarter=period_quarter,
            notes="Toelichting: de cijfers zijn besproken in het overleg met de cliëntenraad.",
        )
        services.report_publish(user=policy_officer, report_id=report.pk)
        sent_on = min(report.period_end + dt.timedelta(days=PUBLISHED_AFTER_DAYS), today)
        sent_at = timezone.make_aware(dt.datetime.combine(sent_on, dt.time(10)))
        ResultsReport.objects.filter(pk=report.pk).update(published_at=sent_at, updated_at=sent_at)
        report.history.filter(to_status="published").update(changed_at=sent_at)
        made += 1
    services.report_create(
        user=policy_officer,
        municipality_id=municipality.pk,
        period_kind="quarter",
        year=year,
        quarter=quarter,
        notes="Concept: nog aan te vullen met de toelichting op de trajecten.",
    )
    return made + 1
