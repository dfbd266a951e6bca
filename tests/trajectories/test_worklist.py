"""TR3: due and overdue progress reports in the coach's and the caseworker's worklists."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import JobSeekerFactory, TrajectoryFactory
from werkpad.core.worklist import worklist_for

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]


@pytest.fixture
def running(caseworker, programme, amsterdam):
    def make(due: dt.date, **kwargs):
        return TrajectoryFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam, contact_person=caseworker),
            programme=programme,
            started=True,
            next_report_due=due,
            **kwargs,
        )

    return make


def _section(user, key):
    return next(s for s in worklist_for(user) if s.key == key)


def test_coach_sees_due_and_overdue_reports_overdue_first(coach, running):
    soon = running(dt.date(2026, 11, 27))
    overdue = running(dt.date(2026, 11, 2))
    running(dt.date(2026, 12, 21))  # not yet due
    running(dt.date(2026, 11, 1), status="suspended")  # suspended: nothing due
    section = _section(coach, "coach-reports")
    assert section.count == 2
    assert [i.overdue for i in section.items] == [True, False]
    assert str(overdue.pk) in section.items[0].url and str(soon.pk) in section.items[1].url
    assert "02-11-2026" in section.items[0].detail


def test_due_today_is_due_not_overdue(coach, running):
    running(dt.date(2026, 11, 23))
    section = _section(coach, "coach-reports")
    assert section.count == 1 and section.items[0].overdue is False


def test_caseworker_sees_reports_of_their_caseload(caseworker, colleague, running):
    running(dt.date(2026, 11, 10))
    assert _section(caseworker, "caseload-reports").count == 1
    assert _section(colleague, "caseload-reports").count == 0


def test_coach_inbox_lists_new_referrals_without_names(coach, programme, job_seeker):
    TrajectoryFactory(job_seeker=job_seeker, programme=programme)
    section = _section(coach, "referrals-inbox")
    assert section.count == 1
    assert job_seeker.last_name not in section.items[0].title


def test_another_providers_coach_sees_nothing(other_coach, running):
    running(dt.date(2026, 11, 10))
    assert _section(other_coach, "coach-reports").count == 0
    assert _section(other_coach, "referrals-inbox").count == 0
