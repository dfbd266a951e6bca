"""The demo's plans: most job seekers have one, some none, some reviews overdue, and the
``werkzoekende`` login has a proposal waiting for an answer; the same seed, the same plans."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import transaction
from django.test.utils import override_settings

from werkpad.core import clock
from werkpad.core.models import Municipality
from werkpad.demo.plans import create_plans
from werkpad.demo.populate import demo_anchor, populate
from werkpad.jobseekers.models import JobSeeker
from werkpad.plans.models import Plan, PlanComment, PlanReview, PlanStatusChange, PlanVersion
from werkpad.plans.workflow import Status

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def snapshot():
    return list(
        PlanVersion.objects.order_by("plan__job_seeker__bsn", "number").values_list(
            "plan__job_seeker__bsn",
            "number",
            "status",
            "kind",
            "goals",
            "target_rung",
            "effective_on",
            "review_due_on",
            "disagreement_reason",
        )
    )


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        populate(size="small", seed=7, stdout=io.StringIO())
        yield snapshot()
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestDemoPlans:
    def test_most_have_a_plan_in_effect_some_none_some_overdue(self, demo):
        total = JobSeeker.objects.filter(left_on__isnull=True).count()
        plans = Plan.objects.count()
        in_effect = Plan.objects.filter(current_version__isnull=False).count()
        overdue = Plan.objects.filter(
            current_version__isnull=False, review_due_on__lt=clock.today()
        ).count()
        assert 0.75 <= plans / total <= 0.95
        assert 0.7 <= in_effect / total <= 0.9
        assert 0.05 <= overdue / in_effect <= 0.4
        assert Plan.objects.filter(status=Status.DRAFT).exists()
        assert PlanVersion.objects.filter(status=Status.SUPERSEDED).exists()
        assert PlanVersion.objects.filter(instruments__isnull=False).exists()
        for version in PlanVersion.objects.filter(instruments__isnull=False).select_related("plan")[
            :50
        ]:
            assert {i.municipality_id for i in version.instruments.all()} == {
                version.plan.municipality_id
            }
        assert (
            PlanVersion.objects.filter(status=Status.IN_EFFECT)
            .exclude(disagreement_reason="")
            .exists()
        )

    def test_every_plan_is_consistent_with_its_versions_and_history(self, demo):
        for plan in Plan.objects.prefetch_related("versions__history"):
            versions = sorted(plan.versions.all(), key=lambda v: v.number)
            assert [v.number for v in versions] == list(range(1, plan.latest_number + 1))
            assert plan.status == versions[-1].status
            current = [v for v in versions if v.status == Status.IN_EFFECT]
            assert [v.pk for v in current] == ([plan.current_version_id] if current else [])
            for version in versions:
                history = [h.to_status for h in version.history.all()]
                assert history[0] == Status.DRAFT and history[-1] == version.status

    def test_no_plan_before_the_job_seekers_file_and_every_step_in_order(self, demo):
        zone = ZoneInfo(settings.TIME_ZONE)
        for plan in Plan.objects.select_related("job_seeker").prefetch_related("versions__history"):
            opened = plan.job_seeker.created_at.astimezone(zone).date()
            assert plan.created_at.astimezone(zone).date() >= opened
            for version in plan.versions.all():
                assert version.created_at.astimezone(zone).date() >= opened
                if version.effective_on:
                    assert version.effective_on > opened
                moments = [h.changed_at for h in version.history.all()]
                assert moments == sorted(moments)
                if version.proposed_at and version.answered_at:
                    assert version.created_at <= version.proposed_at <= version.answered_at

    def test_the_job_seeker_answers_and_the_caseworker_proposes(self, demo):
        answers = PlanStatusChange.objects.filter(
            to_status__in=(Status.AGREED, Status.DISAGREEMENT_RECORDED)
        ).select_related("version__plan__job_seeker")
        assert answers.exists()
        for change in answers:
            assert change.changed_by_id == change.version.plan.job_seeker.user_id
        for change in PlanStatusChange.objects.filter(to_status=Status.PROPOSED).select_related(
            "version__plan__job_seeker"
        ):
            assert change.changed_by_id == change.version.plan.job_seeker.contact_person_id

    def test_plan_reviews_and_comments_are_present(self, demo):
        reviews = PlanReview.objects.select_related("version", "new_version", "plan__job_seeker")
        assert reviews.count() >= 10
        for review in reviews:
            assert review.version.plan_id == review.plan_id == review.new_version.plan_id
            assert review.version.number + 1 == review.new_version.number
            assert review.recorded_by_id == review.plan.job_seeker.contact_person_id
            assert review.held_on <= review.new_version.effective_on
        comments = PlanComment.objects.select_related("plan__job_seeker")
        assert comments.filter(by_job_seeker=True).count() >= 10
        assert comments.filter(by_job_seeker=False).count() >= 10
        for comment in comments:
            expected = (
                comment.plan.job_seeker.user_id
                if comment.by_job_seeker
                else comment.plan.job_seeker.contact_person_id
            )
            assert comment.author_id == expected

    def test_werkzoekende_has_a_proposal_waiting_for_an_answer(self, demo):
        plan = Plan.objects.get(job_seeker__user__username="werkzoekende")
        assert plan.status == Status.PROPOSED
        assert plan.versions.get(number=plan.latest_number).proposed_at is not None

    def test_the_same_seed_gives_the_same_plans_and_another_seed_others(self, demo):
        # The trajectories moved some job seekers up a rung since the demo made its plans,
        # so the plans are made again twice from the same files.
        municipalities = list(Municipality.objects.order_by("pk"))

        def generate(seed: int):
            Plan.objects.all().delete()
            create_plans(municipalities=municipalities, seed=seed, anchor=demo_anchor())
            return snapshot()

        first = generate(7)
        assert generate(7) == first
        assert generate(8) != first
