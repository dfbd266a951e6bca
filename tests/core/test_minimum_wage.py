"""TR6: the wage is at least the statutory minimum for the person's age on that date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from werkpad.core import minimum_wage
from werkpad.core.errors import DomainError, PermissionDeniedError
from werkpad.core.minimum_wage import (
    MinimumWageUnknownError,
    Recheck,
    WageChecks,
    assess_wage,
    hourly_minimum,
    indexation_date,
    minimum_wage_add,
    missing_rates,
    register_wage_checks,
    source,
)
from werkpad.core.models import AuditEvent, MinimumWageRate
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("age", "on", "expected"),
    [
        (21, dt.date(2024, 1, 1), "13.27"),
        (21, dt.date(2024, 6, 30), "13.27"),
        (21, dt.date(2024, 7, 1), "13.68"),
        (67, dt.date(2025, 12, 31), "14.40"),
        (21, dt.date(2026, 1, 1), "14.71"),
        (20, dt.date(2026, 3, 15), "11.77"),
        (19, dt.date(2025, 2, 1), "8.44"),
        (18, dt.date(2024, 7, 1), "6.84"),
        (17, dt.date(2025, 7, 1), "5.69"),
        (16, dt.date(2026, 6, 30), "5.07"),
        (15, dt.date(2024, 1, 1), "3.98"),
    ],
)
def test_hourly_minimum_by_age_and_date(age, on, expected):
    assert hourly_minimum(age=age, on=on).hourly == Decimal(expected)


def test_apprentices_aged_18_to_20_have_their_own_share():
    row = hourly_minimum(age=20, on=dt.date(2026, 1, 1), apprentice=True)
    assert (row.kind, row.share, row.hourly) == ("bbl", Decimal("0.615"), Decimal("9.05"))
    assert hourly_minimum(age=22, on=dt.date(2026, 1, 1), apprentice=True).hourly == Decimal(
        "14.71"
    )


@pytest.mark.parametrize("on", [dt.date(2023, 12, 31), dt.date(2026, 7, 1), dt.date(2030, 1, 1)])
def test_a_date_outside_the_table_is_refused_not_guessed(on):
    with pytest.raises(MinimumWageUnknownError) as refused:
        hourly_minimum(age=30, on=on)
    assert "01-01-2024" in refused.value.message and "30-06-2026" in refused.value.message


def test_younger_than_15_has_no_minimum_wage():
    with pytest.raises(MinimumWageUnknownError):
        hourly_minimum(age=14, on=dt.date(2025, 1, 1))


def test_the_table_names_its_source():
    assert "SZW" in source()


def test_a_newly_published_date_is_added_with_the_youth_amounts_from_their_shares():
    from django.core.management import call_command

    from werkpad.core.models import AuditEvent

    with pytest.raises(MinimumWageUnknownError):
        hourly_minimum(age=30, on=dt.date(2026, 7, 1))
    call_command("minimum_wage", "add", "2026-07-01", "15.00", "--source", "SZW besluit")
    assert hourly_minimum(age=30, on=dt.date(2026, 7, 1)).hourly == Decimal("15.00")
    assert hourly_minimum(age=20, on=dt.date(2026, 12, 31)).hourly == Decimal("12.00")
    assert hourly_minimum(age=17, on=dt.date(2026, 7, 1)).hourly == Decimal("5.93")
    assert hourly_minimum(age=19, on=dt.date(2026, 7, 1), apprentice=True).hourly == Decimal("7.88")
    assert AuditEvent.objects.filter(object_type="minimum-wage", origin="cli").exists()


@pytest.mark.parametrize(
    ("day", "code"),
    [
        ("2027-01-01", "minimum-wage-gap"),
        ("2026-08-01", "minimum-wage-date"),
        ("2026-01-01", "minimum-wage-exists"),
    ],
)
def test_a_date_that_would_break_the_table_is_refused(day, code):
    from werkpad.core.minimum_wage import minimum_wage_add

    with pytest.raises(DomainError) as refused:
        minimum_wage_add(
            valid_from=dt.date.fromisoformat(day), adult_hourly=Decimal("15"), source="x"
        )
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("wage", "age", "on", "check", "rate_date", "minimum"),
    [
        ("14.71", 30, dt.date(2026, 6, 30), "passed", dt.date(2026, 1, 1), "14.71"),
        ("14.70", 30, dt.date(2026, 1, 1), "below_minimum", dt.date(2026, 1, 1), "14.71"),
        ("11.77", 20, dt.date(2026, 3, 1), "passed", dt.date(2026, 1, 1), "11.77"),
        ("9.00", 30, dt.date(2026, 7, 1), "waiting_for_rate", dt.date(2026, 7, 1), None),
        ("30.00", 30, dt.date(2026, 12, 31), "waiting_for_rate", dt.date(2026, 7, 1), None),
        ("30.00", 30, dt.date(2027, 1, 1), "waiting_for_rate", dt.date(2027, 1, 1), None),
    ],
)
def test_assess_wage_passes_finds_below_or_waits_for_the_rate(
    wage, age, on, check, rate_date, minimum
):
    """TR6: the one wage check; after the table it waits for that date's rate, unguessed."""
    assessment = assess_wage(hourly_wage=Decimal(wage), age=age, on=on)
    assert (assessment.check, assessment.rate_date) == (check, rate_date)
    assert assessment.minimum == (Decimal(minimum) if minimum else None)


@pytest.mark.parametrize(("age", "on"), [(14, dt.date(2026, 1, 1)), (30, dt.date(2023, 12, 31))])
def test_assess_wage_refuses_what_no_rate_will_cover(age, on):
    with pytest.raises(MinimumWageUnknownError):
        assess_wage(hourly_wage=Decimal("20"), age=age, on=on)


def test_an_empty_table_is_refused_in_words_not_with_a_crash():
    MinimumWageRate.objects.all().delete()
    with pytest.raises(MinimumWageUnknownError) as refused:
        assess_wage(hourly_wage=Decimal("20"), age=30, on=dt.date(2026, 6, 1))
    assert "01-06-2026" in refused.value.message


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 1, 1)),
        (dt.date(2026, 6, 30), dt.date(2026, 1, 1)),
        (dt.date(2026, 7, 1), dt.date(2026, 7, 1)),
        (dt.date(2026, 12, 31), dt.date(2026, 7, 1)),
    ],
)
def test_indexation_date_is_the_first_of_january_or_july_on_or_before(day, expected):
    assert indexation_date(day) == expected


@pytest.fixture
def waiting(monkeypatch):
    """A registered app with wage checks: ``waiting[day] = n`` sets how many wait."""
    counts: dict[dt.date, int] = {}
    calls: list[tuple[dt.date, object]] = []

    def recheck(*, valid_from, user):
        calls.append((valid_from, user))
        found = counts.pop(valid_from, 0)
        return Recheck(rechecked=found, below_minimum=min(found, 1))

    monkeypatch.setattr(minimum_wage, "_WAGE_CHECKS", {})
    register_wage_checks("test", WageChecks(waiting=lambda ids: dict(counts), recheck=recheck))
    return SimpleNamespace(counts=counts, calls=calls)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 5, 31), []),
        (dt.date(2026, 6, 1), [(dt.date(2026, 7, 1), False)]),
        (dt.date(2026, 11, 29), [(dt.date(2026, 7, 1), True)]),
        (dt.date(2026, 11, 30), [(dt.date(2026, 7, 1), True)]),
        (dt.date(2026, 12, 1), [(dt.date(2026, 7, 1), True), (dt.date(2027, 1, 1), False)]),
        (dt.date(2027, 1, 1), [(dt.date(2026, 7, 1), True), (dt.date(2027, 1, 1), True)]),
    ],
)
def test_missing_rates_from_one_month_before_each_indexation_date(waiting, today, expected):
    """The rates in force and, from 1 December and 1 June, the next one (TR6)."""
    assert [(m.valid_from, m.in_force) for m in missing_rates(today=today)] == expected


def test_missing_rates_include_every_date_checks_wait_for(waiting):
    waiting.counts[dt.date(2027, 1, 1)] = 2
    missing = missing_rates(today=dt.date(2026, 11, 29))
    assert [(m.valid_from, m.waiting, m.in_force) for m in missing] == [
        (dt.date(2026, 7, 1), 0, True),
        (dt.date(2027, 1, 1), 2, False),
    ]


def test_adding_a_rate_runs_the_registered_checks_in_its_transaction(waiting, role_user):
    waiting.counts[dt.date(2026, 7, 1)] = 3
    admin = role_user(Role.FUNCTIONAL_ADMIN)
    added = minimum_wage_add(
        valid_from=dt.date(2026, 7, 1), adult_hourly=Decimal("15.00"), source="SZW", user=admin
    )
    assert added.recheck == Recheck(rechecked=3, below_minimum=1)
    assert waiting.calls == [(dt.date(2026, 7, 1), admin)]
    event = AuditEvent.objects.get(object_type="minimum-wage")
    assert event.actor == admin and event.object_id == "2026-07-01"
    assert missing_rates(today=dt.date(2026, 11, 29)) == []


@pytest.mark.parametrize("role", [r for r in Role if r != Role.FUNCTIONAL_ADMIN])
def test_only_the_functional_administrator_enters_a_rate(waiting, role_user, role):
    with pytest.raises(PermissionDeniedError):
        minimum_wage_add(
            valid_from=dt.date(2026, 7, 1),
            adult_hourly=Decimal("15.00"),
            source="SZW",
            user=role_user(role),
        )
    assert not MinimumWageRate.objects.filter(valid_from=dt.date(2026, 7, 1)).exists()
    assert waiting.calls == []


@pytest.mark.parametrize("amount", ["0", "-1"])
def test_an_amount_of_nothing_is_refused(amount):
    with pytest.raises(DomainError) as refused:
        minimum_wage_add(valid_from=dt.date(2026, 7, 1), adult_hourly=Decimal(amount), source="x")
    assert refused.value.code == "minimum-wage-amount"
