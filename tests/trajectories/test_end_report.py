"""End report (TR5) and the minimum wage at its boundaries through the completion (TR6)."""

import datetime as dt
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from tests.factories import JobSeekerFactory, ProgrammeFactory, TrajectoryFactory, UserFactory
from werkpad.core.errors import DomainError, InvalidInputError
from werkpad.core.minimum_wage import MinimumWageUnknownError, WageCheck, minimum_wage_add
from werkpad.core.models import AuditEvent, MinimumWageRate
from werkpad.core.permissions import Role
from werkpad.jobseekers.models import LadderRungChange
from werkpad.trajectories import services, wage_check
from werkpad.trajectories.models import EndReport
from werkpad.trajectories.workflow import Status

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]


def _started(job_seeker, started_on=dt.date(2025, 1, 6)):
    trajectory = TrajectoryFactory(job_seeker=job_seeker, started=True, started_on=started_on)
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


def test_a_date_before_the_table_is_refused(job_seeker):
    trajectory, coach = _started(job_seeker, started_on=dt.date(2023, 11, 6))
    with pytest.raises(MinimumWageUnknownError) as refused:
        _complete(trajectory, coach, _work("20.00", dt.date(2023, 12, 31)))
    assert refused.value.field == "work_start_date"
    trajectory.refresh_from_db()
    assert trajectory.status == Status.STARTED and not EndReport.objects.exists()


def test_a_wage_within_the_table_records_its_passed_check(job_seeker):
    """TR6: the check, the minimum and the date of its rate are on the end report."""
    trajectory, coach = _started(job_seeker)
    report = _complete(trajectory, coach, _work("14.71", dt.date(2026, 6, 30))).end_report
    assert report.wage_check == WageCheck.PASSED
    assert (report.minimum_wage, report.minimum_wage_date) == (
        Decimal("14.71"),
        dt.date(2026, 1, 1),
    )
    assert report.wage_checked_at is not None


@pytest.mark.parametrize(
    ("start", "rate_date"),
    [
        (dt.date(2026, 7, 1), dt.date(2026, 7, 1)),
        (dt.date(2026, 11, 2), dt.date(2026, 7, 1)),
        (dt.date(2027, 1, 4), dt.date(2027, 1, 1)),
    ],
)
def test_work_after_the_table_is_recorded_waiting_for_the_rate_of_that_date(
    job_seeker, start, rate_date
):
    """Work is never blocked by a missing rate, and no amount is guessed (TR6)."""
    trajectory, coach = _started(job_seeker)
    done = _complete(trajectory, coach, _work("10.00", start))
    assert done.status == Status.COMPLETED
    report = done.end_report
    assert report.wage_check == WageCheck.WAITING_FOR_RATE
    assert report.minimum_wage is None and report.minimum_wage_date == rate_date
    assert report.hourly_wage == Decimal("10.00")


def test_entering_the_rate_runs_the_waiting_checks_again(job_seeker, amsterdam):
    """TR6: ``werkpad minimum_wage add`` re-checks the end reports waiting for that date,
    audited; a wage under the new rate becomes a finding, a later date keeps waiting."""
    reports = {}
    for wage, start in (
        ("14.80", dt.date(2026, 8, 3)),
        ("15.20", dt.date(2026, 7, 1)),
        ("14.80", dt.date(2027, 1, 4)),
    ):
        trajectory, coach = _started(JobSeekerFactory(municipality=amsterdam))
        reports[wage, start] = _complete(trajectory, coach, _work(wage, start)).end_report
    out = io.StringIO()
    with time_machine.travel(dt.datetime(2026, 11, 24, 9, tzinfo=AMSTERDAM), tick=False):
        call_command(
            "minimum_wage", "add", "2026-07-01", "15.00", "--source", "SZW besluit", stdout=out
        )
    assert "wage checks run again: 2, below the minimum: 1" in out.getvalue()
    below, passed, later = (EndReport.objects.get(pk=r.pk) for r in reports.values())
    assert (below.wage_check, below.minimum_wage) == (WageCheck.BELOW_MINIMUM, Decimal("15.00"))
    assert below.wage_checked_at == dt.datetime(2026, 11, 24, 9, tzinfo=AMSTERDAM)
    assert (passed.wage_check, passed.minimum_wage) == (WageCheck.PASSED, Decimal("15.00"))
    assert later.wage_check == WageCheck.WAITING_FOR_RATE and later.minimum_wage is None
    audited = AuditEvent.objects.filter(
        object_type="trajectory", detail__startswith="wage check:", origin="cli"
    )
    assert sorted(audited.values_list("object_id", flat=True)) == sorted(
        [str(below.trajectory_id), str(passed.trajectory_id)]
    )
    assert audited.get(object_id=str(below.trajectory_id)).job_seeker_id == (
        below.trajectory.job_seeker_id
    )


def test_the_rate_and_its_rechecks_are_one_transaction(job_seeker, monkeypatch):
    """A re-check that fails leaves the rate out as well: nothing half-written."""
    trajectory, coach = _started(job_seeker)
    report = _complete(trajectory, coach, _work("14.80", dt.date(2026, 8, 3))).end_report

    def broken(**kwargs):
        raise RuntimeError("re-check failed")

    monkeypatch.setattr(wage_check, "assess_wage", broken)
    with pytest.raises(RuntimeError):
        minimum_wage_add(valid_from=dt.date(2026, 7, 1), adult_hourly=Decimal("15"), source="x")
    assert not MinimumWageRate.objects.filter(valid_from=dt.date(2026, 7, 1)).exists()
    assert not AuditEvent.objects.filter(object_type="minimum-wage").exists()
    report.refresh_from_db()
    assert report.wage_check == WageCheck.WAITING_FOR_RATE


def test_work_cannot_start_before_the_trajectory_started(job_seeker):
    """TR5: a work start date before the trajectory started is refused, nothing written."""
    trajectory, coach = _started(job_seeker, started_on=dt.date(2026, 9, 14))
    with pytest.raises(InvalidInputError) as refused:
        _complete(trajectory, coach, _work("15.00", dt.date(2026, 9, 11)))
    assert "14-09-2026" in refused.value.errors["work_start_date"][0]
    trajectory.refresh_from_db()
    assert trajectory.status == Status.STARTED and not EndReport.objects.exists()
    assert _complete(trajectory, coach, _work("15.00", dt.date(2026, 9, 14))).end_report


def test_a_rung_change_joins_the_ladder_history(job_seeker):
    """TR5: the new rung is appended to the ladder history, the end of the trajectory its
    reason, and the file takes it, as any rung change does; audited."""
    trajectory, coach = _started(job_seeker)
    assert job_seeker.ladder_rung == 3
    _complete(trajectory, coach, {"outcome": "rung_change", "rung_after": 4})
    job_seeker.refresh_from_db()
    assert (job_seeker.ladder_rung, job_seeker.version) == (4, 2)
    change = job_seeker.rung_history.first()
    assert (change.from_rung, change.to_rung, change.changed_by) == (3, 4, coach)
    assert change.changed_on == dt.date(2026, 11, 23)
    assert trajectory.programme.name in change.reason
    assert AuditEvent.objects.filter(
        object_type="jobseeker", object_id=str(job_seeker.pk), fields=["ladder_rung"]
    ).exists()


def test_a_rung_change_to_the_same_rung_adds_no_step(job_seeker):
    trajectory, coach = _started(job_seeker)
    _complete(trajectory, coach, {"outcome": "rung_change", "rung_after": 3})
    assert LadderRungChange.objects.filter(job_seeker=job_seeker).count() == 1


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


def test_work_that_starts_more_than_a_year_ahead_is_refused(job_seeker):
    """A work start far ahead is no outcome of this trajectory; it would otherwise ask the
    functional administrator for every minimum-wage rate up to that date."""
    trajectory, coach = _started(job_seeker)
    with pytest.raises(InvalidInputError) as refused:
        _complete(trajectory, coach, _work("15.00", dt.date(9999, 12, 31)))
    assert "23-11-2027" in refused.value.errors["work_start_date"][0]
    assert not EndReport.objects.exists()
    report = _complete(trajectory, coach, _work("15.00", dt.date(2027, 11, 23))).end_report
    assert report.wage_check == WageCheck.WAITING_FOR_RATE


def test_a_check_still_waiting_for_an_entered_rate_runs_with_the_next_one(job_seeker, amsterdam):
    """A check written while the rate of its date was being entered kept waiting; the next
    rate entered takes it along, so no check waits for ever."""
    trajectory, coach = _started(job_seeker)
    report = _complete(trajectory, coach, _work("14.80", dt.date(2026, 8, 3))).end_report
    minimum_wage_add(valid_from=dt.date(2026, 7, 1), adult_hourly=Decimal("15.00"), source="SZW")
    # As if the report had been written in a transaction the re-check could not see yet.
    EndReport.objects.filter(pk=report.pk).update(
        wage_check=WageCheck.WAITING_FOR_RATE, minimum_wage=None
    )
    minimum_wage_add(valid_from=dt.date(2027, 1, 1), adult_hourly=Decimal("15.30"), source="SZW")
    report.refresh_from_db()
    assert (report.wage_check, report.minimum_wage) == (WageCheck.BELOW_MINIMUM, Decimal("15.00"))
