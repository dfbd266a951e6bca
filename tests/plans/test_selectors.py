"""Reading plans: scoped, audited, drafts hidden from the job seeker, query counts flat."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import JobSeekerFactory, PlanFactory, UserFactory
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.insights.selectors import composition_get
from werkpad.plans import selectors, services
from werkpad.plans.models import Plan

pytestmark = pytest.mark.django_db
FROZEN = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


def make_plans(n, municipality, caseworker):
    for _ in range(n):
        PlanFactory(
            job_seeker=JobSeekerFactory(municipality=municipality, contact_person=caseworker),
            in_effect=True,
        )


def test_the_list_costs_the_same_queries_at_1_10_and_50_rows(caseworker, amsterdam, api, client):
    client = api.as_user(caseworker)
    counts = {}
    made = 0
    for rows in (1, 10, 50):
        make_plans(rows - made, amsterdam, caseworker)
        made = rows
        client.get("/api/v1/plans?pageSize=100")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/plans?pageSize=100")
        assert response.json()["count"] == rows
        counts[rows] = len(queries)
    assert len(set(counts.values())) == 1, counts


def test_the_plans_page_costs_the_same_queries_at_1_10_and_50_rows(caseworker, amsterdam, client):
    client.force_login(caseworker)
    counts = {}
    made = 0
    for rows in (1, 10, 50):
        make_plans(rows - made, amsterdam, caseworker)
        made = rows
        client.get(reverse("plans:list"))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("plans:list"))
        assert response.status_code == 200
        counts[rows] = len(queries)
    assert len(set(counts.values())) == 1, counts


def test_reading_a_plan_costs_the_same_with_more_versions_and_comments(
    caseworker, job_seeker, seeker_user, api, instrument
):
    plan = PlanFactory(job_seeker=job_seeker, in_effect=True)
    plan.current_version.instruments.add(instrument)
    services.plan_comment(user=caseworker, plan_id=plan.pk, text="een")
    client = api.as_user(caseworker)
    client.get(f"/api/v1/plans/{plan.pk}")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/api/v1/plans/{plan.pk}")
    for n in range(4):
        services.plan_revise(user=caseworker, plan_id=plan.pk, reason=f"r{n}")
        services.plan_comment(user=caseworker, plan_id=plan.pk, text=f"c{n}")
        services.plan_propose(user=caseworker, plan_id=plan.pk)
        services.plan_agree(
            user=seeker_user,
            plan_id=plan.pk,
            expected_version=Plan.objects.get(pk=plan.pk).version,
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(f"/api/v1/plans/{plan.pk}")
    body = response.json()
    assert len(body["versions"]) == 5 and len(body["comments"]) == 5
    assert len(many) == len(few)


def test_every_read_is_audited_with_the_job_seeker(caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker)
    selectors.plan_get(user=caseworker, id=plan.pk, purpose=AuditEvent.Purpose.PLAN)
    event = AuditEvent.objects.get(action="read", object_type="plan")
    assert (event.job_seeker_id, event.purpose, event.actor) == (
        job_seeker.pk,
        "plan",
        caseworker,
    )
    selectors.plan_list(user=caseworker, filters={"jobSeeker": str(job_seeker.pk)})
    search = AuditEvent.objects.get(action="search", object_type="plan")
    assert search.fields == ["jobSeeker"] and search.job_seeker_id == job_seeker.pk


def test_the_job_seeker_sees_no_draft(job_seeker, seeker_user, caseworker):
    plan = PlanFactory(job_seeker=job_seeker)
    with pytest.raises(NotFoundError):
        selectors.plan_get(user=seeker_user, id=plan.pk)
    assert selectors.plan_get_own(user=seeker_user) is None
    services.plan_propose(user=caseworker, plan_id=plan.pk)
    own = selectors.plan_get_own(user=seeker_user)
    assert own.shown.number == 1
    services.plan_agree(
        user=seeker_user, plan_id=plan.pk, expected_version=Plan.objects.get(pk=plan.pk).version
    )
    services.plan_revise(user=caseworker, plan_id=plan.pk, reason="nieuw")
    own = selectors.plan_get_own(user=seeker_user)
    assert [v.number for v in own.shown_versions] == [1], "the new draft stays the caseworker's"
    staff = selectors.plan_get(user=caseworker, id=plan.pk)
    assert [v.number for v in staff.shown_versions] == [2, 1]


def test_filters_are_checked(caseworker, job_seeker):
    with pytest.raises(InvalidInputError) as error:
        selectors.plan_list(user=caseworker, filters={"status": "signed", "jobSeeker": "abc"})
    assert set(error.value.errors) == {"status", "jobSeeker"}


def test_other_roles_list_nothing(role_user):
    for role in (Role.COACH, Role.COUNCIL_MEMBER, Role.POLICY_OFFICER, Role.EMPLOYER):
        with pytest.raises(PermissionDeniedError):
            selectors.plan_list(user=role_user(role))


@pytest.mark.time_machine(FROZEN, tick=False)
def test_overdue_reviews_are_in_the_caseworkers_worklist_most_overdue_first(
    client, caseworker, amsterdam
):
    later = PlanFactory(
        job_seeker=JobSeekerFactory(
            municipality=amsterdam, contact_person=caseworker, last_name="Later"
        ),
        review_overdue=True,
    )
    earlier = PlanFactory(
        job_seeker=JobSeekerFactory(
            municipality=amsterdam, contact_person=caseworker, last_name="Eerder"
        ),
        in_effect=True,
        review_due_on=dt.date(2026, 6, 1),
    )
    PlanFactory(  # not yet due
        job_seeker=JobSeekerFactory(municipality=amsterdam, contact_person=caseworker),
        in_effect=True,
        review_due_on=dt.date(2026, 11, 23),
    )
    PlanFactory(  # another caseworker's caseload
        job_seeker=JobSeekerFactory(
            municipality=amsterdam,
            contact_person=UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam),
        ),
        review_overdue=True,
    )
    section = next(s for s in worklist_for(caseworker) if s.key == "plan-review")
    assert section.count == 2
    assert [item.url for item in section.items] == [
        reverse("plans:detail", args=[earlier.pk]),
        reverse("plans:detail", args=[later.pk]),
    ]
    assert all(item.overdue for item in section.items)
    assert section.items[0].detail.endswith("01-06-2026")
    client.force_login(caseworker)
    page = client.get("/").content.decode()
    assert reverse("plans:detail", args=[earlier.pk]) in page


def test_the_share_without_a_current_plan_is_suppressed_for_the_council(
    caseworker, amsterdam, role_user, settings
):
    settings.WERKPAD_MIN_CELL = 10
    make_plans(12, amsterdam, caseworker)
    JobSeekerFactory.create_batch(3, municipality=amsterdam, contact_person=caseworker)
    PlanFactory(job_seeker=JobSeekerFactory(municipality=amsterdam), proposed=True)
    open_view = composition_get(user=role_user(Role.POLICY_OFFICER)).without_current_plan
    assert (open_view.count, open_view.suppressed) == (4, None)
    assert open_view.share == pytest.approx(4 / 16)
    council = composition_get(user=role_user(Role.COUNCIL_MEMBER)).without_current_plan
    assert (council.count, council.share, council.suppressed) == (None, None, "small")
    JobSeekerFactory.create_batch(6, municipality=amsterdam)
    council = composition_get(user=role_user(Role.COUNCIL_MEMBER)).without_current_plan
    assert (council.count, council.suppressed) == (10, None)
