"""The demo's trajectories: realistic, consistent with the lifecycle, and none for ``coach``."""

import datetime as dt
import io

import pytest
from django.db import transaction
from django.test.utils import override_settings

from werkpad.accounts.models import Membership
from werkpad.core import clock
from werkpad.core.minimum_wage import WageCheck, indexation_date, next_date_to_add
from werkpad.demo import populate
from werkpad.trajectories.models import EndReport, Evaluation, ProgressReport, Trajectory
from werkpad.trajectories.workflow import ALLOWED_TRANSITIONS, Status

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        out = io.StringIO()
        populate(size="small", seed=7, stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
class TestDemoTrajectories:
    def test_there_are_trajectories_in_every_state(self, demo):
        assert "trajectories:" in demo
        statuses = set(Trajectory.objects.values_list("status", flat=True))
        assert {Status.COMPLETED, Status.STARTED, Status.ENDED_EARLY} <= statuses
        assert ProgressReport.objects.exists() and EndReport.objects.exists()
        assert Evaluation.objects.exists()

    def test_the_coach_login_has_no_referrals(self):
        coach = Membership.objects.get(user__username="coach")
        assert not Trajectory.objects.filter(provider__organisation=coach.organisation).exists()

    def test_some_running_trajectories_have_an_overdue_report(self):
        today = clock.today().replace(day=1)
        running = Trajectory.objects.filter(status=Status.STARTED)
        assert running.filter(next_report_due__lt=today).exists()
        assert running.filter(next_report_due__gte=today).exists()

    def test_histories_follow_the_lifecycle(self):
        for trajectory in Trajectory.objects.prefetch_related("history")[:200]:
            steps = list(trajectory.history.all())
            assert steps[0].to_status == Status.REFERRED
            for change in steps[1:]:
                assert change.to_status in ALLOWED_TRANSITIONS[change.from_status]
            assert steps[-1].to_status == trajectory.status
            assert trajectory.version == len(steps)

    def test_work_outcomes_pay_at_least_the_minimum(self):
        """TR6: within the table the check passed; after it the check waits for the rate,
        so the functional administrator's login has rates to enter."""
        work = EndReport.objects.filter(outcome="work").select_related("trajectory")
        assert work.exists()
        missing_from = next_date_to_add()
        for report in work:
            assert report.work_start_date >= report.trajectory.started_on
            if report.work_start_date >= missing_from:
                assert report.wage_check == WageCheck.WAITING_FOR_RATE
                assert report.minimum_wage is None
                assert report.minimum_wage_date == indexation_date(report.work_start_date)
            else:
                assert report.wage_check == WageCheck.PASSED
                assert report.hourly_wage >= report.minimum_wage
        if clock.today() >= missing_from + dt.timedelta(days=60):
            assert work.filter(wage_check=WageCheck.WAITING_FOR_RATE).exists()

    def test_health_sections_only_with_consent(self):
        assert (
            not ProgressReport.objects.filter(trajectory__health_consent=False)
            .exclude(health_section="")
            .exists()
        )

    def test_referrals_lie_within_three_years(self):
        earliest = Trajectory.objects.order_by("referred_on").first().referred_on
        assert earliest >= clock.today().replace(day=1) - dt.timedelta(days=3 * 365)
