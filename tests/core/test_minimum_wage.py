"""TR6: the wage is at least the statutory minimum for the person's age on that date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from werkpad.core.errors import DomainError
from werkpad.core.minimum_wage import MinimumWageUnknownError, check_wage, hourly_minimum, source

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


def test_a_wage_below_the_minimum_is_refused_naming_the_minimum():
    with pytest.raises(DomainError) as refused:
        check_wage(hourly_wage=Decimal("14.70"), age=21, on=dt.date(2026, 1, 1))
    assert refused.value.code == "below-minimum-wage"
    assert "14,71" in refused.value.message
    assert check_wage(hourly_wage=Decimal("14.71"), age=21, on=dt.date(2026, 1, 1)).age == 21


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
