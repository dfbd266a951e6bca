"""Who may do what with agreed actions (WT1): every role x every endpoint, API and UI.

* caseworkers of the municipality: everything on plans and trajectories there, approve
  and cancel; they mark done only the contact person's actions;
* the coaches of the trajectory's provider, while it runs: its actions (not the plan's),
  agree, approve and cancel them, mark the coach's done;
* the job seeker: reads their own, marks theirs done and approves the staff's;
* the functional administrator keeps the templates;
* a coach of another provider, a caseworker of another municipality and every other role
  see nothing; without a login the API answers 401 and a page sends to the login.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.access import api_client, page_client
from tests.actions.conftest import NOW
from tests.actions.factories import ActionFactory, ActionTemplateFactory
from tests.factories import (
    JobSeekerFactory,
    PlanFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.actions.models import Action, ActionTemplate, StatusChange
from werkpad.core.permissions import Role
from werkpad.plans.models import Plan

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(NOW, tick=False),
]

ANONYMOUS = "anonymous"
OTHER_COACH = "coach of another provider"
OTHER_MUNICIPALITY = "caseworker of another municipality"
ROLES = [*Role, OTHER_COACH, OTHER_MUNICIPALITY, ANONYMOUS]
NOBODY = [
    Role.EMPLOYER_ADVISOR,
    Role.EMPLOYER,
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
    Role.COUNCIL_MEMBER,
    Role.POLICY_OFFICER,
    Role.FUNCTIONAL_ADMIN,
]

API_ACTIONS = [
    "plan list",
    "plan create",
    "trajectory list",
    "trajectory create",
    "read",
    "complete",
    "approve",
    "cancel",
]
_NONE_API = dict.fromkeys(API_ACTIONS, 404)
API_EXPECTED = {
    Role.CASEWORKER: dict.fromkeys(API_ACTIONS, 200)
    | {"plan create": 201, "trajectory create": 201, "complete": 403},
    Role.COACH: _NONE_API
    | {
        "trajectory list": 200,
        "trajectory create": 201,
        "read": 200,
        "complete": 403,
        "approve": 200,
        "cancel": 200,
    },
    Role.JOB_SEEKER: dict.fromkeys(API_ACTIONS, 200)
    | {"plan create": 403, "trajectory create": 403, "approve": 403, "cancel": 403},
    OTHER_COACH: _NONE_API,
    OTHER_MUNICIPALITY: _NONE_API,
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

STAFF = [
    "list",
    "read",
    "complete",
    "approve",
    "cancel",
    "plan create form",
    "plan create",
    "plan activities",
    "plan approval",
    "trajectory create form",
    "trajectory create",
]
ADMIN = ["templates", "template add", "template edit form", "template edit"]
OWN = ["my list", "my complete", "my approve"]
UI_ACTIONS = [*STAFF, *ADMIN, *OWN]
_NO_UI = dict.fromkeys(UI_ACTIONS, 403)
_PLAN_UI = ["plan create form", "plan create", "plan activities", "plan approval"]
UI_EXPECTED = {
    Role.CASEWORKER: _NO_UI
    | {
        "list": 200,
        "read": 200,
        "approve": 302,
        "cancel": 302,
        "plan create form": 200,
        "plan create": 302,
        "plan activities": 302,
        "plan approval": 302,
        "trajectory create form": 200,
        "trajectory create": 302,
    },
    Role.COACH: _NO_UI
    | {
        "list": 200,
        "read": 404,
        "complete": 302,
        "approve": 302,
        "cancel": 302,
        "trajectory create form": 200,
        "trajectory create": 302,
    },
    OTHER_COACH: _NO_UI
    | {
        "list": 200,
        "read": 404,
        "complete": 404,
        "approve": 404,
        "cancel": 404,
        "trajectory create form": 404,
        "trajectory create": 404,
    },
    OTHER_MUNICIPALITY: _NO_UI
    | {
        "list": 200,
        "read": 404,
        "complete": 404,
        "approve": 404,
        "cancel": 404,
        **dict.fromkeys(_PLAN_UI, 404),
        "trajectory create form": 404,
        "trajectory create": 404,
    },
    Role.JOB_SEEKER: _NO_UI | {"my list": 200, "my complete": 302, "my approve": 302},
    Role.FUNCTIONAL_ADMIN: _NO_UI
    | {"templates": 200, "template add": 302, "template edit form": 200, "template edit": 302},
    **dict.fromkeys([r for r in NOBODY if r != Role.FUNCTIONAL_ADMIN], _NO_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam, caseworker):
    provider = ProviderFactory(municipality=amsterdam)
    person = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    plan = PlanFactory(job_seeker=person, in_effect=True)
    trajectory = TrajectoryFactory(
        job_seeker=person, programme=ProgrammeFactory(provider=provider), started=True
    )
    return SimpleNamespace(
        provider=provider,
        person=person,
        plan=plan,
        trajectory=trajectory,
        on_plan=ActionFactory(plan=plan),
        js_open=ActionFactory(trajectory=trajectory),
        js_awaiting=ActionFactory(trajectory=trajectory, awaiting=True),
        to_cancel=ActionFactory(trajectory=trajectory, description="Sollicitatiebrief"),
        coach_open=ActionFactory(trajectory=trajectory, owner="coach"),
        cp_awaiting=ActionFactory(plan=plan, owner="contact_person", awaiting=True),
        template=ActionTemplateFactory(municipality=amsterdam),
    )


def user_for(role, world, caseworker, zaandam):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.person)
    if role == Role.CASEWORKER:
        return caseworker
    if role == Role.COACH:
        return UserFactory.with_role(Role.COACH, organisation=world.provider.organisation)
    if role == OTHER_COACH:
        other = ProviderFactory(municipality=world.provider.municipality)
        return UserFactory.with_role(Role.COACH, organisation=other.organisation)
    if role == OTHER_MUNICIPALITY:
        return UserFactory.with_role(Role.CASEWORKER, municipality=zaandam)
    return UserFactory.with_role(role, municipality=world.person.municipality)


def state():
    return (
        list(Action.objects.order_by("pk").values()),
        list(StatusChange.objects.order_by("pk").values()),
        list(ActionTemplate.objects.order_by("pk").values()),
        list(Plan.objects.order_by("pk").values("pk", "version", "actions_need_approval")),
    )


NEW = {"description": "Kennismaking werkgever", "owner": "job_seeker", "dueOn": "2026-12-10"}


def call_api(client, action, world):
    match action:
        case "plan list":
            return client.get(f"/api/v1/plans/{world.plan.pk}/actions")
        case "plan create":
            return client.post(f"/api/v1/plans/{world.plan.pk}/actions", NEW, format="json")
        case "trajectory list":
            return client.get(f"/api/v1/trajectories/{world.trajectory.pk}/actions")
        case "trajectory create":
            return client.post(
                f"/api/v1/trajectories/{world.trajectory.pk}/actions", NEW, format="json"
            )
        case "read":
            return client.get(f"/api/v1/actions/{world.js_open.pk}")
        case "complete":
            return client.post(f"/api/v1/actions/{world.js_open.pk}/completion", {}, format="json")
        case "approve":
            return client.post(
                f"/api/v1/actions/{world.js_awaiting.pk}/approval", {}, format="json"
            )
        case "cancel":
            return client.post(
                f"/api/v1/actions/{world.to_cancel.pk}/cancellation",
                {"reason": "Niet meer nodig."},
                format="json",
            )


@pytest.mark.parametrize("action", API_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_api(role, action, world, caseworker, zaandam):
    client = api_client(user_for(role, world, caseworker, zaandam))
    before = state()
    response = call_api(client, action, world)
    expected = API_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if expected >= 400 or action.endswith(("list", "read")) or action == "read":
        assert state() == before
    else:
        assert state() != before


FORM = {"description": "Kennismaking werkgever", "owner": "job_seeker", "due_on": "2026-12-10"}
TEMPLATE = {"description": "Inschrijven bij werk.nl", "owner": "job_seeker", "term_days": "7"}


def call_ui(client, action, world):
    match action:
        case "list":
            return client.get("/acties/")
        case "read":
            return client.get(f"/acties/{world.on_plan.pk}/")
        case "complete":
            return client.post(f"/acties/{world.coach_open.pk}/klaar/", {})
        case "approve":
            return client.post(f"/acties/{world.js_awaiting.pk}/goedkeuring/", {"approved": "yes"})
        case "cancel":
            return client.post(f"/acties/{world.to_cancel.pk}/annulering/", {"reason": "Weg."})
        case "plan create form":
            return client.get(f"/acties/plan/{world.plan.pk}/nieuw/")
        case "plan create":
            return client.post(f"/acties/plan/{world.plan.pk}/nieuw/", FORM)
        case "plan activities":
            return client.post(f"/acties/plan/{world.plan.pk}/uit-afspraken/")
        case "plan approval":
            return client.post(
                f"/acties/plan/{world.plan.pk}/goedkeuring/", {"needs_approval": "on"}
            )
        case "trajectory create form":
            return client.get(f"/acties/traject/{world.trajectory.pk}/nieuw/")
        case "trajectory create":
            return client.post(f"/acties/traject/{world.trajectory.pk}/nieuw/", FORM)
        case "templates":
            return client.get("/acties/sjablonen/")
        case "template add":
            return client.post("/acties/sjablonen/", TEMPLATE)
        case "template edit form":
            return client.get(f"/acties/sjablonen/{world.template.pk}/")
        case "template edit":
            return client.post(f"/acties/sjablonen/{world.template.pk}/", TEMPLATE)
        case "my list":
            return client.get("/mijn/acties/")
        case "my complete":
            return client.post(f"/mijn/acties/{world.js_open.pk}/klaar/", {})
        case "my approve":
            return client.post(
                f"/mijn/acties/{world.cp_awaiting.pk}/goedkeuring/", {"approved": "yes"}
            )


UI_WRITES = {
    "complete",
    "approve",
    "cancel",
    "plan create",
    "plan activities",
    "plan approval",
    "trajectory create",
    "template add",
    "template edit",
    "my complete",
    "my approve",
}


@pytest.mark.parametrize("action", UI_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_ui(role, action, world, caseworker, zaandam, settings):
    settings.WERKPAD_STAFF_2FA = False
    client = page_client(user_for(role, world, caseworker, zaandam))
    before = state()
    response = call_ui(client, action, world)
    expected = UI_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if role == ANONYMOUS:
        assert response["Location"].startswith("/accounts/login/?next=")
    if action in UI_WRITES and expected == 302 and role != ANONYMOUS:
        assert state() != before
    else:
        assert state() == before
