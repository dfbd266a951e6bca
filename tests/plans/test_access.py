"""Who may do what with plans: every role x every action, API and UI (PL3).

* a caseworker writes the plans of their own municipality, and answers none;
* the job seeker reads their own plan once shared, comments and answers; no draft, no other plan;
* every other role (coach: a later issue; council, policy officer, administrator: aggregates
  only) sees no plan at all;
* without a login the API answers 401 and the UI sends you to the login page.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import JobSeekerFactory, PlanFactory, UserFactory, job_seeker_login
from werkpad.core.permissions import Role
from werkpad.plans.models import (
    Plan,
    PlanComment,
    PlanReview,
    PlanStatusChange,
    PlanVersion,
)
from werkpad.plans.workflow import Status

pytestmark = [pytest.mark.django_db, pytest.mark.access_matrix]

ANONYMOUS = "anonymous"
ROLES = [*Role, ANONYMOUS]
OTHERS = [r for r in Role if r not in (Role.CASEWORKER, Role.JOB_SEEKER)]

API_ACTIONS = [
    "list",
    "read own plan",
    "read another municipality's plan",
    "create",
    "update a draft",
    "propose a draft",
    "agree to own plan",
    "disagree with own plan",
    "comment on own plan",
    "agree to another municipality's plan",
    "withdraw a proposal",
    "start a new version",
    "record a review",
]
API_EXPECTED = {
    Role.CASEWORKER: {
        "list": 200,
        "read own plan": 200,
        "read another municipality's plan": 404,
        "create": 201,
        "update a draft": 200,
        "propose a draft": 200,
        "agree to own plan": 403,
        "disagree with own plan": 403,
        "comment on own plan": 201,
        "agree to another municipality's plan": 404,
        "withdraw a proposal": 200,
        "start a new version": 200,
        "record a review": 200,
    },
    Role.JOB_SEEKER: {
        "list": 200,
        "read own plan": 200,
        "read another municipality's plan": 404,
        "create": 403,
        "update a draft": 404,
        "propose a draft": 404,
        "agree to own plan": 200,
        "disagree with own plan": 200,
        "comment on own plan": 201,
        "agree to another municipality's plan": 404,
        "withdraw a proposal": 403,  # their own plan: they answer it, they do not change it
        "start a new version": 404,
        "record a review": 404,
    },
    **{role: dict.fromkeys(API_ACTIONS, 404) | {"list": 403, "create": 403} for role in OTHERS},
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = [
    "plans page",
    "plan page",
    "another municipality's plan page",
    "write form",
    "propose a draft",
    "own plan page",
    "agree on own plan page",
    "comment on own plan page",
    "disagree on own plan page",
    "edit form",
    "save a draft",
    "withdraw a proposal",
    "start a new version",
    "record a review",
    "comment on the plan page",
]
UI_EXPECTED = {
    Role.CASEWORKER: {
        "plans page": 200,
        "plan page": 200,
        "another municipality's plan page": 404,
        "write form": 200,
        "propose a draft": 302,
        "own plan page": 404,
        "agree on own plan page": 404,
        "comment on own plan page": 404,
        "disagree on own plan page": 404,
        "edit form": 200,
        "save a draft": 302,
        "withdraw a proposal": 302,
        "start a new version": 302,
        "record a review": 302,
        "comment on the plan page": 302,
    },
    Role.JOB_SEEKER: {
        "plans page": 403,
        "plan page": 302,  # to their own page
        "another municipality's plan page": 404,
        "write form": 403,
        "propose a draft": 404,
        "own plan page": 200,
        "agree on own plan page": 302,
        "comment on own plan page": 302,
        "disagree on own plan page": 302,
        "edit form": 404,
        "save a draft": 404,
        "withdraw a proposal": 302,  # to their own page, changing nothing
        "start a new version": 404,
        "record a review": 404,
        "comment on the plan page": 302,  # to their own page, changing nothing
    },
    **{
        role: dict.fromkeys(UI_ACTIONS, 404) | {"plans page": 403, "write form": 403}
        for role in OTHERS
    },
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam):
    contact = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    own = JobSeekerFactory(municipality=amsterdam, contact_person=contact, last_name="Eigenaar")
    draft_of = JobSeekerFactory(municipality=amsterdam, contact_person=contact, last_name="Buur")
    other = JobSeekerFactory(municipality=zaandam, last_name="Zaanstra")
    return SimpleNamespace(
        own=own,
        own_plan=PlanFactory(job_seeker=own, proposed=True),
        draft=PlanFactory(job_seeker=draft_of),
        other_plan=PlanFactory(job_seeker=other, proposed=True),
        fresh=JobSeekerFactory(municipality=amsterdam, last_name="Nieuw"),
        in_effect=PlanFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam, contact_person=contact),
            in_effect=True,
        ),
    )


def user_for(role, world, role_user):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.own)
    return role_user(role)


def state():
    return (
        list(Plan.objects.order_by("pk").values()),
        list(PlanVersion.objects.order_by("pk").values()),
        list(PlanStatusChange.objects.order_by("pk").values()),
        list(PlanComment.objects.order_by("pk").values()),
        list(PlanReview.objects.order_by("pk").values()),
    )


NEW_PLAN = {
    "kind": "activation",
    "goals": "Meedoen in de wijk.",
    "targetRung": 3,
    "rightsAndObligations": "U komt naar afspraken.",
    "activities": "Buurthuis op dinsdag.",
}


def call_api(client, action, world):
    base = "/api/v1/plans"
    own, draft, other = world.own_plan, world.draft, world.other_plan
    match action:
        case "list":
            return client.get(base)
        case "read own plan":
            return client.get(f"{base}/{own.pk}")
        case "read another municipality's plan":
            return client.get(f"{base}/{other.pk}")
        case "create":
            return client.post(base, {**NEW_PLAN, "jobSeeker": world.fresh.pk}, format="json")
        case "update a draft":
            return client.patch(
                f"{base}/{draft.pk}", {"version": draft.version, "goals": "Matrix"}, format="json"
            )
        case "propose a draft":
            return client.post(f"{base}/{draft.pk}/proposal", {}, format="json")
        case "agree to own plan":
            return client.post(
                f"{base}/{own.pk}/agreement", {"version": own.version}, format="json"
            )
        case "disagree with own plan":
            return client.post(
                f"{base}/{own.pk}/disagreement",
                {"version": own.version, "reason": "Matrix"},
                format="json",
            )
        case "comment on own plan":
            return client.post(f"{base}/{own.pk}/comments", {"text": "Matrix"}, format="json")
        case "agree to another municipality's plan":
            return client.post(
                f"{base}/{other.pk}/agreement", {"version": other.version}, format="json"
            )
        case "withdraw a proposal":
            return client.post(
                f"{base}/{own.pk}/withdrawal", {"version": own.version}, format="json"
            )
        case "start a new version":
            return client.post(
                f"{base}/{world.in_effect.pk}/versions",
                {"version": world.in_effect.version, "reason": "Matrix"},
                format="json",
            )
        case "record a review":
            return client.post(
                f"{base}/{world.in_effect.pk}/reviews",
                {
                    "version": world.in_effect.version,
                    "rungReconsidered": True,
                    "instrumentsReconsidered": False,
                    "changesNeeded": False,
                    "notes": "Matrix",
                },
                format="json",
            )
    raise AssertionError(action)


@pytest.mark.parametrize("action", API_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_api(role, action, world, role_user):
    user = user_for(role, world, role_user)
    client = APIClient()
    if user is not None:
        client.force_authenticate(user=user)
    before = state()
    response = call_api(client, action, world)
    expected = API_EXPECTED[role][action]
    assert response.status_code == expected, response.content
    if expected >= 400:
        assert response["Content-Type"] == "application/problem+json"
        assert state() == before, "a refused request changed something"
        return
    body = response.json()
    match action:
        case "list":
            found = {row["id"] for row in body["results"]}
            if role == Role.JOB_SEEKER:
                assert found == {world.own_plan.pk}
            else:
                assert found == {world.own_plan.pk, world.draft.pk, world.in_effect.pk}
        case "read own plan":
            assert body["id"] == world.own_plan.pk
        case "create":
            assert Plan.objects.filter(job_seeker=world.fresh).exists()
        case "update a draft":
            assert world.draft.versions.get().goals == "Matrix"
        case "propose a draft":
            world.draft.refresh_from_db()
            assert world.draft.status == Status.PROPOSED
        case "agree to own plan" | "disagree with own plan":
            world.own_plan.refresh_from_db()
            assert world.own_plan.status == Status.IN_EFFECT
        case "comment on own plan":
            assert world.own_plan.comments.get().by_job_seeker is (role == Role.JOB_SEEKER)
        case "withdraw a proposal":
            world.own_plan.refresh_from_db()
            assert world.own_plan.status == Status.DRAFT
        case "start a new version":
            assert world.in_effect.versions.count() == 2
        case "record a review":
            assert world.in_effect.reviews.get().notes == "Matrix"


def call_ui(client, action, world):
    match action:
        case "plans page":
            return client.get("/plannen/")
        case "plan page":
            return client.get(f"/plannen/{world.own_plan.pk}/")
        case "another municipality's plan page":
            return client.get(f"/plannen/{world.other_plan.pk}/")
        case "write form":
            return client.get(f"/plannen/nieuw/{world.fresh.pk}/")
        case "propose a draft":
            return client.post(f"/plannen/{world.draft.pk}/voorleggen/")
        case "own plan page":
            return client.get("/mijn/plan/")
        case "agree on own plan page":
            return client.post("/mijn/plan/akkoord/", {"version": world.own_plan.version})
        case "comment on own plan page":
            return client.post("/mijn/plan/opmerking/", {"text": "Matrix"})
        case "disagree on own plan page":
            return client.post(
                "/mijn/plan/niet-akkoord/", {"version": world.own_plan.version, "reason": "Matrix"}
            )
        case "edit form":
            return client.get(f"/plannen/{world.draft.pk}/wijzigen/")
        case "save a draft":
            return client.post(f"/plannen/{world.draft.pk}/wijzigen/", draft_post(world.draft))
        case "withdraw a proposal":
            return client.post(
                f"/plannen/{world.own_plan.pk}/terugnemen/", {"version": world.own_plan.version}
            )
        case "start a new version":
            return client.post(
                f"/plannen/{world.in_effect.pk}/nieuwe-versie/",
                {"version": world.in_effect.version, "reason": "Matrix"},
            )
        case "record a review":
            return client.post(
                f"/plannen/{world.in_effect.pk}/evaluatie/",
                {"version": world.in_effect.version, "rung_reconsidered": "on", "notes": "Matrix"},
            )
        case "comment on the plan page":
            return client.post(f"/plannen/{world.own_plan.pk}/opmerking/", {"text": "Matrix"})
    raise AssertionError(action)


def draft_post(plan) -> dict:
    """The edit form of the plan's draft, submitted with new goals."""
    draft = plan.versions.get()
    return {
        "version": plan.version,
        "kind": draft.kind,
        "target_rung": draft.target_rung,
        "goals": "Matrix",
        "activities": draft.activities,
        "rights_and_obligations": draft.rights_and_obligations,
        "reason": "",
    }


#: The pages that change a plan, and who changes it with them (answering 302).
WRITES = {
    "propose a draft": Role.CASEWORKER,
    "save a draft": Role.CASEWORKER,
    "withdraw a proposal": Role.CASEWORKER,
    "start a new version": Role.CASEWORKER,
    "record a review": Role.CASEWORKER,
    "comment on the plan page": Role.CASEWORKER,
    "agree on own plan page": Role.JOB_SEEKER,
    "disagree on own plan page": Role.JOB_SEEKER,
    "comment on own plan page": Role.JOB_SEEKER,
}


@pytest.mark.parametrize("action", UI_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_ui(role, action, world, role_user):
    user = user_for(role, world, role_user)
    client = Client()
    if user is not None:
        client.force_login(user)
    before = state()
    response = call_ui(client, action, world)
    expected = UI_EXPECTED[role][action]
    assert response.status_code == expected
    if role == ANONYMOUS:
        assert response["Location"].startswith("/accounts/login/?next=")
    elif role == Role.JOB_SEEKER and expected == 302:
        assert response["Location"] == "/mijn/plan/"
    if WRITES.get(action) == role:
        assert state() != before
    else:
        assert state() == before, "a refused or read-only request changed something"
    if expected != 200:
        return
    page = response.content.decode()
    assert "Zaanstra" not in page
    if action == "own plan page":
        assert world.own_plan.versions.get().goals in page
