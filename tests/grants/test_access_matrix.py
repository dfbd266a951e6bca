"""Who may do what with grants and budgets (IN2): every role x every endpoint, API and UI.

* caseworkers of the municipality: grant, read and cancel grants; read the budgets;
* the policy officer: reads the budgets and sets them, never a job seeker's grant;
* the functional administrator: reads the budgets;
* a caseworker of another municipality sees none of this municipality's grants or budgets;
* every other role sees nothing; without a login the API answers 401 and a page sends to
  the login.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.access import api_client, page_client
from tests.factories import JobSeekerFactory, UserFactory, job_seeker_login
from tests.grants.conftest import NOW
from tests.grants.factories import BudgetFactory, GrantFactory
from werkpad.core.permissions import Role
from werkpad.grants.models import Budget, BudgetChange, Grant

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(NOW, tick=False),
]

ANONYMOUS = "anonymous"
OTHER_MUNICIPALITY = "caseworker of another municipality"
ROLES = [*Role, OTHER_MUNICIPALITY, ANONYMOUS]
NOBODY = [
    Role.COACH,
    Role.EMPLOYER_ADVISOR,
    Role.EMPLOYER,
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
    Role.COUNCIL_MEMBER,
]

API_ACTIONS = ["list", "create", "read", "cancel", "budget list", "budget set"]
_NONE_API = {
    "list": 403,
    "create": 404,
    "read": 404,
    "cancel": 404,
    "budget list": 403,
    "budget set": 403,
}
API_EXPECTED = {
    Role.CASEWORKER: {
        "list": 200,
        "create": 201,
        "read": 200,
        "cancel": 200,
        "budget list": 200,
        "budget set": 403,
    },
    Role.POLICY_OFFICER: _NONE_API | {"budget list": 200, "budget set": 200},
    Role.FUNCTIONAL_ADMIN: _NONE_API | {"budget list": 200},
    # the job seeker sees their own file, but grants are the municipality's
    Role.JOB_SEEKER: _NONE_API | {"create": 403},
    OTHER_MUNICIPALITY: _NONE_API | {"list": 200, "budget list": 200},
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = ["budgets", "budget form", "budget set", "grant form", "grant create", "cancel"]
_NO_UI = dict.fromkeys(UI_ACTIONS, 403)
UI_EXPECTED = {
    Role.CASEWORKER: _NO_UI
    | {"budgets": 200, "grant form": 200, "grant create": 302, "cancel": 302},
    Role.POLICY_OFFICER: _NO_UI | {"budgets": 200, "budget form": 200, "budget set": 302},
    Role.FUNCTIONAL_ADMIN: _NO_UI | {"budgets": 200},
    Role.JOB_SEEKER: _NO_UI,
    OTHER_MUNICIPALITY: _NO_UI
    | {"budgets": 200, "grant form": 404, "grant create": 404, "cancel": 404},
    **dict.fromkeys(NOBODY, _NO_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, caseworker):
    person = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    grant = GrantFactory(job_seeker=person)
    budget = BudgetFactory(instrument=grant.instrument)
    return SimpleNamespace(person=person, grant=grant, budget=budget, instrument=grant.instrument)


def user_for(role, world, caseworker, zaandam):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.person)
    if role == Role.CASEWORKER:
        return caseworker
    if role == OTHER_MUNICIPALITY:
        return UserFactory.with_role(Role.CASEWORKER, municipality=zaandam)
    return UserFactory.with_role(role, municipality=world.person.municipality)


def state():
    return (
        list(Grant.objects.order_by("pk").values()),
        list(Budget.objects.order_by("pk").values()),
        list(BudgetChange.objects.order_by("pk").values()),
    )


def call_api(client, action, world):
    match action:
        case "list":
            return client.get("/api/v1/grants")
        case "create":
            return client.post(
                "/api/v1/grants",
                {
                    "jobSeeker": world.person.pk,
                    "instrument": world.instrument.pk,
                    "amount": "250.00",
                    "reason": "Sollicitatietraining.",
                },
                format="json",
            )
        case "read":
            return client.get(f"/api/v1/grants/{world.grant.pk}")
        case "cancel":
            return client.post(
                f"/api/v1/grants/{world.grant.pk}/cancellation",
                {"reason": "Niet gestart."},
                format="json",
            )
        case "budget list":
            return client.get("/api/v1/budgets?year=2026")
        case "budget set":
            return client.put(
                f"/api/v1/budgets/2026/{world.instrument.pk}",
                {
                    "version": 1,
                    "amount": "12000.00",
                    "nonBenefitAmount": "3000.00",
                    "reasons": "Meer vraag.",
                },
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
    if expected >= 400 or action in ("list", "read", "budget list"):
        assert state() == before
    else:
        assert state() != before


def call_ui(client, action, world):
    match action:
        case "budgets":
            return client.get("/budgetten/")
        case "budget form":
            return client.get(f"/budgetten/2026/{world.instrument.pk}/")
        case "budget set":
            return client.post(
                f"/budgetten/2026/{world.instrument.pk}/",
                {
                    "version": "1",
                    "amount": "12000",
                    "non_benefit_amount": "3000",
                    "reasons": "Meer vraag.",
                },
            )
        case "grant form":
            return client.get(f"/subsidies/nieuw/{world.person.pk}/")
        case "grant create":
            return client.post(
                f"/subsidies/nieuw/{world.person.pk}/",
                {"instrument": world.instrument.pk, "amount": "250", "reason": "Training."},
            )
        case "cancel":
            return client.post(
                f"/subsidies/{world.grant.pk}/intrekken/", {"reason": "Niet gestart."}
            )


UI_WRITES = {"budget set", "grant create", "cancel"}


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
