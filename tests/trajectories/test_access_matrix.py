"""Who may do what with trajectories: every role x every action, API and UI.

* a caseworker refers job seekers of their municipality, follows every trajectory
  there and may end one early, but does not act for the provider;
* the provider's coach sees referrals to their provider, accepts them, writes reports;
  a coach of another provider sees none of it;
* the job seeker reads their own trajectory and its reports and changes nothing;
* every other role sees no trajectory; without a login the API answers 401 and the UI
  sends you to the login page.

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
from werkpad.core.permissions import Role
from werkpad.trajectories.handover import DEFAULT_FIELDS
from werkpad.trajectories.models import ProgressReport, StatusChange, Trajectory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
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
    "read another municipality's",
    "refer",
    "accept",
    "write progress report",
    "end early",
    "read progress reports",
]
_NONE_API = dict.fromkeys(API_ACTIONS, 404) | {"list": 403, "refer": 403}
API_EXPECTED = {
    Role.CASEWORKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "refer": 201,
        "accept": 403,
        "write progress report": 403,
        "end early": 200,
        "read progress reports": 200,
    },
    Role.COACH: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "refer": 403,
        "accept": 200,
        "write progress report": 201,
        "end early": 200,
        "read progress reports": 200,
    },
    Role.JOB_SEEKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "refer": 403,
        "accept": 403,
        "write progress report": 403,
        "end early": 403,
        "read progress reports": 200,
    },
    OTHER_COACH: _NONE_API | {"list": 200},
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = ["list", "read", "read another municipality's", "referral form", "accept", "report"]
_NONE_UI = dict.fromkeys(UI_ACTIONS, 404) | {"list": 403, "referral form": 403}
UI_EXPECTED = {
    Role.CASEWORKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "referral form": 200,
        "accept": 403,
        "report": 403,
    },
    Role.COACH: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "referral form": 403,
        "accept": 302,
        "report": 302,
    },
    Role.JOB_SEEKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "referral form": 403,
        "accept": 403,
        "report": 403,
    },
    OTHER_COACH: _NONE_UI | {"list": 200},
    **dict.fromkeys(NOBODY, _NONE_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam, caseworker):
    provider = ProviderFactory(municipality=amsterdam)
    programme = ProgrammeFactory(provider=provider)
    person = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        phone="0612345678",
        wishes="Werken in de zorg",
        possibilities="Vier dagen",
    )
    other = TrajectoryFactory(job_seeker=JobSeekerFactory(other_municipality=True))
    return SimpleNamespace(
        provider=provider,
        programme=programme,
        person=person,
        referred=TrajectoryFactory(job_seeker=person, programme=programme),
        running=TrajectoryFactory(job_seeker=person, programme=programme, started=True),
        other=other,
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
    return UserFactory.with_role(role, municipality=world.provider.municipality)


def state():
    return (
        list(Trajectory.objects.order_by("pk").values()),
        list(StatusChange.objects.order_by("pk").values()),
        list(ProgressReport.objects.order_by("pk").values()),
    )


def call_api(client, action, world):
    base = "/api/v1/trajectories"
    match action:
        case "list":
            return client.get(base)
        case "read":
            return client.get(f"{base}/{world.referred.pk}")
        case "read another municipality's":
            return client.get(f"{base}/{world.other.pk}")
        case "refer":
            return client.post(
                base,
                {
                    "jobSeeker": world.person.pk,
                    "programme": world.programme.pk,
                    "reason": "Past bij de wensen.",
                    "handoverFields": [
                        n.split("_")[0] + "".join(p.title() for p in n.split("_")[1:])
                        for n in DEFAULT_FIELDS
                    ],
                },
                format="json",
            )
        case "accept":
            return client.post(
                f"{base}/{world.referred.pk}/acceptance", {"version": 1}, format="json"
            )
        case "write progress report":
            return client.post(
                f"{base}/{world.running.pk}/progress-reports",
                {"progress": "Voortgang."},
                format="json",
            )
        case "end early":
            return client.post(
                f"{base}/{world.running.pk}/early-end",
                {"version": 1, "reason": "Verhuisd."},
                format="json",
            )
        case "read progress reports":
            return client.get(f"{base}/{world.running.pk}/progress-reports")


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


def call_ui(client, action, world):
    match action:
        case "list":
            return client.get("/trajecten/")
        case "read":
            return client.get(f"/trajecten/{world.referred.pk}/")
        case "read another municipality's":
            return client.get(f"/trajecten/{world.other.pk}/")
        case "referral form":
            return client.get(f"/trajecten/aanmelden/{world.person.pk}/")
        case "accept":
            return client.post(f"/trajecten/{world.referred.pk}/accepteren/", {"version": 1})
        case "report":
            return client.post(
                f"/trajecten/{world.running.pk}/rapportage/", {"progress": "Voortgang."}
            )


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
    assert response.status_code == expected, (role, action)
    if expected != 302:
        assert state() == before
    if role == Role.COACH and action in ("accept", "report"):
        assert state() != before


def test_a_coach_reads_no_job_seeker_file(world, caseworker):
    """The coach sees the handover through the trajectory, never the file itself."""
    coach = user_for(Role.COACH, world, caseworker)
    client = APIClient()
    client.force_authenticate(user=coach)
    assert client.get(f"/api/v1/job-seekers/{world.person.pk}").status_code == 404
