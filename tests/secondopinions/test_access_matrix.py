"""Who may do what with second opinions (RI3): every role x every action, API and UI.

* the caseworkers of the municipality see them all, refer, assign, record the other
  expert and the meeting, decide and withdraw; they do not write the advice;
* the advisor sees only the second opinions assigned to them and writes the advice: a
  second advisor of the same office and an advisor of another office see nothing of it;
* the job seeker reads their own, asks for one, records another expert and withdraws;
* policy officers and the client council see the figures only; every other role nothing;
  without a login the API answers 401 and a page sends you to the login page.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import JobSeekerFactory, ProgrammeFactory, ProviderFactory, job_seeker_login
from tests.secondopinions.factories import ADVICE, SecondOpinionFactory
from werkpad.core.permissions import Role
from werkpad.secondopinions.models import SecondOpinion, StatusChange

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM), tick=False),
]

ANONYMOUS = "anonymous"
SAME_OFFICE = "another advisor of the same office"
OTHER_OFFICE = "an advisor of another office"
ROLES = [*Role, SAME_OFFICE, OTHER_OFFICE, ANONYMOUS]
NOBODY = [
    Role.COACH,
    Role.EMPLOYER_ADVISOR,
    Role.EMPLOYER,
    Role.COMPLAINT_HANDLER,
    Role.COUNCIL_MEMBER,
    Role.POLICY_OFFICER,
    Role.FUNCTIONAL_ADMIN,
]
ACTIONS = ["assign", "advise", "other expert", "meeting", "decide", "withdraw"]

API_ACTIONS = ["list", "read", "read another municipality's", "create", *ACTIONS]
_NONE_API = dict.fromkeys(API_ACTIONS, 404) | {"list": 403, "create": 403}
_OTHER_ADVISOR_API = dict.fromkeys(API_ACTIONS, 404) | {"list": 200, "create": 403}
API_EXPECTED = {
    Role.CASEWORKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "create": 201,
        "assign": 200,
        "advise": 403,
        "other expert": 200,
        "meeting": 200,
        "decide": 200,
        "withdraw": 200,
    },
    Role.ADVISOR: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "create": 403,
        "assign": 404,
        "advise": 200,
        "other expert": 403,
        "meeting": 403,
        "decide": 403,
        "withdraw": 403,
    },
    Role.JOB_SEEKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "create": 201,
        "assign": 403,
        "advise": 403,
        "other expert": 200,
        "meeting": 403,
        "decide": 403,
        "withdraw": 200,
    },
    SAME_OFFICE: _OTHER_ADVISOR_API,
    OTHER_OFFICE: _OTHER_ADVISOR_API,
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

STAFF_PAGES = ["list", "read", "read another municipality's", "referral form", *ACTIONS]
OWN_PAGES = [
    "my list",
    "my request form",
    "my request",
    "my read",
    "my other expert",
    "my withdraw",
]
UI_ACTIONS = [*STAFF_PAGES, "decision form", "figures", *OWN_PAGES]
#: Someone who is not a job seeker finds no page of a job seeker's own second opinion.
_NO_UI = dict.fromkeys(UI_ACTIONS, 403) | {"my read": 404}
_OTHER_ADVISOR_UI = (
    _NO_UI
    | dict.fromkeys(["read", "read another municipality's", *ACTIONS, "decision form"], 404)
    | {"list": 200}
)
UI_EXPECTED = {
    Role.CASEWORKER: _NO_UI
    | {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "referral form": 200,
        "assign": 302,
        "advise": 403,
        "other expert": 302,
        "meeting": 302,
        "decide": 302,
        "withdraw": 302,
        "decision form": 200,
    },
    Role.ADVISOR: _NO_UI
    | {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "assign": 404,
        "advise": 302,
    },
    Role.JOB_SEEKER: _NO_UI
    | {
        "my list": 200,
        "my request form": 200,
        "my request": 302,
        "my read": 200,
        "my other expert": 302,
        "my withdraw": 302,
    },
    SAME_OFFICE: _OTHER_ADVISOR_UI,
    OTHER_OFFICE: _OTHER_ADVISOR_UI,
    Role.POLICY_OFFICER: _NO_UI | {"figures": 200},
    Role.COUNCIL_MEMBER: _NO_UI | {"figures": 200},
    **dict.fromkeys(set(NOBODY) - {Role.POLICY_OFFICER, Role.COUNCIL_MEMBER}, _NO_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam, caseworker, advisor, second_advisor, other_office_advisor):
    person = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, last_name="Timmerhuis-Oost"
    )
    programme = ProgrammeFactory(provider=ProviderFactory(municipality=amsterdam))

    def so(**kwargs):
        return SecondOpinionFactory(job_seeker=person, advisor=advisor, **kwargs)

    return SimpleNamespace(
        person=person,
        programme=programme,
        requested=SecondOpinionFactory(job_seeker=person),
        assigned=so(assigned=True),
        advised=so(advised=True),
        discussed=so(discussed=True),
        other=SecondOpinionFactory(job_seeker=JobSeekerFactory(municipality=zaandam)),
        advisor=advisor,
        second_advisor=second_advisor,
        other_office_advisor=other_office_advisor,
    )


def user_for(role, world, caseworker):
    from tests.factories import UserFactory

    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.person)
    if role == Role.CASEWORKER:
        return caseworker
    if role == Role.ADVISOR:
        return world.advisor
    if role == SAME_OFFICE:
        return world.second_advisor
    if role == OTHER_OFFICE:
        return world.other_office_advisor
    return UserFactory.with_role(role, municipality=world.person.municipality)


def state():
    return (
        list(SecondOpinion.objects.order_by("pk").values()),
        list(StatusChange.objects.order_by("pk").values()),
    )


MEETING = {"present": "De werkzoekende en de klantmanager", "notes": "Het advies besproken."}
EXPERT = {
    "name": "P. Jansen",
    "organisation": "FNV",
    "role": "vakbondsconsulent",
    "mode": "as_well",
}


def call_api(client, action, world):
    base = "/api/v1/second-opinions"
    match action:
        case "list":
            return client.get(base)
        case "read":
            return client.get(f"{base}/{world.assigned.pk}")
        case "read another municipality's":
            return client.get(f"{base}/{world.other.pk}")
        case "create":
            return client.post(
                base,
                {
                    "jobSeeker": world.person.pk,
                    "programme": world.programme.pk,
                    "question": "Past dit?",
                },
                format="json",
            )
        case "assign":
            return client.post(
                f"{base}/{world.requested.pk}/assignment",
                {"advisor": world.advisor.pk},
                format="json",
            )
        case "advise":
            return client.post(
                f"{base}/{world.assigned.pk}/advice", {"advice": ADVICE}, format="json"
            )
        case "other expert":
            return client.post(f"{base}/{world.advised.pk}/other-expert", EXPERT, format="json")
        case "meeting":
            return client.post(
                f"{base}/{world.advised.pk}/meeting",
                {"heldOn": "2026-11-23", **MEETING},
                format="json",
            )
        case "decide":
            return client.post(
                f"{base}/{world.discussed.pk}/decision", {"decision": "follows"}, format="json"
            )
        case "withdraw":
            return client.post(
                f"{base}/{world.assigned.pk}/withdrawal", {"reason": "Opgelost."}, format="json"
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


def test_an_advisor_sees_only_their_own_second_opinions(world, caseworker):
    """RI3: the advisor's list holds what is assigned to them, nothing of another's."""
    mine = {world.assigned.pk, world.advised.pk, world.discussed.pk}
    for user, expected in (
        (world.advisor, mine),
        (world.second_advisor, set()),
        (world.other_office_advisor, set()),
    ):
        client = APIClient()
        client.force_authenticate(user=user)
        ids = {row["id"] for row in client.get("/api/v1/second-opinions").json()["results"]}
        assert ids == expected
        page = Client()
        page.force_login(user)
        html = page.get("/adviezen/").content.decode()
        assert ("Timmerhuis-Oost" in html) == bool(expected)


def call_ui(client, action, world):
    base = "/adviezen"
    match action:
        case "list":
            return client.get(f"{base}/")
        case "read":
            return client.get(f"{base}/{world.assigned.pk}/")
        case "read another municipality's":
            return client.get(f"{base}/{world.other.pk}/")
        case "referral form":
            return client.get(f"{base}/doorverwijzen/{world.person.pk}/")
        case "assign":
            return client.post(
                f"{base}/{world.requested.pk}/toewijzing/", {"advisor": world.advisor.pk}
            )
        case "advise":
            return client.post(f"{base}/{world.assigned.pk}/advies/", {"advice": ADVICE})
        case "other expert":
            return client.post(f"{base}/{world.advised.pk}/andere-deskundige/", EXPERT)
        case "meeting":
            return client.post(
                f"{base}/{world.advised.pk}/gesprek/", {"held_on": "2026-11-23", **MEETING}
            )
        case "decision form":
            return client.get(f"{base}/{world.discussed.pk}/besluit/")
        case "decide":
            return client.post(f"{base}/{world.discussed.pk}/besluit/", {"decision": "follows"})
        case "withdraw":
            return client.post(f"{base}/{world.assigned.pk}/intrekking/", {"reason": "Opgelost."})
        case "figures":
            return client.get(f"{base}/cijfers/")
        case "my list":
            return client.get("/mijn/adviezen/")
        case "my request form":
            return client.get("/mijn/adviezen/aanvragen/")
        case "my request":
            return client.post(
                "/mijn/adviezen/aanvragen/",
                {"subject": f"programme:{world.programme.pk}", "question": "Past dit wel?"},
            )
        case "my read":
            return client.get(f"/mijn/adviezen/{world.assigned.pk}/")
        case "my other expert":
            return client.post(f"/mijn/adviezen/{world.advised.pk}/andere-deskundige/", EXPERT)
        case "my withdraw":
            return client.post(
                f"/mijn/adviezen/{world.assigned.pk}/intrekken/", {"reason": "Opgelost."}
            )


UI_WRITES = {*ACTIONS, "my request", "my other expert", "my withdraw"}


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
