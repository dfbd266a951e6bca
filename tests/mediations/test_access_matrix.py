"""Who may do what with mediations (RI4): every role x every action, API and UI.

* the caseworkers of the municipality ask for one, appoint the mediator, record the
  sessions and the outcome, withdraw;
* the job seeker asks about their own trajectory, reads it with the notes, withdraws;
* the coaches of the trajectory's provider (the other party) read it without the notes
  and change nothing; a coach of another provider sees none of it;
* every other role sees nothing; without a login the API answers 401, a page the login.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from tests.secondopinions.factories import MediationFactory
from werkpad.core.permissions import Role
from werkpad.mediations.models import MediationRequest, Session, StatusChange

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM), tick=False),
]

ANONYMOUS = "anonymous"
OTHER_COACH = "coach of another provider"
ROLES = [*Role, OTHER_COACH, ANONYMOUS]
NOBODY = [
    Role.EMPLOYER_ADVISOR,
    Role.EMPLOYER,
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
    Role.COUNCIL_MEMBER,
    Role.POLICY_OFFICER,
    Role.FUNCTIONAL_ADMIN,
]
ACTIONS = ["appoint", "session", "conclude", "withdraw"]
API_ACTIONS = ["list", "read", "read another municipality's", "create", *ACTIONS]
_NONE_API = dict.fromkeys(API_ACTIONS, 404) | {"list": 403, "create": 403}
API_EXPECTED = {
    Role.CASEWORKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "create": 201,
        **dict.fromkeys(ACTIONS, 200),
    },
    Role.JOB_SEEKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "create": 201,
        **dict.fromkeys(ACTIONS, 403),
        "withdraw": 200,
    },
    Role.COACH: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "create": 403,
        **dict.fromkeys(ACTIONS, 403),
    },
    OTHER_COACH: _NONE_API | {"list": 200},
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

STAFF = ["list", "read", "read another municipality's", "request form", "request", *ACTIONS]
OWN = ["my list", "my request form", "my request", "my read", "my withdraw"]
UI_ACTIONS = [*STAFF, *OWN]
#: Someone who is not a job seeker finds no page of a job seeker's own mediation.
_NO_UI = dict.fromkeys(UI_ACTIONS, 403) | {"my read": 404}
UI_EXPECTED = {
    Role.CASEWORKER: _NO_UI
    | {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "request form": 200,
        "request": 302,
        **dict.fromkeys(ACTIONS, 302),
    },
    Role.COACH: _NO_UI | {"list": 200, "read": 200, "read another municipality's": 404},
    OTHER_COACH: _NO_UI | {"list": 200, "read": 404, "read another municipality's": 404},
    Role.JOB_SEEKER: _NO_UI
    | {
        "my list": 200,
        "my request form": 200,
        "my request": 302,
        "my read": 200,
        "my withdraw": 302,
    },
    **dict.fromkeys(NOBODY, _NO_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam, caseworker):
    provider = ProviderFactory(municipality=amsterdam)
    person = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, last_name="Timmerhuis-Oost"
    )

    def trajectory():
        return TrajectoryFactory(
            job_seeker=person, programme=ProgrammeFactory(provider=provider), started=True
        )

    running = trajectory()
    return SimpleNamespace(
        provider=provider,
        person=person,
        free=trajectory(),
        requested=MediationFactory(trajectory=running),
        appointed=MediationFactory(trajectory=trajectory(), appointed=True),
        in_progress=MediationFactory(trajectory=trajectory(), in_progress=True),
        other=MediationFactory(
            trajectory=TrajectoryFactory(job_seeker=JobSeekerFactory(municipality=zaandam))
        ),
    )


def user_for(role, world, caseworker):
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
    return UserFactory.with_role(role, municipality=world.person.municipality)


def state():
    return (
        list(MediationRequest.objects.order_by("pk").values()),
        list(Session.objects.order_by("pk").values()),
        list(StatusChange.objects.order_by("pk").values()),
    )


APPOINT = {"name": "Mr. De Boer", "organisation": "Mediation Noord"}
SESSION = {"notes": "Eerste gesprek."}
OUTCOME = {"outcome": "agreement", "text": "Individuele begeleiding."}


def call_api(client, action, world):
    base = "/api/v1/mediations"
    match action:
        case "list":
            return client.get(base)
        case "read":
            return client.get(f"{base}/{world.requested.pk}")
        case "read another municipality's":
            return client.get(f"{base}/{world.other.pk}")
        case "create":
            return client.post(
                base, {"trajectory": world.free.pk, "reason": "Oneens."}, format="json"
            )
        case "appoint":
            return client.post(
                f"{base}/{world.requested.pk}/mediator-appointment", APPOINT, format="json"
            )
        case "session":
            return client.post(
                f"{base}/{world.appointed.pk}/sessions",
                {"heldOn": "2026-11-20", **SESSION},
                format="json",
            )
        case "conclude":
            return client.post(f"{base}/{world.in_progress.pk}/outcome", OUTCOME, format="json")
        case "withdraw":
            return client.post(
                f"{base}/{world.requested.pk}/withdrawal", {"reason": "Opgelost."}, format="json"
            )


@pytest.mark.parametrize("action", API_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_api(role, action, world, caseworker):
    user = user_for(role, world, caseworker)
    client = APIClient()
    if user is not None:
        client.force_authenticate(user=user)
    before = state()
    response = call_api(client, action, world)
    expected = API_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if expected >= 400 or action.startswith(("read", "list")):
        assert state() == before
    else:
        assert state() != before


def call_ui(client, action, world):
    base = "/bemiddelingen"
    match action:
        case "list":
            return client.get(f"{base}/")
        case "read":
            return client.get(f"{base}/{world.requested.pk}/")
        case "read another municipality's":
            return client.get(f"{base}/{world.other.pk}/")
        case "request form":
            return client.get(f"{base}/aanvragen/{world.person.pk}/")
        case "request":
            return client.post(
                f"{base}/aanvragen/{world.person.pk}/",
                {"trajectory": world.free.pk, "reason": "Oneens."},
            )
        case "appoint":
            return client.post(f"{base}/{world.requested.pk}/bemiddelaar/", APPOINT)
        case "session":
            return client.post(
                f"{base}/{world.appointed.pk}/gesprek/", {"held_on": "2026-11-20", **SESSION}
            )
        case "conclude":
            return client.post(f"{base}/{world.in_progress.pk}/uitkomst/", OUTCOME)
        case "withdraw":
            return client.post(f"{base}/{world.requested.pk}/intrekking/", {"reason": "Opgelost."})
        case "my list":
            return client.get("/mijn/bemiddelingen/")
        case "my request form":
            return client.get("/mijn/bemiddelingen/aanvragen/")
        case "my request":
            return client.post(
                "/mijn/bemiddelingen/aanvragen/", {"trajectory": world.free.pk, "reason": "Oneens."}
            )
        case "my read":
            return client.get(f"/mijn/bemiddelingen/{world.requested.pk}/")
        case "my withdraw":
            return client.post(
                f"/mijn/bemiddelingen/{world.requested.pk}/intrekken/", {"reason": "Opgelost."}
            )


UI_WRITES = {"request", *ACTIONS, "my request", "my withdraw"}


@pytest.mark.parametrize("action", UI_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_ui(role, action, world, caseworker, settings):
    settings.WERKPAD_STAFF_2FA = False
    user = user_for(role, world, caseworker)
    client = Client()
    if user is not None:
        client.force_login(user)
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


def test_the_coach_reads_no_notes(world, caseworker):
    coach = user_for(Role.COACH, world, caseworker)
    client = APIClient()
    client.force_authenticate(user=coach)
    sessions = client.get(f"/api/v1/mediations/{world.in_progress.pk}").json()["sessions"]
    assert [s["notes"] for s in sessions] == [None]
    page = Client()
    page.force_login(coach)
    assert (
        "Eerste gesprek" not in page.get(f"/bemiddelingen/{world.in_progress.pk}/").content.decode()
    )
