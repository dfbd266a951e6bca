"""Term arithmetic: every deadline in werkpad is computed here.

* Awb terms run in calendar weeks (a complaint: 6 weeks from receipt).
* The employer's answer on a vacancy runs in hours (72).
* The Algemene termijnenwet (Atw) moves a term that would end on a Saturday,
  Sunday or public holiday to the next working day (art. 1). The holidays
  (art. 3) come from the ``holidays`` package, with 5 May added every year.

Pure functions of dates: no database, no clock. Tested with fixed dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

import holidays

_WEEKEND = {5, 6}


@lru_cache(maxsize=64)
def _dutch_holidays(year: int) -> frozenset[dt.date]:
    # The package includes Good Friday; Liberation Day it lists only in lustrum
    # years, while the Atw counts 5 May every year.
    days = set(holidays.country_holidays("NL", years=year).keys())
    days.add(dt.date(year, 5, 5))
    return frozenset(days)


def is_public_holiday(day: dt.date) -> bool:
    return day in _dutch_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() not in _WEEKEND and not is_public_holiday(day)


def next_working_day(day: dt.date) -> dt.date:
    """The day itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def atw_end(day: dt.date) -> dt.date:
    """Apply the Algemene termijnenwet to the last day of a term."""
    return next_working_day(day)


def add_weeks(start: dt.date, weeks: int, *, atw: bool = True) -> dt.date:
    """The last day of a term of ``weeks`` calendar weeks that starts the day after ``start``.

    A term of 6 weeks from receipt on Monday 23 February 2026 would end on
    Monday 6 April, Easter Monday, and therefore ends on Tuesday 7 April.
    """
    end = start + dt.timedelta(weeks=weeks)
    return atw_end(end) if atw else end


def add_days(start: dt.date, days: int, *, atw: bool = True) -> dt.date:
    end = start + dt.timedelta(days=days)
    return atw_end(end) if atw else end


def add_hours(start: dt.datetime, hours: int) -> dt.datetime:
    """A term in hours (the employer's 72 hours) runs through weekends and holidays.

    Hours are elapsed hours: across a clock change the wall clock moves by one
    more or one less, so the arithmetic is done in UTC.
    """
    if start.tzinfo is None:
        raise ValueError("add_hours needs a timezone-aware datetime")
    return (start.astimezone(dt.UTC) + dt.timedelta(hours=hours)).astimezone(start.tzinfo)


def days_overdue(due: dt.date, today: dt.date) -> int:
    """How many days past ``due`` it is on ``today`` (0 when not overdue)."""
    return max(0, (today - due).days)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clipped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_working_days(day: dt.date, days: int) -> dt.date:
    """The ``days``-th working day after ``day`` (before it when ``days`` is negative).

    Weekends and Dutch public holidays do not count: three working days before
    Thursday 2 April 2026 is Monday 30 March; three before Tuesday 7 April
    (after Good Friday and Easter Monday) is Tuesday 31 March. Zero days is
    the day itself.
    """
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    while remaining:
        day += dt.timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day
