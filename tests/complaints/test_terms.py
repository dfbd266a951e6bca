"""The complaint terms as properties (RI2; Awb art. 9:11, Algemene termijnenwet)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.complaints.conftest import NOW, file
from werkpad.complaints import services
from werkpad.complaints.models import MAX_POSTPONEMENT_WEEKS
from werkpad.core.deadlines import is_public_holiday, is_working_day
from werkpad.core.errors import ConflictError, InvalidInputError
from werkpad.core.models import MunicipalitySettings

DAYS = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2032, 12, 31))
WEEKS = st.integers(min_value=1, max_value=10)


@given(received=DAYS, weeks=WEEKS)
def test_a_term_ends_on_a_working_day_at_the_earliest_after_its_weeks(received, weeks):
    settings_ = MunicipalitySettings(complaint_term_weeks=min(weeks, 6))
    end, committee = services.term_end(received, settings_)
    plain = received + dt.timedelta(weeks=min(weeks, 6))
    assert not committee
    assert is_working_day(end)
    assert end >= plain
    # every day skipped is a Saturday, Sunday or public holiday
    day = plain
    while day < end:
        assert day.weekday() >= 5 or is_public_holiday(day)
        day += dt.timedelta(days=1)


@given(received=DAYS)
def test_the_committee_term_applies_when_the_municipality_has_one(received):
    settings_ = MunicipalitySettings(uses_complaint_committee=True)
    end, committee = services.term_end(received, settings_)
    assert committee
    assert received + dt.timedelta(weeks=10) <= end <= received + dt.timedelta(weeks=10, days=4)


@given(received=DAYS)
def test_a_term_ending_on_a_weekend_moves_to_monday_or_later(received):
    plain = received + dt.timedelta(weeks=6)
    end, _committee = services.term_end(received, MunicipalitySettings())
    if plain.weekday() == 5:
        assert end >= plain + dt.timedelta(days=2)
    elif plain.weekday() == 6:
        assert end >= plain + dt.timedelta(days=1)
    elif not is_public_holiday(plain):
        assert end == plain


def test_named_holidays_move_the_end():
    # Received Monday 23 February 2026: 6 weeks is Easter Monday 6 April -> Tuesday 7 April.
    assert services.term_end(dt.date(2026, 2, 23), MunicipalitySettings())[0] == dt.date(2026, 4, 7)
    # Received Tuesday 16 March 2027: 6 weeks is King's Day, Tuesday 27 April -> 28 April.
    assert services.term_end(dt.date(2027, 3, 16), MunicipalitySettings())[0] == dt.date(
        2027, 4, 28
    )
    # Liberation Day counts every year: 5 May 2026 (a Tuesday) -> 6 May.
    assert services.term_end(dt.date(2026, 3, 24), MunicipalitySettings())[0] == dt.date(2026, 5, 6)


@given(original=DAYS, weeks=st.integers(min_value=1, max_value=MAX_POSTPONEMENT_WEEKS))
def test_a_postponement_ends_on_a_working_day_within_four_weeks(original, weeks):
    end = services.postponed_end(original, weeks)
    assert is_working_day(end)
    assert original + dt.timedelta(weeks=weeks) <= end
    assert end <= original + dt.timedelta(weeks=MAX_POSTPONEMENT_WEEKS, days=5)


@pytest.mark.django_db
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(weeks=st.integers(min_value=-3, max_value=12))
def test_a_postponement_beyond_four_weeks_is_refused_and_nothing_changes(
    weeks, seeker_user, municipal_org, handler
):
    with time_machine.travel(NOW, tick=False):
        complaint = file(seeker_user, municipal_org)
        if 1 <= weeks <= MAX_POSTPONEMENT_WEEKS:
            services.complaint_postpone(
                user=handler, complaint_id=complaint.pk, weeks=weeks, reason="Getuige ziek."
            )
            complaint.refresh_from_db()
            assert complaint.term_ends_on > complaint.original_term_ends_on
        else:
            with pytest.raises(InvalidInputError):
                services.complaint_postpone(
                    user=handler, complaint_id=complaint.pk, weeks=weeks, reason="Te lang."
                )
            complaint.refresh_from_db()
            assert complaint.term_ends_on == complaint.original_term_ends_on
            assert complaint.postponed_on is None


@pytest.mark.django_db
@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=st.integers(1, 4), second=st.integers(1, 4))
def test_a_second_postponement_is_refused(first, second, seeker_user, municipal_org, handler):
    with time_machine.travel(NOW, tick=False):
        complaint = file(seeker_user, municipal_org)
        services.complaint_postpone(
            user=handler, complaint_id=complaint.pk, weeks=first, reason="Eerste keer."
        )
        complaint.refresh_from_db()
        term = complaint.term_ends_on
        with pytest.raises(ConflictError) as refused:
            services.complaint_postpone(
                user=handler, complaint_id=complaint.pk, weeks=second, reason="Tweede keer."
            )
        assert refused.value.code == "complaint-postponed-already"
        complaint.refresh_from_db()
        assert complaint.term_ends_on == term
        assert complaint.letters.filter(kind="postponement").count() == 1
