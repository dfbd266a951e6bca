"""TR3: due and overdue progress reports in the coach's and the caseworker's worklists."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation

from tests.factories import JobSeekerFactory, TrajectoryFactory, UserFactory
from werkpad.core.minimum_wage import minimum_wage_add
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.trajectories import services
from werkpad.trajectories.models import EndReport

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

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


def _waiting_report(municipality, start: dt.date):
    """An end report with work from ``start``, written by the coach."""
    trajectory = TrajectoryFactory(
        job_seeker=JobSeekerFactory(municipality=municipality),
        started=True,
        started_on=dt.date(2026, 7, 6),
    )
    coach = UserFactory.with_role(Role.COACH, organisation=trajectory.provider.organisation)
    services.trajectory_complete(
        user=coach,
        trajectory_id=trajectory.pk,
        expected_version=1,
        end_report={
            "outcome": "work",
            "contract_type": "permanent",
            "hours_per_week": Decimal("32"),
            "hourly_wage": Decimal("15.10"),
            "employer_name": "Bakkerij Zuid",
            "work_start_date": start,
            "cao_conform": True,
        },
    )
    return EndReport.objects.get(trajectory=trajectory)


def test_the_functional_administrator_is_asked_for_the_rate_checks_wait_for(
    role_user, amsterdam, zaandam
):
    """TR6: "enter the minimum wage from 1 July 2026", with the waiting checks of their
    own municipality, linking to the page where they enter it."""
    admin = role_user(Role.FUNCTIONAL_ADMIN)
    _waiting_report(amsterdam, dt.date(2026, 8, 3))
    _waiting_report(amsterdam, dt.date(2026, 11, 2))
    _waiting_report(zaandam, dt.date(2026, 9, 1))
    with translation.override("en"):
        section = _section(admin, "minimum-wage")
    assert section.count == 1
    [item] = section.items
    assert item.title == "Enter the minimum wage from 1 July 2026"
    assert item.detail == "2 wage checks wait for it · in force since 01-07-2026"
    assert item.overdue is True and item.url == "/minimumloon/"
    [item] = _section(admin, "minimum-wage").items
    assert item.title == "Voer het minimumloon vanaf 1 juli 2026 in"
    assert item.detail == "2 loontoetsen wachten erop · geldt sinds 01-07-2026"


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.mark.usefixtures("english")
def test_the_next_rate_is_asked_for_from_one_month_before(role_user, amsterdam):
    admin = role_user(Role.FUNCTIONAL_ADMIN)
    assert [i.title for i in _section(admin, "minimum-wage").items] == [
        "Enter the minimum wage from 1 July 2026"
    ]
    with time_machine.travel(dt.datetime(2026, 12, 1, 8, tzinfo=AMSTERDAM), tick=False):
        items = _section(admin, "minimum-wage").items
    assert [(i.title, i.overdue) for i in items] == [
        ("Enter the minimum wage from 1 July 2026", True),
        ("Enter the minimum wage from 1 January 2027", False),
    ]
    assert items[1].detail == "applies from 01-01-2027"


def test_entering_the_rates_empties_the_section(role_user, amsterdam):
    admin = role_user(Role.FUNCTIONAL_ADMIN)
    report = _waiting_report(amsterdam, dt.date(2026, 8, 3))
    minimum_wage_add(
        valid_from=dt.date(2026, 7, 1), adult_hourly=Decimal("15.00"), source="SZW", user=admin
    )
    section = _section(admin, "minimum-wage")
    assert section.count == 0 and section.items == []
    report.refresh_from_db()
    assert report.wage_check == "passed"


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.COACH, Role.POLICY_OFFICER])
def test_only_the_functional_administrator_gets_the_section(role_user, role):
    assert "minimum-wage" not in {s.key for s in worklist_for(role_user(role))}
