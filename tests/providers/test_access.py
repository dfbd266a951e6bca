"""Who may do what with the catalogue (PR2), the provider register (PR1) and the
instruments (IN1): every role x every action, API and UI.

The table below is the access design (DESIGN.md "Tenancy, roles, access"):

* caseworkers, policy officers and functional administrators read their own
  municipality's providers, programmes and instruments, and nothing of another;
* policy officers and functional administrators register and change providers
  and programmes; only the functional administrator changes instruments;
* a provider's coach reads their own provider and its programmes, and changes nothing;
* every other role reads only the public pages, which need no login at all;
* without a login the API answers 401 and the staff pages send you to the login page.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.factories import (
    InstrumentFactory,
    JobSeekerFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProviderFactory,
    job_seeker_login,
)
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role
from werkpad.instruments.models import Instrument
from werkpad.providers.models import Programme, Provider

pytestmark = [pytest.mark.django_db, pytest.mark.access_matrix]

ANONYMOUS = "anonymous"
ROLES = [*Role, ANONYMOUS]
READERS = [Role.CASEWORKER, Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN]
EDITORS = [Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN]
OUTSIDERS = [
    Role.JOB_SEEKER,
    Role.EMPLOYER_ADVISOR,
    Role.EMPLOYER,
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
    Role.COUNCIL_MEMBER,
]

API_ACTIONS = [
    "list programmes",
    "read programme",
    "read another municipality's programme",
    "create programme",
    "update programme",
    "list providers",
    "read provider",
    "create provider",
    "update provider",
    "list instruments",
    "read instrument",
    "create instrument",
    "update instrument",
    "deactivate instrument",
]

_OUTSIDER_API = dict.fromkeys(API_ACTIONS, 404) | {
    "list programmes": 403,
    "create programme": 403,
    "list providers": 403,
    "create provider": 403,
    "list instruments": 403,
    "create instrument": 403,
}
API_EXPECTED = {
    Role.FUNCTIONAL_ADMIN: dict.fromkeys(API_ACTIONS, 200)
    | {
        "read another municipality's programme": 404,
        "create programme": 201,
        "create provider": 201,
        "create instrument": 201,
    },
    Role.POLICY_OFFICER: dict.fromkeys(API_ACTIONS, 200)
    | {
        "read another municipality's programme": 404,
        "create programme": 201,
        "create provider": 201,
        "create instrument": 403,
        "update instrument": 403,
        "deactivate instrument": 403,
    },
    Role.CASEWORKER: dict.fromkeys(API_ACTIONS, 200)
    | {
        "read another municipality's programme": 404,
        "create programme": 403,
        "update programme": 403,
        "create provider": 403,
        "update provider": 403,
        "create instrument": 403,
        "update instrument": 403,
        "deactivate instrument": 403,
    },
    Role.COACH: _OUTSIDER_API
    | {
        "list programmes": 200,
        "read programme": 200,
        "list providers": 200,
        "read provider": 200,
    },
    **dict.fromkeys(OUTSIDERS, _OUTSIDER_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = [
    "catalogue",
    "programme page",
    "another municipality's programme page",
    "programme edit form",
    "programme edit",
    "new programme form",
    "provider list",
    "provider page",
    "provider edit form",
    "instrument list",
    "instrument edit form",
    "instrument deactivate",
    "new instrument form",
    "add instrument",
    "add the default instruments",
    "public programme page",
    "public index",
]

_PUBLIC = {"public programme page": 200, "public index": 200}
#: Only the functional administrator adds instruments; anyone else is refused.
_NO_INSTRUMENT_ADDING = {
    "new instrument form": 403,
    "add instrument": 403,
    "add the default instruments": 403,
}
_OUTSIDER_UI = (
    dict.fromkeys(UI_ACTIONS, 404)
    | {"catalogue": 403, "provider list": 403, "instrument list": 403}
    | _NO_INSTRUMENT_ADDING
    | _PUBLIC
)
UI_EXPECTED = {
    Role.FUNCTIONAL_ADMIN: dict.fromkeys(UI_ACTIONS, 200)
    | {
        "another municipality's programme page": 404,
        "programme edit": 302,
        "instrument deactivate": 302,
        "add instrument": 302,
        "add the default instruments": 302,
    },
    Role.POLICY_OFFICER: dict.fromkeys(UI_ACTIONS, 200)
    | {
        "another municipality's programme page": 404,
        "programme edit": 302,
        "instrument edit form": 403,
        "instrument deactivate": 403,
    }
    | _NO_INSTRUMENT_ADDING,
    Role.CASEWORKER: dict.fromkeys(UI_ACTIONS, 200)
    | {
        "another municipality's programme page": 404,
        "programme edit form": 403,
        "programme edit": 403,
        "new programme form": 403,
        "provider edit form": 403,
        "instrument edit form": 403,
        "instrument deactivate": 403,
    }
    | _NO_INSTRUMENT_ADDING,
    Role.COACH: _OUTSIDER_UI
    | {
        "catalogue": 200,
        "programme page": 200,
        "programme edit form": 403,
        "programme edit": 403,
        "new programme form": 403,
        "provider list": 200,
        "provider page": 200,
        "provider edit form": 403,
    },
    **dict.fromkeys(OUTSIDERS, _OUTSIDER_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302) | _PUBLIC,
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam):
    provider = ProviderFactory(municipality=amsterdam, name="Amstelwerk")
    return SimpleNamespace(
        provider=provider,
        programme=ProgrammeFactory(provider=provider, slug="werkfit", name="Werkfit"),
        other=ProgrammeFactory(provider=ProviderFactory(municipality=zaandam), slug="zaans"),
        instrument=InstrumentFactory(municipality=amsterdam, name="Jobcoach"),
        unregistered=OrganisationFactory(
            municipality=amsterdam,
            kind=Organisation.Kind.PROVIDER,
            name="Nieuw bureau",
            kvk_number="11223344",
        ),
    )


def user_for(role, world, role_user):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(JobSeekerFactory(municipality=world.provider.municipality))
    if role == Role.COACH:
        return role_user(role, organisation=world.provider.organisation)
    return role_user(role)


def state():
    """Everything a write could change."""
    return (
        list(Programme.objects.order_by("pk").values()),
        list(Programme.instruments.through.objects.order_by("pk").values()),
        list(Provider.objects.order_by("pk").values()),
        list(Provider.affiliated_organisations.through.objects.order_by("pk").values()),
        list(Instrument.objects.order_by("pk").values()),
    )


NEW_PROGRAMME = {
    "name": "Matrixtraject",
    "lot": 2,
    "goal": "Meedoen.",
    "content": "Groepsactiviteiten.",
    "plainSummary": "U doet mee in een groep.",
    "rungFrom": 1,
    "rungTo": 3,
    "durationWeeks": 20,
    "price": "1500.00",
    "format": "group",
}


def call_api(client, action, world):
    programme, instrument = world.programme, world.instrument
    match action:
        case "list programmes":
            return client.get("/api/v1/programmes")
        case "read programme":
            return client.get(f"/api/v1/programmes/{programme.pk}")
        case "read another municipality's programme":
            return client.get(f"/api/v1/programmes/{world.other.pk}")
        case "create programme":
            return client.post(
                "/api/v1/programmes",
                {**NEW_PROGRAMME, "provider": world.provider.pk},
                format="json",
            )
        case "update programme":
            return client.patch(
                f"/api/v1/programmes/{programme.pk}",
                {"version": 1, "name": "Gewijzigd"},
                format="json",
            )
        case "list providers":
            return client.get("/api/v1/providers")
        case "read provider":
            return client.get(f"/api/v1/providers/{world.provider.pk}")
        case "create provider":
            return client.post(
                "/api/v1/providers", {"organisation": world.unregistered.pk}, format="json"
            )
        case "update provider":
            return client.patch(
                f"/api/v1/providers/{world.provider.pk}",
                {"version": 1, "phone": "020-1"},
                format="json",
            )
        case "list instruments":
            return client.get("/api/v1/instruments")
        case "read instrument":
            return client.get(f"/api/v1/instruments/{instrument.pk}")
        case "create instrument":
            return client.post(
                "/api/v1/instruments", {"type": "training", "name": "Matrix"}, format="json"
            )
        case "update instrument":
            return client.patch(
                f"/api/v1/instruments/{instrument.pk}", {"version": 1, "name": "X"}, format="json"
            )
        case "deactivate instrument":
            return client.post(
                f"/api/v1/instruments/{instrument.pk}/deactivation", {"version": 1}, format="json"
            )
    raise AssertionError(action)


WRITES_API = {
    "create programme",
    "update programme",
    "create provider",
    "update provider",
    "create instrument",
    "update instrument",
    "deactivate instrument",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", API_ACTIONS)
def test_api(api, role, action, world, role_user):
    user = user_for(role, world, role_user)
    if user is not None:
        api.as_user(user)
    before = state()
    response = call_api(api, action, world)
    expected = API_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if expected >= 400:
        assert response["Content-Type"] == "application/problem+json"
        assert state() == before, "a refused request changed something"
    elif action not in WRITES_API:
        assert state() == before


def programme_post(programme) -> dict:
    return {
        "version": programme.version,
        "name": "Gewijzigd",
        "lot": programme.lot,
        "format": programme.format,
        "rung_from": programme.rung_from,
        "rung_to": programme.rung_to,
        "duration_weeks": programme.duration_weeks,
        "price": str(programme.price),
        "report_interval_weeks": programme.report_interval_weeks,
        "plain_summary": programme.plain_summary,
        "goal": programme.goal,
        "content": programme.content,
        "active": "on",
    }


def call_ui(client, action, world):
    programme, instrument, provider = world.programme, world.instrument, world.provider
    match action:
        case "catalogue":
            return client.get("/trajectaanbod/")
        case "programme page":
            return client.get(f"/trajectaanbod/{programme.pk}/")
        case "another municipality's programme page":
            return client.get(f"/trajectaanbod/{world.other.pk}/")
        case "programme edit form":
            return client.get(f"/trajectaanbod/{programme.pk}/wijzigen/")
        case "programme edit":
            return client.post(
                f"/trajectaanbod/{programme.pk}/wijzigen/", programme_post(programme)
            )
        case "new programme form":
            return client.get(f"/aanbieders/{provider.pk}/nieuw-traject/")
        case "provider list":
            return client.get("/aanbieders/")
        case "provider page":
            return client.get(f"/aanbieders/{provider.pk}/")
        case "provider edit form":
            return client.get(f"/aanbieders/{provider.pk}/wijzigen/")
        case "instrument list":
            return client.get("/instrumenten/")
        case "instrument edit form":
            return client.get(f"/instrumenten/{instrument.pk}/wijzigen/")
        case "instrument deactivate":
            return client.post(f"/instrumenten/{instrument.pk}/deactiveren/", {"version": 1})
        case "new instrument form":
            return client.get("/instrumenten/nieuw/")
        case "add instrument":
            return client.post(
                "/instrumenten/nieuw/", {"type": "training", "name": "Matrix", "active": "on"}
            )
        case "add the default instruments":
            return client.post("/instrumenten/standaard/")
        case "public programme page":
            return client.get(f"/aanbod/{programme.slug}/")
        case "public index":
            return client.get("/aanbod/")
    raise AssertionError(action)


UI_WRITES = {
    "programme edit",
    "instrument deactivate",
    "add instrument",
    "add the default instruments",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", UI_ACTIONS)
def test_ui(client, role, action, world, role_user):
    user = user_for(role, world, role_user)
    if user is not None:
        client.force_login(user)
    before = state()
    response = call_ui(client, action, world)
    expected = UI_EXPECTED[role][action]
    assert response.status_code == expected, (role, action)
    if expected == 302 and role == ANONYMOUS:
        assert "/accounts/login/" in response["Location"]
    if expected >= 400 or role == ANONYMOUS or action not in UI_WRITES:
        assert state() == before, "a refused request changed something"
    else:
        assert state() != before
