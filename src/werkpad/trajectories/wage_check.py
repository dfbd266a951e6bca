"""The wage check of an end report with work (TR6).

It runs when the end report is written and again, by itself, when the rate it
waits for is entered: ``core.minimum_wage`` calls ``end_report_recheck`` in the
transaction that adds the rate (registered in ``apps.TrajectoriesConfig.ready``).
The check itself is ``core.minimum_wage.assess_wage``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Count

from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.minimum_wage import (
    MinimumWageUnknownError,
    Recheck,
    WageCheck,
    assess_wage,
    below_minimum_error,
)
from werkpad.core.models import AuditEvent
from werkpad.trajectories.models import EndReport, Trajectory


def end_report_wage_check(
    *, trajectory: Trajectory, hourly_wage: Decimal, work_start_date: dt.date
) -> dict[str, Any]:
    """The wage-check fields of a new end report.

    A wage under a known minimum is refused, naming the minimum; a start date
    the table does not cover yet is recorded as waiting for the rate of that date.
    """
    age = trajectory.job_seeker.age_on(work_start_date)
    try:
        assessment = assess_wage(hourly_wage=Decimal(hourly_wage), age=age, on=work_start_date)
    except MinimumWageUnknownError as error:
        raise MinimumWageUnknownError(error.message, field="work_start_date") from error
    if assessment.check == WageCheck.BELOW_MINIMUM:
        assert assessment.minimum is not None
        raise below_minimum_error(
            hourly_wage=Decimal(hourly_wage),
            minimum=assessment.minimum,
            age=age,
            on=work_start_date,
        )
    return {
        "wage_check": assessment.check,
        "minimum_wage": assessment.minimum,
        "minimum_wage_date": assessment.rate_date,
        "wage_checked_at": clock.now(),
    }


def end_report_recheck(*, valid_from: dt.date, user=None) -> Recheck:
    """Run the checks waiting for the rate of ``valid_from`` again, each audited.

    Called inside the transaction that adds the rate; a wage under it becomes a
    finding on the trajectory (``below_minimum``), never a refusal after the fact.
    """
    waiting = (
        EndReport.objects.select_for_update(of=("self",))
        .select_related("trajectory__job_seeker")
        # Up to and including this date: a check that was written while an earlier
        # rate was being entered, and so still waits, is taken along too.
        .filter(wage_check=WageCheck.WAITING_FOR_RATE, minimum_wage_date__lte=valid_from)
        .order_by("pk")
    )
    rechecked = below = 0
    now = clock.now()
    for report in waiting:
        trajectory = report.trajectory
        # A check waits only in an end report with work, which has both (end_report_wage_check).
        assert report.hourly_wage is not None and report.work_start_date is not None
        assessment = assess_wage(
            hourly_wage=report.hourly_wage,
            age=trajectory.job_seeker.age_on(report.work_start_date),
            on=report.work_start_date,
        )
        report.wage_check = assessment.check
        report.minimum_wage = assessment.minimum
        report.minimum_wage_date = assessment.rate_date
        report.wage_checked_at = now
        report.save(
            update_fields=["wage_check", "minimum_wage", "minimum_wage_date", "wage_checked_at"]
        )
        audit_record(
            user=user,
            action=AuditEvent.Action.UPDATE,
            object_type="trajectory",
            object_id=trajectory.pk,
            job_seeker_id=trajectory.job_seeker_id,
            municipality_id=trajectory.municipality_id,
            fields=["wage_check", "minimum_wage"],
            detail=f"wage check: {assessment.check} (minimum {assessment.minimum} "
            f"from {assessment.rate_date.isoformat()})",
        )
        rechecked += 1
        below += assessment.check == WageCheck.BELOW_MINIMUM
    return Recheck(rechecked=rechecked, below_minimum=below)


def end_reports_waiting(municipality_ids: Iterable[int] | None = None) -> dict[dt.date, int]:
    """How many end reports wait for a rate, per indexation date."""
    reports = EndReport.objects.filter(wage_check=WageCheck.WAITING_FOR_RATE)
    if municipality_ids is not None:
        reports = reports.filter(trajectory__municipality_id__in=list(municipality_ids))
    waiting: dict[dt.date, int] = {}
    for day, n in (
        reports.values("minimum_wage_date")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("minimum_wage_date", "n")
    ):
        assert day is not None  # a waiting check names the date of the rate it waits for
        waiting[day] = n
    return waiting
