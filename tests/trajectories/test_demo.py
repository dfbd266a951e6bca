"""The demo's trajectories: realistic, consistent with the lifecycle, and work for ``coach``."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import transaction
from django.test.utils import override_settings

from werkpad.accounts.models import Membership
from werkpad.core import clock
from werkpad.core.minimum_wage import WageCheck, indexation_date, next_date_to_add
from werkpad.core.models import Municipality
from werkpad.demo.populate import populate
from werkpad.jobseekers.models import LadderRungChange
from werkpad.plans.models import PlanComment, PlanReview, PlanStatusChange
from werkpad.trajectories.models import (
    EndReport,
    Evaluation,
    ProgressReport,
    StatusChange,
    Trajectory,
)
from werkpad.trajectories.workflow import ALLOWED_TRANSITIONS, Status

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
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

    def test_the_coach_logins_provider_has_referrals_in_every_state_with_its_reports(self):
        coach = Membership.objects.get(user__username="coach")
        own = Trajectory.objects.filter(provider__organisation=coach.organisation)
        assert set(own.values_list("status", flat=True)) == set(Status.values)
        mine = own.filter(coach=coach.user)
        assert ProgressReport.objects.filter(trajectory__in=mine, written_by=coach.user).exists()
        assert EndReport.objects.filter(trajectory__in=mine, written_by=coach.user).exists()
        assert mine.filter(status=Status.STARTED, next_report_due__lt=clock.today()).exists()

    def test_every_trajectory_taken_on_has_a_coach_of_its_provider(self):
        taken_on = Trajectory.objects.exclude(status__in=(Status.REFERRED, Status.DECLINED))
        assert taken_on.exists() and not taken_on.filter(coach__isnull=True).exists()
        for trajectory in taken_on.select_related("provider"):
            assert trajectory.coach.memberships.filter(
                organisation_id=trajectory.provider.organisation_id, role="coach"
            ).exists()
        assert not Trajectory.objects.filter(
            status__in=(Status.REFERRED, Status.DECLINED), coach__isnull=False
        ).exists()

    def test_every_report_and_history_entry_names_who_acted(self):
        assert not StatusChange.objects.filter(changed_by__isnull=True).exists()
        assert not ProgressReport.objects.filter(written_by__isnull=True).exists()
        assert not EndReport.objects.filter(written_by__isnull=True).exists()
        assert not Evaluation.objects.filter(written_by__isnull=True).exists()
        assert not LadderRungChange.objects.filter(changed_by__isnull=True).exists()
        assert not PlanStatusChange.objects.filter(changed_by__isnull=True).exists()
        assert not PlanComment.objects.filter(author__isnull=True).exists()
        assert not PlanReview.objects.filter(recorded_by__isnull=True).exists()

    def test_every_municipality_refers_to_its_own_programmes(self):
        for municipality in Municipality.objects.all():
            trajectories = Trajectory.objects.filter(municipality=municipality)
            assert trajectories.exists(), municipality.name
            assert not trajectories.exclude(programme__municipality=municipality).exists()

    def test_referrals_fit_the_programmes_target_group_on_the_day_of_referral(self):
        """No 27-64-year-olds in youth programmes, no referral outside a programme's rungs."""
        young_only = 0
        for t in Trajectory.objects.select_related("programme", "job_seeker"):
            programme, age = t.programme, t.job_seeker.age_on(t.referred_on)
            assert programme.rung_from <= t.handover["ladder_rung"] <= programme.rung_to
            if programme.target_groups == ["young"]:
                young_only += 1
                assert age < 27, (programme.name, age)
            if programme.target_groups == ["older"]:
                assert age >= 50, (programme.name, age)
        assert young_only > 0

    def test_no_referral_before_the_file_and_no_report_after_the_end(self):
        zone = ZoneInfo(settings.TIME_ZONE)
        for t in Trajectory.objects.select_related("job_seeker"):
            assert t.referred_on > t.job_seeker.created_at.astimezone(zone).date()
        for report in ProgressReport.objects.select_related("trajectory"):
            written = report.written_at.astimezone(zone).date()
            assert written >= report.trajectory.started_on
            if report.trajectory.ended_on:
                assert written <= report.trajectory.ended_on
        for report in EndReport.objects.select_related("trajectory"):
            assert report.written_at.astimezone(zone).date() == report.trajectory.ended_on

    def test_a_rung_change_outcome_is_in_the_job_seekers_rung_history(self):
        """As anywhere else, a higher rung at the end of a trajectory is appended to the history."""
        reports = EndReport.objects.filter(outcome="rung_change").select_related("trajectory")
        assert reports.exists()
        for report in reports:
            trajectory = report.trajectory
            assert report.rung_after == trajectory.handover["ladder_rung"] + 1
            change = LadderRungChange.objects.get(
                job_seeker_id=trajectory.job_seeker_id,
                changed_on=trajectory.ended_on,
                to_rung=report.rung_after,
            )
            assert change.from_rung == report.rung_after - 1
            assert change.changed_by_id == report.written_by_id == trajectory.coach_id
            assert trajectory.programme.name in change.reason

    def test_no_group_meeting_text_on_an_individual_trajectory(self):
        individual = Trajectory.objects.filter(activity_format="individual")
        assert individual.exists()
        for trajectory in individual.select_related("evaluation"):
            texts = [trajectory.decline_reason, trajectory.end_reason]
            if hasattr(trajectory, "evaluation"):
                evaluation = trajectory.evaluation
                texts += [evaluation.what_worked, evaluation.what_did_not, evaluation.choices_made]
            assert not any("groep" in text.lower() for text in texts), texts

    def test_outcomes_differ_by_rung_and_job_guarantees_are_mostly_kept(self):
        """More work from rungs 4-5 than from rungs 1-2; some of every kind of outcome."""
        reports = list(EndReport.objects.values_list("trajectory__handover", "outcome"))

        def work_share(rungs):
            rows = [o for h, o in reports if h["ladder_rung"] in rungs]
            return sum(o == "work" for o in rows) / len(rows)

        assert work_share((4, 5)) > work_share((1, 2)) + 0.2
        outcomes = {o for _h, o in reports}
        assert {"work", "none", "rung_change"} <= outcomes and len(outcomes) >= 4
        assert 0.1 <= sum(o == "none" for _h, o in reports) / len(reports) <= 0.8
        promised = EndReport.objects.filter(job_guarantee_promised=True)
        assert promised.count() >= 5
        assert promised.filter(job_guarantee_realised=True).count() / promised.count() > 0.5
        assert not EndReport.objects.filter(
            job_guarantee_promised=False, job_guarantee_realised=True
        ).exists()

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
        """TR4: a report's health section only where the job seeker gave the health consent
        to that provider, and still does."""
        from werkpad.consents.models import Consent

        given = set(
            Consent.objects.filter(recipient="provider", part="health", status="given").values_list(
                "job_seeker_id", "organisation_id"
            )
        )
        written = ProgressReport.objects.exclude(health_section="").values_list(
            "trajectory__job_seeker_id", "trajectory__provider__organisation_id"
        )
        assert written.exists()
        assert set(written) <= given

    def test_referrals_lie_within_three_years(self):
        earliest = Trajectory.objects.order_by("referred_on").first().referred_on
        assert earliest >= clock.today().replace(day=1) - dt.timedelta(days=3 * 365)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
class TestDemoOutflowAndEvidence:
    """Former job seekers left the file after their trajectories; with theirs, similar job
    seekers' outcomes add up to evidence for the common segments of the file."""

    def test_who_left_did_so_after_every_trajectory_ended_and_most_who_found_work_for_work(
        self,
    ):
        from collections import Counter

        from django.db.models import Max

        from werkpad.jobseekers.models import JobSeeker

        def share(items, predicate):
            items = list(items)
            return sum(1 for item in items if predicate(item)) / len(items)

        former = JobSeeker.objects.filter(left_on__isnull=False)
        assert former.count() > JobSeeker.objects.filter(left_on__isnull=True).count()
        assert not Trajectory.objects.filter(
            job_seeker__left_on__isnull=False,
            status__in=[Status.REFERRED, Status.ACCEPTED, Status.STARTED, Status.SUSPENDED],
        ).exists()
        last_end = dict(
            Trajectory.objects.filter(job_seeker__left_on__isnull=False)
            .values("job_seeker_id")
            .annotate(last=Max("ended_on"))
            .values_list("job_seeker_id", "last")
        )
        for job_seeker in former.only("id", "left_on", "created_at"):
            assert job_seeker.left_on < clock.today().replace(day=1)
            assert job_seeker.left_on >= job_seeker.created_at.date()
            if last_end.get(job_seeker.pk):
                assert job_seeker.left_on >= last_end[job_seeker.pk]
        reasons = Counter(former.values_list("leave_reason", flat=True))
        assert reasons.most_common(1)[0][0] == "work"
        assert set(reasons) <= {"work", "schooling", "other_income", "moved", "other"}
        worked = EndReport.objects.filter(
            outcome="work", trajectory__job_seeker__left_on__isnull=False
        ).values_list("trajectory__job_seeker__leave_reason", flat=True)
        assert worked and share(worked, lambda reason: reason == "work") > 0.5

    def test_which_programme_fits_shows_evidence_for_the_common_segments(self):
        from collections import Counter

        from werkpad.insights.fit import programme_fit_list
        from werkpad.jobseekers.models import JobSeeker
        from werkpad.providers import matching

        today = clock.today()
        current = list(
            JobSeeker.objects.filter(left_on__isnull=True, municipality__cbs_code="GM0363")
            .select_related("contact_person", "municipality")
            .order_by("pk")
        )

        def segment(js):
            return (
                js.ladder_rung,
                matching.band_of(js.age_on(today), matching.AGE_BANDS)[0],
                matching.band_of(js.unemployed_months(today), matching.DURATION_BANDS)[0],
            )

        counts = Counter(segment(js) for js in current)
        seen: dict[tuple, tuple[int, int]] = {}
        for wanted, _n in counts.most_common(5):
            members = [js for js in current if segment(js) == wanted]
            with_evidence = sum(
                any(
                    fit.evidence.enough
                    for fit in programme_fit_list(user=js.contact_person, job_seeker=js)
                )
                for js in members
            )
            seen[wanted] = (with_evidence, len(members))
        top_three = list(seen.values())[:3]
        assert all(found >= 0.8 * size for found, size in top_three), seen
        found, size = map(sum, zip(*seen.values(), strict=True))
        assert found >= 0.75 * size, seen
