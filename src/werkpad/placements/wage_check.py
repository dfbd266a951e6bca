"""The wage checks of placements that wait for a minimum-wage rate (MA3).

A placement starting after the table's last date is recorded as waiting for the rate
of that date; ``core.minimum_wage`` calls ``placement_recheck`` in the transaction that
adds the rate (registered in ``apps.PlacementsConfig.ready``). A wage under it then
becomes a finding on the placement (``below_minimum``), never a refusal after the fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Count

from werkpad.core.audit import audit_record
from werkpad.core.minimum_wage import Recheck, WageCheck, assess_wage, indexation_date
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import AnyUser
from werkpad.placements.models import Placement


def _next(day: dt.date) -> dt.date:
    """The indexation date after ``day``'s."""
    return dt.date(day.year, 7, 1) if day.month < 7 else dt.date(day.year + 1, 1, 1)


def placement_recheck(*, valid_from: dt.date, user: AnyUser | None = None) -> Recheck:
    """Run the placements' checks waiting for the rate of ``valid_from`` (or earlier)."""
    waiting = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("job_seeker")
        .filter(wage_check=WageCheck.WAITING_FOR_RATE, start_date__lt=_next(valid_from))
        .order_by("pk")
    )
    rechecked = below = 0
    for placement in waiting:
        assessment = assess_wage(
            hourly_wage=placement.hourly_wage,
            age=placement.job_seeker.age_on(placement.start_date),
            on=placement.start_date,
        )
        placement.wage_check = assessment.check
        placement.minimum_wage = assessment.minimum
        placement.save(update_fields=["wage_check", "minimum_wage"])
        audit_record(
            user=user,
            action=AuditEvent.Action.UPDATE,
            object_type="placement",
            object_id=placement.pk,
            job_seeker_id=placement.job_seeker_id,
            municipality_id=placement.municipality_id,
            fields=["wage_check", "minimum_wage"],
            detail=f"wage check: {assessment.check} (minimum {assessment.minimum})",
        )
        rechecked += 1
        below += assessment.check == WageCheck.BELOW_MINIMUM
    return Recheck(rechecked=rechecked, below_minimum=below)


def placements_waiting(municipality_ids: Iterable[int] | None = None) -> dict[dt.date, int]:
    """How many placements wait for a rate, per indexation date."""
    placements = Placement.objects.filter(wage_check=WageCheck.WAITING_FOR_RATE)
    if municipality_ids is not None:
        placements = placements.filter(municipality_id__in=list(municipality_ids))
    waiting: dict[dt.date, int] = {}
    for start, n in (
        placements.values("start_date")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("start_date", "n")
    ):
        day = indexation_date(start)
        waiting[day] = waiting.get(day, 0) + n
    return waiting
