"""The statutory minimum wage by age and date (TR6, MA3).

The table ships as data (``data/minimum_wage_hourly.csv``, with its source).
Each row applies from its ``valid_from`` until the next indexation date
(1 January or 1 July). A date the table does not cover is refused, never
guessed: the table is updated when a new amount is published.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from werkpad.core.errors import DomainError
from werkpad.core.reference import read_table

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


@lru_cache(maxsize=1)
def table() -> tuple[MinimumWage, ...]:
    rows, _source = read_table("minimum_wage_hourly.csv")
    return tuple(
        MinimumWage(
            valid_from=dt.date.fromisoformat(row["valid_from"]),
            valid_until=_next_indexation(dt.date.fromisoformat(row["valid_from"])),
            kind=row["kind"],
            age=int(row["age"]),
            share=Decimal(row["share"]),
            hourly=Decimal(row["hourly"]),
        )
        for row in rows
    )


def source() -> str:
    return read_table("minimum_wage_hourly.csv")[1]


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
    for row in table():
        if row.kind == kind and row.age == key_age and row.valid_from <= on < row.valid_until:
            return row
    first, last = table()[0].valid_from, max(r.valid_until for r in table())
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
