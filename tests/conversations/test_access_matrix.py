"""Who may do what with messages (WT2): every role x every action, API and UI.

* the job seeker reads and writes their own conversations;
* the caseworkers of the municipality read every conversation of the file, write to the
  job seeker in the contact person's, and in the coach's once they joined it;
* the coaches of the trajectory's provider read and write its conversation only while
  it runs; a coach of another provider sees none of it;
* a conversation of an ended trajectory is read only; every other role sees nothing;
  without a login the API answers 401, a page the login;
* the staff profile (away and stand-in) is for staff.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.conversations.conftest import MONDAY
from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.accounts.models import User
from werkpad.conversations import services
from werkpad.conversations.models import Conversation, Message, Participant
from werkpad.core.permissions import STAFF_ROLES, Role

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(MONDAY, tick=False),
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

API_ACTIONS = [
    "list",
    "read",
    "read coach's",
    "read ended",
    "read another municipality's",
    "messages",
    "write",
    "write coach's",
    "write ended",
    "start",
    "start with the coach",
]
_NONE_API = dict.fromkeys(API_ACTIONS, 404) | {"list": 403}
API_EXPECTED = {
    Role.CASEWORKER: dict.fromkeys(API_ACTIONS, 200)
    | {
        "read another municipality's": 404,
        "write": 201,
        "write coach's": 403,  # not joined
        "write ended": 403,
        "start": 201,
        "start with the coach": 403,  # not joined
    },
    Role.JOB_SEEKER: dict.fromkeys(API_ACTIONS, 200)
    | {
        "read another municipality's": 404,
        "write": 201,
        "write coach's": 201,
        "write ended": 403,
        "start": 201,
        "start with the coach": 201,
    },
    Role.COACH: _NONE_API
    | {"list": 200, "read coach's": 200, "write coach's": 201, "start with the coach": 201},
    OTHER_COACH: _NONE_API | {"list": 200},
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

STAFF = [
    "list",
    "read",
    "read coach's",
    "read ended",
    "read another municipality's",
    "start form",
    "start",
    "start with the coach",
    "answer",
    "answer coach's",
    "join",
]
OWN = ["my list", "my start form", "my start", "my read", "my answer"]
PROFILE = ["profile", "set away"]
UI_ACTIONS = [*STAFF, *OWN, *PROFILE]
#: Someone who is not a job seeker finds no page of a job seeker's own conversation.
_NO_UI = dict.fromkeys(UI_ACTIONS, 403) | {"my read": 404, "my answer": 404}
_STAFF_PROFILE = {"profile": 200, "set away": 302}
UI_EXPECTED = {
    Role.CASEWORKER: _NO_UI
    | _STAFF_PROFILE
    | {
        "list": 200,
        "read": 200,
        "read coach's": 200,
        "read ended": 200,
        "read another municipality's": 404,
        "start form": 200,
        "start": 302,
        "start with the coach": 400,  # not one of theirs to choose
        "answer": 302,
        "answer coach's": 403,
        "join": 302,
    },
    Role.COACH: _NO_UI
    | _STAFF_PROFILE
    | {
        "list": 200,
        "read": 404,
        "read coach's": 200,
        "read ended": 404,
        "read another municipality's": 404,
        "start form": 200,
        "start": 400,
        "start with the coach": 302,
        "answer": 404,
        "answer coach's": 302,
    },
    OTHER_COACH: _NO_UI
    | _STAFF_PROFILE
    | {
        "list": 200,
        **dict.fromkeys(
            [
                "read",
                "read coach's",
                "read ended",
                "read another municipality's",
                "start form",
                "start",
                "start with the coach",
                "answer",
                "answer coach's",
            ],
            404,
        ),
    },
    Role.JOB_SEEKER: _NO_UI
    | {
        "my list": 200,
        "my start form": 200,
        "my start": 302,
        "my read": 200,
        "my answer": 302,
    },
    **{role: _NO_UI | (_STAFF_PROFILE if role in STAFF_ROLES else {}) for role in NOBODY},
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
    login = job_seeker_login(person)
    first_coach = UserFactory.with_role(Role.COACH, organisation=provider.organisation)
    running = TrajectoryFactory(
        job_seeker=person, programme=ProgrammeFactory(provider=provider), started=True
    )
    ended = TrajectoryFactory(
        job_seeker=person, programme=ProgrammeFactory(provider=provider), started=True
    )
    contact = services.message_start(user=login, job_seeker_id=person.pk, body="Vraag")
    with_coach = services.message_start(
        user=first_coach, job_seeker_id=person.pk, trajectory_id=running.pk, body="Welkom"
    )
    closed = services.message_start(
        user=first_coach, job_seeker_id=person.pk, trajectory_id=ended.pk, body="Tot ziens"
    )
    ended.status = "completed"
    ended.ended_on = dt.date(2026, 11, 20)
    ended.save()
    elsewhere = JobSeekerFactory(municipality=zaandam)
    other = services.message_start(
        user=job_seeker_login(elsewhere), job_seeker_id=elsewhere.pk, body="Elders"
    )
    return SimpleNamespace(
        provider=provider,
        person=person,
        login=login,
        running=running,
        contact=contact.conversation_id,
        coach=with_coach.conversation_id,
        ended=closed.conversation_id,
        other=other.conversation_id,
    )


def user_for(role, world, caseworker):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return world.login
    if role == Role.CASEWORKER:
        return caseworker
    if role == Role.COACH:
        return UserFactory.with_role(Role.COACH, organisation=world.provider.organisation)
    if role == OTHER_COACH:
        other = ProviderFactory(municipality=world.provider.municipality)
        return UserFactory.with_role(Role.COACH, organisation=other.organisation)
    return UserFactory.with_role(role, municipality=world.person.municipality)


def content():
    return (
        list(Conversation.objects.order_by("pk").values()),
        list(Message.objects.order_by("pk").values()),
    )


def state():
    """Everything: the conversations, the messages, who read and joined what, and
    everyone's away and stand-in."""
    return (
        *content(),
        list(Participant.objects.order_by("pk").values()),
        list(User.objects.order_by("pk").values_list("pk", "away_until", "stand_in_id")),
    )


BODY = {"body": "Kunnen we morgen bellen?"}


def call_api(client, action, world):
    base = "/api/v1/conversations"
    match action:
        case "list":
            return client.get(base)
        case "read":
            return client.get(f"{base}/{world.contact}")
        case "read coach's":
            return client.get(f"{base}/{world.coach}")
        case "read ended":
            return client.get(f"{base}/{world.ended}")
        case "read another municipality's":
            return client.get(f"{base}/{world.other}")
        case "messages":
            return client.get(f"{base}/{world.contact}/messages")
        case "write":
            return client.post(f"{base}/{world.contact}/messages", BODY, format="json")
        case "write coach's":
            return client.post(f"{base}/{world.coach}/messages", BODY, format="json")
        case "write ended":
            return client.post(f"{base}/{world.ended}/messages", BODY, format="json")
        case "start":
            return client.post(base, {**BODY, "jobSeeker": world.person.pk}, format="json")
        case "start with the coach":
            return client.post(
                base,
                {**BODY, "jobSeeker": world.person.pk, "trajectory": world.running.pk},
                format="json",
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
    if expected >= 400:
        assert state() == before
    elif action.startswith(("read", "list", "messages")):
        assert content() == before[:2]
    else:
        assert content() != before[:2]


def call_ui(client, action, world):
    base = "/berichten"
    match action:
        case "list":
            return client.get(f"{base}/")
        case "read":
            return client.get(f"{base}/{world.contact}/")
        case "read coach's":
            return client.get(f"{base}/{world.coach}/")
        case "read ended":
            return client.get(f"{base}/{world.ended}/")
        case "read another municipality's":
            return client.get(f"{base}/{world.other}/")
        case "start form":
            return client.get(f"{base}/nieuw/{world.person.pk}/")
        case "start":
            return client.post(f"{base}/nieuw/{world.person.pk}/", {"to": "contact", **BODY})
        case "start with the coach":
            return client.post(
                f"{base}/nieuw/{world.person.pk}/", {"to": str(world.running.pk), **BODY}
            )
        case "answer":
            return client.post(f"{base}/{world.contact}/", BODY)
        case "answer coach's":
            return client.post(f"{base}/{world.coach}/", BODY)
        case "join":
            return client.post(f"{base}/{world.coach}/aansluiten/")
        case "my list":
            return client.get("/mijn/berichten/")
        case "my start form":
            return client.get("/mijn/berichten/nieuw/")
        case "my start":
            return client.post("/mijn/berichten/nieuw/", {"to": "contact", **BODY})
        case "my read":
            return client.get(f"/mijn/berichten/{world.contact}/")
        case "my answer":
            return client.post(f"/mijn/berichten/{world.coach}/", BODY)
        case "profile":
            return client.get("/accounts/profiel/")
        case "set away":
            return client.post("/accounts/profiel/", {"away_until": "", "stand_in": ""})


UI_WRITES = {
    "start",
    "start with the coach",
    "answer",
    "answer coach's",
    "join",
    "my start",
    "my answer",
}


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
    elif expected == 200:
        assert content() == before[:2]  # reading marks the thread read, nothing else
    else:
        assert state() == before
