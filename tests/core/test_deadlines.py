"""Term arithmetic (core/deadlines.py): Awb weeks, hours, months and the Algemene termijnenwet."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from werkpad.core import deadlines

AMS = ZoneInfo("Europe/Amsterdam")
D = dt.date


@pytest.mark.parametrize(
    ("last_day", "extended_to", "why"),
    [
        (D(2026, 11, 28), D(2026, 11, 30), "a Saturday moves to Monday"),
        (D(2026, 11, 29), D(2026, 11, 30), "a Sunday moves to Monday"),
        (D(2026, 4, 6), D(2026, 4, 7), "Easter Monday moves to Tuesday"),
        (D(2026, 4, 3), D(2026, 4, 7), "Good Friday (Atw art. 3(2)) and the Easter weekend"),
        (D(2026, 4, 27), D(2026, 4, 28), "King's Day moves to the next day"),
        (
            D(2025, 4, 26),
            D(2025, 4, 28),
            "King's Day on Saturday 26 April when the 27th is a Sunday",
        ),
        (D(2026, 5, 5), D(2026, 5, 6), "5 May counts every year, not only in lustrum years"),
        (D(2027, 5, 5), D(2027, 5, 7), "5 May 2027, then Ascension Day on the 6th"),
        (D(2026, 5, 14), D(2026, 5, 15), "Ascension Day"),
        (D(2026, 5, 25), D(2026, 5, 26), "Whit Monday"),
        (D(2026, 12, 25), D(2026, 12, 28), "Christmas, Boxing Day on Saturday, then Sunday"),
        (D(2027, 1, 1), D(2027, 1, 4), "New Year's Day on a Friday moves to Monday"),
        (D(2026, 11, 27), D(2026, 11, 27), "an ordinary Friday stays"),
        (D(2026, 4, 7), D(2026, 4, 7), "the Tuesday after Easter is a working day"),
    ],
)
def test_a_term_ending_on_a_weekend_or_public_holiday_ends_on_the_next_working_day(
    last_day, extended_to, why
):
    assert deadlines.atw_end(last_day) == extended_to, why


def test_public_holidays_are_not_working_days_and_weekdays_are():
    assert not deadlines.is_working_day(D(2026, 12, 25))
    assert not deadlines.is_working_day(D(2026, 11, 28))
    assert deadlines.is_public_holiday(D(2026, 5, 5))
    assert not deadlines.is_public_holiday(D(2026, 5, 4))
    assert deadlines.is_working_day(D(2026, 11, 23))


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Monday 23 February 2026 + 6 weeks = Easter Monday 6 April -> Tuesday 7 April.
        (D(2026, 2, 23), D(2026, 4, 7)),
        # Friday 13 November 2026 + 6 weeks = Christmas Day -> Monday 28 December.
        (D(2026, 11, 13), D(2026, 12, 28)),
        # Monday 23 November 2026 + 6 weeks = Monday 4 January 2027: a working day.
        (D(2026, 11, 23), D(2027, 1, 4)),
        # Monday 16 March 2026 + 6 weeks = Monday 27 April 2026, King's Day -> Tuesday.
        (D(2026, 3, 16), D(2026, 4, 28)),
    ],
)
def test_a_complaint_is_handled_within_six_weeks_of_receipt(received, due):
    """Awb 9:11(1): six calendar weeks from receipt, extended by the Atw."""
    assert deadlines.add_weeks(received, 6) == due


def test_a_term_in_weeks_without_the_atw_is_plain_calendar_arithmetic():
    assert deadlines.add_weeks(D(2026, 2, 23), 6, atw=False) == D(2026, 4, 6)
    assert deadlines.add_weeks(D(2026, 2, 23), 10) == D(2026, 5, 4)


def test_a_term_in_days_follows_the_atw_too():
    assert deadlines.add_days(D(2026, 11, 23), 5) == D(2026, 11, 30)
    assert deadlines.add_days(D(2026, 11, 23), 5, atw=False) == D(2026, 11, 28)


def test_the_employers_72_hours_run_through_the_weekend():
    friday = dt.datetime(2026, 11, 27, 15, 0, tzinfo=AMS)
    assert deadlines.add_hours(friday, 72) == dt.datetime(2026, 11, 30, 15, 0, tzinfo=AMS)


def test_the_employers_72_hours_run_through_a_public_holiday():
    christmas_eve = dt.datetime(2026, 12, 24, 9, 30, tzinfo=AMS)
    assert deadlines.add_hours(christmas_eve, 72) == dt.datetime(2026, 12, 27, 9, 30, tzinfo=AMS)


@pytest.mark.parametrize(
    ("start", "expected_end"),
    [
        # Summer time starts Sunday 29 March 2026: 72 hours later the wall clock is an hour on.
        (dt.datetime(2026, 3, 27, 12, 0, tzinfo=AMS), dt.datetime(2026, 3, 30, 13, 0, tzinfo=AMS)),
        # Winter time starts Sunday 25 October 2026: the wall clock is an hour back.
        (
            dt.datetime(2026, 10, 23, 12, 0, tzinfo=AMS),
            dt.datetime(2026, 10, 26, 11, 0, tzinfo=AMS),
        ),
    ],
)
def test_hours_are_elapsed_hours_across_the_clock_change(start, expected_end):
    end = deadlines.add_hours(start, 72)
    assert end == expected_end
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=72)
    assert end.utcoffset() == expected_end.utcoffset()


def test_hours_need_a_timezone_aware_start():
    with pytest.raises(ValueError, match="timezone-aware"):
        deadlines.add_hours(dt.datetime(2026, 11, 27, 15, 0), 72)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 8, 31), 1, D(2026, 9, 30)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
        (D(2026, 1, 15), -2, D(2025, 11, 15)),
        (D(2026, 9, 1), 6, D(2027, 3, 1)),
        (D(2026, 11, 23), -24, D(2024, 11, 23)),
    ],
)
def test_add_months_keeps_the_day_and_clips_to_the_end_of_a_short_month(day, months, expected):
    assert deadlines.add_months(day, months) == expected


def test_days_overdue_counts_only_days_past_the_due_date():
    due = D(2026, 11, 20)
    assert deadlines.days_overdue(due, D(2026, 11, 23)) == 3
    assert deadlines.days_overdue(due, D(2026, 11, 20)) == 0
    assert deadlines.days_overdue(due, D(2026, 11, 1)) == 0


def test_next_working_day_of_a_working_day_is_that_day():
    assert deadlines.next_working_day(D(2026, 11, 23)) == D(2026, 11, 23)


@pytest.mark.parametrize(
    ("day", "days", "expected", "why"),
    [
        (D(2026, 4, 2), -3, D(2026, 3, 30), "three working days before a Thursday: Monday"),
        (D(2026, 4, 7), -3, D(2026, 3, 31), "Good Friday and Easter Monday do not count"),
        (D(2026, 11, 27), 3, D(2026, 12, 2), "three after a Friday skip the weekend"),
        (D(2026, 11, 28), 1, D(2026, 11, 30), "the first after a Saturday is Monday"),
        (D(2026, 11, 28), 0, D(2026, 11, 28), "zero days is the day itself"),
        (D(2026, 12, 23), 3, D(2026, 12, 29), "Christmas and Boxing Day do not count"),
    ],
)
def test_working_days_skip_weekends_and_public_holidays(day, days, expected, why):
    assert deadlines.add_working_days(day, days) == expected, why
