"""The statutory minimum wage by age and date (TR6, MA3).

The table ships as data (``data/minimum_wage_hourly.csv``, with its source)
and lives in the database (``MinimumWageRate``), where ``werkpad minimum_wage
add`` puts the amounts of a new indexation date when they are published. Each
rate applies from its ``valid_from`` until the next indexation date (1 January
or 1 July). A date the table does not cover is refused, never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from werkpad.core.errors import DomainError
from werkpad.core.models import MinimumWageRate

ADULT_AGE = 21
YOUNGEST_AGE = 15


class MinimumWageUnknownError(DomainError):
    code = "minimum-wage-unknown"


@dataclass(frozen=True)
class MinimumWage:
    valid_from: dt.date
    valid_until: dt.date  # exclusive
    kind: str
    age: int
    share: Decimal
    hourly: Decimal


def _next_indexation(day: dt.date) -> dt.date:
    return dt.date(day.year, 7, 1) if day.month < 7 else dt.date(day.year + 1, 1, 1)


def _row(rate) -> MinimumWage:
    return MinimumWage(
        valid_from=rate.valid_from,
        valid_until=_next_indexation(rate.valid_from),
        kind=rate.kind,
        age=rate.age,
        share=rate.share,
        hourly=rate.hourly,
    )


def table() -> tuple[MinimumWage, ...]:
    """Every rate, oldest first."""
    return tuple(
        _row(rate) for rate in MinimumWageRate.objects.order_by("valid_from", "kind", "-age")
    )


def source() -> str:
    """Where the newest rates come from."""
    newest = MinimumWageRate.objects.order_by("-valid_from").values_list("source", flat=True)
    return newest.first() or ""


def hourly_minimum(*, age: int, on: dt.date, apprentice: bool = False) -> MinimumWage:
    """The row that applies to a person of ``age`` on ``on``.

    Apprentices (BBL) aged 18 to 20 have their own shares; at other ages the
    regular amount applies to them too.
    """
    if age < YOUNGEST_AGE:
        raise MinimumWageUnknownError(
            _("There is no statutory minimum wage for someone younger than %(age)s.")
            % {"age": YOUNGEST_AGE},
            field="age",
        )
    kind = "bbl" if apprentice and 18 <= age <= 20 else "regular"
    key_age = min(age, ADULT_AGE)
    rate = (
        MinimumWageRate.objects.filter(kind=kind, age=key_age, valid_from__lte=on)
        .order_by("-valid_from")
        .first()
    )
    if rate is not None and on < _next_indexation(rate.valid_from):
        return _row(rate)
    rows = table()
    first, last = rows[0].valid_from, max(r.valid_until for r in rows)
    raise MinimumWageUnknownError(
        _(
            "The minimum-wage table covers %(first)s up to %(last)s; %(date)s lies outside it. "
            "Add the amounts for that date before recording this wage."
        )
        % {
            "first": first.strftime("%d-%m-%Y"),
            "last": (last - dt.timedelta(days=1)).strftime("%d-%m-%Y"),
            "date": on.strftime("%d-%m-%Y"),
        },
        field="start_date",
    )


def check_wage(
    *,
    hourly_wage: Decimal,
    age: int,
    on: dt.date,
    apprentice: bool = False,
    field: str = "hourly_wage",
) -> MinimumWage:
    """Refuses a wage under the minimum, naming the minimum that applies."""
    minimum = hourly_minimum(age=age, on=on, apprentice=apprentice)
    if hourly_wage < minimum.hourly:
        raise DomainError(
            _(
                "The hourly wage of € %(wage)s is below the statutory minimum wage of € %(minimum)s "
                "for someone aged %(age)s on %(date)s."
            )
            % {
                "wage": number_format(hourly_wage, 2),
                "minimum": number_format(minimum.hourly, 2),
                "age": age,
                "date": on.strftime("%d-%m-%Y"),
            },
            code="below-minimum-wage",
            field=field,
        )
    return minimum


def minimum_wage_add(
    *, valid_from: dt.date, adult_hourly: Decimal, source: str
) -> list[MinimumWage]:
    """Add the rates of a new indexation date from the published adult hourly amount.

    The youth and apprentice amounts follow from their statutory shares (those
    of the latest date already known), rounded to cents. Audited; one transaction.
    """
    from django.db import transaction

    from werkpad.core.audit import audit_record
    from werkpad.core.models import AuditEvent

    if (valid_from.month, valid_from.day) not in {(1, 1), (7, 1)}:
        raise DomainError(
            _("The minimum wage changes on 1 January and 1 July only."),
            code="minimum-wage-date",
            field="valid_from",
        )
    if not source.strip():
        raise DomainError(
            _("Name the source of the amount (the published decision)."),
            code="minimum-wage-source",
            field="source",
        )
    with transaction.atomic():
        if MinimumWageRate.objects.filter(valid_from=valid_from).exists():
            raise DomainError(
                _("The rates of this date are already in the table."),
                code="minimum-wage-exists",
                field="valid_from",
            )
        latest = (
            MinimumWageRate.objects.order_by("-valid_from")
            .values_list("valid_from", flat=True)
            .first()
        )
        if latest is None or valid_from != _next_indexation(latest):
            raise DomainError(
                _(
                    "Add the next indexation date after the last one in the table, so that "
                    "the table has no gap."
                ),
                code="minimum-wage-gap",
                field="valid_from",
            )
        created = [
            MinimumWageRate.objects.create(
                valid_from=valid_from,
                kind=rate.kind,
                age=rate.age,
                share=rate.share,
                hourly=(adult_hourly * rate.share).quantize(Decimal("0.01"), ROUND_HALF_UP),
                source=source.strip()[:300],
            )
            for rate in MinimumWageRate.objects.filter(valid_from=latest)
        ]
        audit_record(
            user=None,
            action=AuditEvent.Action.CREATE,
            object_type="minimum-wage",
            object_id=valid_from.isoformat(),
            detail=f"adult hourly {adult_hourly}; {source}"[:300],
        )
    return [_row(rate) for rate in created]
