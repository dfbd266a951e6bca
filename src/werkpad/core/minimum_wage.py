"""The statutory minimum wage by age and date (TR6, MA3).

The table ships as data (``data/minimum_wage_hourly.csv``, with its source)
and lives in the database (``MinimumWageRate``), where ``werkpad minimum_wage
add`` (or the functional administrator's page) puts the amounts of a new
indexation date when they are published. Each rate applies from its
``valid_from`` until the next indexation date (1 January or 1 July).

An amount is never guessed. ``assess_wage`` is the one wage check: a wage on a
date after the table waits for the rate of that date. Apps that keep such
checks register them (``register_wage_checks``) so that adding the rate runs
them again in the same transaction, and so that the worklist can count them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from django.db import models, transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpad.core.audit import audit_record
from werkpad.core.errors import DomainError, PermissionDeniedError
from werkpad.core.models import AuditEvent, MinimumWageRate
from werkpad.core.permissions import AnyUser

ADULT_AGE = 21
YOUNGEST_AGE = 15


class MinimumWageUnknownError(DomainError):
    code = "minimum-wage-unknown"


class WageCheck(models.TextChoices):
    """The outcome of a wage check against the statutory minimum wage."""

    NOT_APPLICABLE = "not_applicable", gettext_lazy("not applicable")
    PASSED = "passed", gettext_lazy("at least the statutory minimum wage")
    BELOW_MINIMUM = "below_minimum", gettext_lazy("below the statutory minimum wage")
    WAITING_FOR_RATE = "waiting_for_rate", gettext_lazy("waiting for the minimum wage of that date")


@dataclass(frozen=True)
class MinimumWage:
    valid_from: dt.date
    valid_until: dt.date  # exclusive
    kind: str
    age: int
    share: Decimal
    hourly: Decimal


@dataclass(frozen=True)
class WageAssessment:
    """A wage checked on a date: the outcome, the indexation date whose rate applies
    (or is awaited) and the minimum it was checked against (None while waiting)."""

    check: str
    rate_date: dt.date
    minimum: Decimal | None = None


def _next_indexation(day: dt.date) -> dt.date:
    return dt.date(day.year, 7, 1) if day.month < 7 else dt.date(day.year + 1, 1, 1)


def indexation_date(day: dt.date) -> dt.date:
    """The 1 January or 1 July on or before ``day``: from then on its rate applies."""
    return dt.date(day.year, 7 if day.month >= 7 else 1, 1)


def _row(rate: MinimumWageRate) -> MinimumWage:
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


def adult_rates() -> list[MinimumWageRate]:
    """The adult amount of every indexation date with its source, newest first."""
    return list(
        MinimumWageRate.objects.filter(kind="regular", age=ADULT_AGE).order_by("-valid_from")
    )


def source() -> str:
    """Where the newest rates come from."""
    newest = MinimumWageRate.objects.order_by("-valid_from").values_list("source", flat=True)
    return newest.first() or ""


def latest_date() -> dt.date | None:
    """The newest indexation date in the table."""
    return (
        MinimumWageRate.objects.order_by("-valid_from").values_list("valid_from", flat=True).first()
    )


def next_date_to_add() -> dt.date | None:
    """The one indexation date ``minimum_wage_add`` accepts now."""
    latest = latest_date()
    return _next_indexation(latest) if latest else None


def _too_young() -> MinimumWageUnknownError:
    return MinimumWageUnknownError(
        _("There is no statutory minimum wage for someone younger than %(age)s.")
        % {"age": YOUNGEST_AGE},
        field="age",
    )


def _outside_table(on: dt.date) -> MinimumWageUnknownError:
    rows = table()
    if not rows:
        return MinimumWageUnknownError(
            _(
                "The minimum-wage table is empty. Add the amounts for %(date)s before "
                "recording this wage."
            )
            % {"date": on.strftime("%d-%m-%Y")},
            field="start_date",
        )
    first, last = rows[0].valid_from, max(r.valid_until for r in rows)
    return MinimumWageUnknownError(
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


def _rate_on(*, age: int, on: dt.date, apprentice: bool) -> MinimumWageRate | None:
    kind = "bbl" if apprentice and 18 <= age <= 20 else "regular"
    rate = (
        MinimumWageRate.objects.filter(kind=kind, age=min(age, ADULT_AGE), valid_from__lte=on)
        .order_by("-valid_from")
        .first()
    )
    if rate is not None and on < _next_indexation(rate.valid_from):
        return rate
    return None


def hourly_minimum(*, age: int, on: dt.date, apprentice: bool = False) -> MinimumWage:
    """The row that applies to a person of ``age`` on ``on``.

    Apprentices (BBL) aged 18 to 20 have their own shares; at other ages the
    regular amount applies to them too.
    """
    if age < YOUNGEST_AGE:
        raise _too_young()
    rate = _rate_on(age=age, on=on, apprentice=apprentice)
    if rate is None:
        raise _outside_table(on)
    return _row(rate)


def below_minimum_error(
    *, hourly_wage: Decimal, minimum: Decimal, age: int, on: dt.date, field: str = "hourly_wage"
) -> DomainError:
    """The refusal of a wage under the minimum, naming the minimum that applies."""
    return DomainError(
        _(
            "The hourly wage of € %(wage)s is below the statutory minimum wage of € %(minimum)s "
            "for someone aged %(age)s on %(date)s."
        )
        % {
            "wage": number_format(hourly_wage, 2),
            "minimum": number_format(minimum, 2),
            "age": age,
            "date": on.strftime("%d-%m-%Y"),
        },
        code="below-minimum-wage",
        field=field,
    )


def assess_wage(
    *, hourly_wage: Decimal, age: int, on: dt.date, apprentice: bool = False
) -> WageAssessment:
    """The wage check: passed, below the minimum, or waiting for the rate of ``on``.

    A date after the table waits (the rate is published later and never
    guessed); a date before the table's first date, or an age without a
    statutory minimum, is refused.
    """
    if age < YOUNGEST_AGE:
        raise _too_young()
    rate = _rate_on(age=age, on=on, apprentice=apprentice)
    if rate is None:
        first = (
            MinimumWageRate.objects.order_by("valid_from")
            .values_list("valid_from", flat=True)
            .first()
        )
        if first is None or on < first:
            raise _outside_table(on)
        return WageAssessment(check=WageCheck.WAITING_FOR_RATE, rate_date=indexation_date(on))
    passed = Decimal(hourly_wage) >= rate.hourly
    return WageAssessment(
        check=WageCheck.PASSED if passed else WageCheck.BELOW_MINIMUM,
        rate_date=rate.valid_from,
        minimum=rate.hourly,
    )


# Wage checks kept by other apps: how many wait for a rate, and how to run them again.


@dataclass(frozen=True)
class Recheck:
    """What running the waiting checks again found."""

    rechecked: int = 0
    below_minimum: int = 0


class Rechecker(Protocol):
    def __call__(self, *, valid_from: dt.date, user: AnyUser | None) -> Recheck: ...


@dataclass(frozen=True)
class WageChecks:
    """An app's wage checks as core sees them.

    ``waiting(municipality_ids)`` counts the checks waiting per indexation date
    (all municipalities when ``None``); ``recheck(valid_from=..., user=...)``
    runs the checks waiting for that date again, audited, inside the caller's
    transaction.
    """

    waiting: Callable[[Iterable[int] | None], dict[dt.date, int]]
    recheck: Rechecker


_WAGE_CHECKS: dict[str, WageChecks] = {}


def register_wage_checks(name: str, checks: WageChecks) -> None:
    """Called from an app's ``AppConfig.ready``; registering again replaces."""
    _WAGE_CHECKS[name] = checks


def waiting_checks(*, municipality_ids: Iterable[int] | None = None) -> dict[dt.date, int]:
    """How many wage checks wait, per indexation date, over every registered app."""
    ids = None if municipality_ids is None else list(municipality_ids)
    total: dict[dt.date, int] = {}
    for checks in _WAGE_CHECKS.values():
        for day, count in checks.waiting(ids).items():
            total[day] = total.get(day, 0) + count
    return total


@dataclass(frozen=True)
class MissingRate:
    """An indexation date without amounts that someone needs."""

    valid_from: dt.date
    waiting: int
    in_force: bool  # the date has come


def missing_rates(
    *, today: dt.date, municipality_ids: Iterable[int] | None = None
) -> list[MissingRate]:
    """The dates to enter, oldest first: every date with waiting checks, every date
    already in force, and the next one from the first of the month before it
    (1 December for 1 January, 1 June for 1 July)."""
    latest = latest_date()
    if latest is None:
        return []
    waiting = {
        day: count
        for day, count in waiting_checks(municipality_ids=municipality_ids).items()
        if day > latest
    }
    horizon = _next_indexation(today)
    announce = (horizon - dt.timedelta(days=1)).replace(day=1)
    last = max([*waiting, horizon if today >= announce else indexation_date(today)])
    missing = []
    day = _next_indexation(latest)
    while day <= last:
        missing.append(
            MissingRate(valid_from=day, waiting=waiting.get(day, 0), in_force=day <= today)
        )
        day = _next_indexation(day)
    return missing


@dataclass(frozen=True)
class RateAdded:
    rows: list[MinimumWage]
    recheck: Recheck = field(default_factory=Recheck)


def minimum_wage_add(
    *, valid_from: dt.date, adult_hourly: Decimal, source: str, user: AnyUser | None = None
) -> RateAdded:
    """Add the rates of a new indexation date from the published adult hourly amount.

    The youth and apprentice amounts follow from their statutory shares (those
    of the latest date already known), rounded to cents. The wage checks
    waiting for this date run again. Audited; one transaction. ``user`` is
    the functional administrator on the page, ``None`` from the command line.
    """
    if user is not None and not user.has_perm("core.enter_minimum_wage"):
        raise PermissionDeniedError(code="minimum-wage-add-denied")
    if (valid_from.month, valid_from.day) not in {(1, 1), (7, 1)}:
        raise DomainError(
            _("The minimum wage changes on 1 January and 1 July only."),
            code="minimum-wage-date",
            field="valid_from",
        )
    if adult_hourly <= 0:
        raise DomainError(
            _("Give the published hourly amount in euro, for example 15.00."),
            code="minimum-wage-amount",
            field="adult_hourly",
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
        latest = latest_date()
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
            user=user,
            action=AuditEvent.Action.CREATE,
            object_type="minimum-wage",
            object_id=valid_from.isoformat(),
            detail=f"adult hourly {adult_hourly}; {source}"[:300],
        )
        rechecked = below = 0
        for checks in _WAGE_CHECKS.values():
            found = checks.recheck(valid_from=valid_from, user=user)
            rechecked += found.rechecked
            below += found.below_minimum
    return RateAdded(
        rows=[_row(rate) for rate in created],
        recheck=Recheck(rechecked=rechecked, below_minimum=below),
    )
