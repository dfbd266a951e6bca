"""End report (TR5) and the minimum wage at its boundaries through the completion (TR6)."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tests.factories import ProgrammeFactory, TrajectoryFactory, UserFactory
from werkpad.core.errors import DomainError, InvalidInputError
from werkpad.core.minimum_wage import MinimumWageUnknownError
from werkpad.core.permissions import Role
from werkpad.trajectories import services
from werkpad.trajectories.models import EndReport
from werkpad.trajectories.workflow import Status

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]


def _started(job_seeker):
    trajectory = TrajectoryFactory(job_seeker=job_seeker, started=True)
    coach = UserFactory.with_role(Role.COACH, organisation=trajectory.provider.organisation)
    return trajectory, coach


def _work(wage: str, start: dt.date) -> dict:
    return {
        "outcome": "work",
        "contract_type": "fixed_term",
        "hours_per_week": Decimal("32"),
        "hourly_wage": Decimal(wage),
        "employer_name": "Zorggroep Noord",
        "work_start_date": start,
        "cao_conform": True,
        "cv_contribution": "Eerste werkervaring in de zorg.",
    }


def _complete(trajectory, coach, report):
    return services.trajectory_complete(
        user=coach, trajectory_id=trajectory.pk, expected_version=1, end_report=report
    )


# A person born 1 July 2005 turns 21 on 1 July 2026, the day the table's rows change:
# on 30 June 2026 they are 20 (80%: 11.77), on 1 July 2026 there is no row yet.
# Born 15 March 2005: 20 until 14 March 2026 (11.77), 21 from 15 March 2026 (14.71).
@pytest.mark.parametrize(
    ("birth", "start", "wage", "ok"),
    [
        (dt.date(2005, 3, 15), dt.date(2026, 3, 14), "11.77", True),
        (dt.date(2005, 3, 15), dt.date(2026, 3, 14), "11.76", False),
        (dt.date(2005, 3, 15), dt.date(2026, 3, 15), "14.70", False),
        (dt.date(2005, 3, 15), dt.date(2026, 3, 15), "14.71", True),
        (dt.date(1980, 5, 17), dt.date(2025, 6, 30), "14.06", True),
        (dt.date(1980, 5, 17), dt.date(2025, 7, 1), "14.06", False),
        (dt.date(1980, 5, 17), dt.date(2025, 7, 1), "14.40", True),
    ],
)
def test_minimum_wage_by_age_and_date(job_seeker, birth, start, wage, ok):
    job_seeker.birth_date = birth
    job_seeker.save()
    trajectory, coach = _started(job_seeker)
    if ok:
        done = _complete(trajectory, coach, _work(wage, start))
        assert done.status == Status.COMPLETED
        assert done.end_report.hourly_wage == Decimal(wage)
    else:
        with pytest.raises(DomainError) as error:
            _complete(trajectory, coach, _work(wage, start))
        assert error.value.code == "below-minimum-wage"
        trajectory.refresh_from_db()
        assert trajectory.status == Status.STARTED and not EndReport.objects.exists()


def test_minimum_wage_names_the_minimum(job_seeker):
    trajectory, coach = _started(job_seeker)
    with pytest.raises(DomainError) as error:
        _complete(trajectory, coach, _work("12.00", dt.date(2026, 1, 5)))
    assert "14,71" in error.value.message or "14.71" in error.value.message


def test_a_date_outside_the_table_is_refused(job_seeker):
    trajectory, coach = _started(job_seeker)
    with pytest.raises(MinimumWageUnknownError):
        _complete(trajectory, coach, _work("20.00", dt.date(2026, 7, 1)))
    with pytest.raises(MinimumWageUnknownError):
        _complete(trajectory, coach, _work("20.00", dt.date(2023, 12, 31)))
    trajectory.refresh_from_db()
    assert trajectory.status == Status.STARTED


def test_work_outcome_needs_its_fields(job_seeker):
    trajectory, coach = _started(job_seeker)
    with pytest.raises(InvalidInputError) as error:
        _complete(trajectory, coach, {"outcome": "work"})
    assert {
        "contract_type",
        "hours_per_week",
        "hourly_wage",
        "employer_name",
        "work_start_date",
        "cao_conform",
    } <= set(error.value.errors)


@pytest.mark.parametrize(
    ("report", "missing"),
    [
        ({"outcome": "schooling"}, "schooling"),
        ({"outcome": "rung_change"}, "rung_after"),
        ({"outcome": "volunteer_work"}, "volunteer_organisation"),
    ],
)
def test_other_outcomes_need_their_detail(job_seeker, report, missing):
    trajectory, coach = _started(job_seeker)
    with pytest.raises(InvalidInputError) as error:
        _complete(trajectory, coach, report)
    assert missing in error.value.errors


def test_job_guarantee_promised_versus_realised(job_seeker):
    trajectory = TrajectoryFactory(
        job_seeker=job_seeker, started=True, programme=ProgrammeFactory(with_job_guarantee=True)
    )
    coach = UserFactory.with_role(Role.COACH, organisation=trajectory.provider.organisation)
    done = _complete(trajectory, coach, {"outcome": "none", "summary": "Geen baan gevonden."})
    assert done.end_report.job_guarantee_promised is True
    assert done.end_report.job_guarantee_realised is False


def test_no_guarantee_cannot_be_realised(job_seeker):
    trajectory, coach = _started(job_seeker)
    with pytest.raises(InvalidInputError):
        _complete(trajectory, coach, {"outcome": "none", "job_guarantee_realised": True})
