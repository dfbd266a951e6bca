"""Who may do what with job seekers' files: every role x every action, API and UI.

The tables below are the access design (DESIGN.md "Tenancy, roles, access"; JS1-JS6;
the functional administrator's minimum-wage page and municipality settings):

* a caseworker does everything with the files of their own municipality and finds no
  file of another;
* a job seeker lists and reads only their own file and its access log, and changes nothing;
* the council member, policy officer and functional administrator see aggregates only
  (the council's with small cells suppressed), never a person;
* the provider coach (until a referral), employer advisor, employer, independent advisor
  and complaint handler see no persons and no aggregates here;
* without a login the API answers 401 and the UI sends you to the login page.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django import forms
from django.test import Client
from django.utils.html import escape
from rest_framework.test import APIClient

from tests.factories import JobSeekerFactory, UserFactory, job_seeker_login
from werkpad.core import clock
from werkpad.core.models import AuditEvent, MinimumWageRate, MunicipalitySettings
from werkpad.core.permissions import Role
from werkpad.jobseekers.models import JobSeeker, LadderRungChange

pytestmark = [pytest.mark.django_db, pytest.mark.access_matrix]

ANONYMOUS = "anonymous"
ROLES = [*Role, ANONYMOUS]
NO_PERSONS = [
    Role.COACH,
    Role.EMPLOYER_ADVISOR,
    Role.EMPLOYER,
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
]
AGGREGATES_ONLY = [Role.COUNCIL_MEMBER, Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN]

API_ACTIONS = [
    "list",
    "read own municipality's file",
    "read another municipality's file",
    "create",
    "update own municipality's file",
    "update another municipality's file",
    "read access log",
    "read another municipality's access log",
    "read composition",
    "look up own municipality's BSN",
    "look up another municipality's BSN",
    "review profile",
    "record outflow",
    "take back into the file",
]

_DENIED_API = dict.fromkeys(API_ACTIONS, 404) | {"list": 403, "create": 403}
API_EXPECTED = {
    Role.CASEWORKER: {
        "list": 200,
        "read own municipality's file": 200,
        "read another municipality's file": 404,
        "create": 201,
        "update own municipality's file": 200,
        "update another municipality's file": 404,
        "read access log": 200,
        "read another municipality's access log": 404,
        "read composition": 200,
        "look up own municipality's BSN": 200,
        "look up another municipality's BSN": 404,
        "review profile": 200,
        "record outflow": 200,
        "take back into the file": 200,
    },
    Role.JOB_SEEKER: {
        "list": 200,
        "read own municipality's file": 200,
        "read another municipality's file": 404,
        "create": 403,
        "update own municipality's file": 403,
        "update another municipality's file": 404,
        "read access log": 200,
        "read another municipality's access log": 404,
        "read composition": 403,
        "look up own municipality's BSN": 200,  # their own
        "look up another municipality's BSN": 404,
        "review profile": 403,
        "record outflow": 403,
        "take back into the file": 404,
    },
    **{role: _DENIED_API | {"read composition": 200} for role in AGGREGATES_ONLY},
    **{role: _DENIED_API | {"read composition": 403} for role in NO_PERSONS},
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = [
    "list",
    "read own municipality's file",
    "read another municipality's file",
    "edit form",
    "update own municipality's file",
    "read access log",
    "read another municipality's access log",
    "create form",
    "read composition",
    "own pages",
    "own access log",
    "BSN lookup",
    "profile reviewed",
    "outflow",
    "re-entry",
]
#: Who finds the file by its BSN on the list page: they go to the file, anyone else back
#: to the list with "not found".
FINDS_BY_BSN = {Role.CASEWORKER, Role.JOB_SEEKER}
#: The pages that change the file (the caseworker's, answering 302).
UI_WRITES = {"update own municipality's file", "profile reviewed", "outflow", "re-entry"}

_DENIED_UI = dict.fromkeys(UI_ACTIONS, 404) | {
    "list": 403,
    "create form": 403,
    "read composition": 403,
    "BSN lookup": 302,
}
UI_EXPECTED = {
    Role.CASEWORKER: dict.fromkeys(UI_ACTIONS, 200)
    | {
        "read another municipality's file": 404,
        "read another municipality's access log": 404,
        "update own municipality's file": 302,
        "own pages": 404,
        "own access log": 404,
        "BSN lookup": 302,
        "profile reviewed": 302,
        "outflow": 302,
        "re-entry": 302,
    },
    Role.JOB_SEEKER: dict.fromkeys(UI_ACTIONS, 200)
    | {
        "read another municipality's file": 404,
        "read another municipality's access log": 404,
        "edit form": 403,
        "update own municipality's file": 403,
        "create form": 403,
        "read composition": 403,
        "BSN lookup": 302,
        "profile reviewed": 403,
        "outflow": 403,
        "re-entry": 404,
    },
    **{role: _DENIED_UI | {"read composition": 200} for role in AGGREGATES_ONLY},
    **dict.fromkeys(NO_PERSONS, _DENIED_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam):
    contact = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, first_name="Karin", last_name="Contactpersoon"
    )
    return SimpleNamespace(
        contact=contact,
        own=JobSeekerFactory(
            municipality=amsterdam,
            contact_person=contact,
            first_name="Ilse",
            last_name="Timmerhuis-Oost",
        ),
        neighbour=JobSeekerFactory(
            municipality=amsterdam,
            contact_person=contact,
            first_name="Youssef",
            last_name="Brouwershaven",
        ),
        other=JobSeekerFactory(municipality=zaandam, first_name="Kees", last_name="Zaanstra"),
        left=JobSeekerFactory(
            municipality=amsterdam, contact_person=contact, last_name="Vertrokken", left=True
        ),
    )


def user_for(role, world, role_user):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.own)
    return role_user(role)


def state():
    """Everything a write could change."""
    return (
        list(JobSeeker.objects.order_by("pk").values()),
        list(LadderRungChange.objects.order_by("pk").values()),
    )


NEW_FILE = {
    "bsn": "123456782",
    "firstName": "Noor",
    "lastName": "Matrix",
    "birthDate": "1991-09-14",
    "educationLevel": "havo_vwo",
    "benefitType": "participatiewet",
    "unemployedSince": "2025-02-03",
    "ladderRung": 3,
}


def call_api(client, action, world):
    own, other = world.own, world.other
    base = "/api/v1/job-seekers"
    change = {"city": "Matrixstad", "ladderRung": 4}
    match action:
        case "list":
            return client.get(base)
        case "read own municipality's file":
            return client.get(f"{base}/{own.pk}")
        case "read another municipality's file":
            return client.get(f"{base}/{other.pk}")
        case "create":
            return client.post(base, NEW_FILE, format="json")
        case "update own municipality's file":
            return client.patch(f"{base}/{own.pk}", {"version": 1, **change}, format="json")
        case "update another municipality's file":
            return client.patch(f"{base}/{other.pk}", {"version": 1, **change}, format="json")
        case "read access log":
            return client.get(f"{base}/{own.pk}/access-log")
        case "read another municipality's access log":
            return client.get(f"{base}/{other.pk}/access-log")
        case "read composition":
            return client.get("/api/v1/insights/composition")
        case "look up own municipality's BSN":
            return client.post(f"{base}/lookup", {"bsn": own.bsn}, format="json")
        case "look up another municipality's BSN":
            return client.post(f"{base}/lookup", {"bsn": other.bsn}, format="json")
        case "review profile":
            return client.post(f"{base}/{own.pk}/profile-review", {"version": 1}, format="json")
        case "record outflow":
            return client.post(
                f"{base}/{own.pk}/outflow",
                {"version": 1, "leftOn": clock.today().isoformat(), "reason": "work"},
                format="json",
            )
        case "take back into the file":
            return client.post(f"{base}/{world.left.pk}/re-entry", {"version": 1}, format="json")
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
    if action == "list":
        found = {row["id"] for row in body["results"]}
        if role == Role.JOB_SEEKER:
            assert found == {world.own.pk}
        else:
            assert found == {world.own.pk, world.neighbour.pk}
    elif action == "read own municipality's file":
        assert body["id"] == world.own.pk
    elif action == "create":
        assert JobSeeker.objects.filter(bsn=NEW_FILE["bsn"], municipality=world.own.municipality)
    elif action == "update own municipality's file":
        world.own.refresh_from_db()
        assert (world.own.version, world.own.city, world.own.ladder_rung) == (2, "Matrixstad", 4)
    elif action == "read access log":
        assert body["count"] >= 0
    elif action == "read composition":
        assert body["suppressed"] is (role == Role.COUNCIL_MEMBER)
        assert body["municipalityId"] == world.own.municipality_id
    elif action == "look up own municipality's BSN":
        assert body["id"] == world.own.pk
    elif action in ("review profile", "record outflow", "take back into the file"):
        changed = world.left if action == "take back into the file" else world.own
        changed.refresh_from_db()
        assert changed.version == 2
        assert body["id"] == changed.pk


def edit_form_data(job_seeker, **changes):
    """What the edit form posts when submitted unchanged, plus ``changes``."""
    from werkpad.jobseekers.forms import JobSeekerForm

    form = JobSeekerForm(
        instance=job_seeker, municipality=job_seeker.municipality, show_restricted=True
    )
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else getattr(value, "isoformat", lambda v=value: v)()
    data.update(changes)
    return data


def call_ui(client, action, world):
    own, other = world.own, world.other
    match action:
        case "list":
            return client.get("/werkzoekenden/")
        case "read own municipality's file":
            return client.get(f"/werkzoekenden/{own.pk}/")
        case "read another municipality's file":
            return client.get(f"/werkzoekenden/{other.pk}/")
        case "edit form":
            return client.get(f"/werkzoekenden/{own.pk}/wijzigen/")
        case "update own municipality's file":
            data = edit_form_data(own, city="Matrixstad", ladder_rung="4", rung_reason="matrix")
            return client.post(f"/werkzoekenden/{own.pk}/wijzigen/", data)
        case "read access log":
            return client.get(f"/werkzoekenden/{own.pk}/inzage/")
        case "read another municipality's access log":
            return client.get(f"/werkzoekenden/{other.pk}/inzage/")
        case "create form":
            return client.get("/werkzoekenden/nieuw/")
        case "read composition":
            return client.get("/inzicht/samenstelling/")
        case "own pages":
            return client.get("/mijn/")
        case "own access log":
            return client.get("/mijn/inzage/")
        case "BSN lookup":
            return client.post("/werkzoekenden/bsn/", {"bsn": own.bsn})
        case "profile reviewed":
            return client.post(f"/werkzoekenden/{own.pk}/profiel-beoordeeld/", {"version": "1"})
        case "outflow":
            return client.post(
                f"/werkzoekenden/{own.pk}/uitstroom/",
                {"version": "1", "left_on": clock.today().isoformat(), "reason": "work"},
            )
        case "re-entry":
            return client.post(
                f"/werkzoekenden/{world.left.pk}/terug-in-bestand/", {"version": "1"}
            )
    raise AssertionError(action)


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
    elif action == "BSN lookup":
        found = f"/werkzoekenden/{world.own.pk}/" if role in FINDS_BY_BSN else "/werkzoekenden/"
        assert response["Location"] == found
    if action in UI_WRITES and role == Role.CASEWORKER:
        changed = world.left if action == "re-entry" else world.own
        assert response["Location"] == f"/werkzoekenden/{changed.pk}/"
        changed.refresh_from_db()
        assert changed.version == 2
        if action == "update own municipality's file":
            assert (changed.city, changed.ladder_rung) == ("Matrixstad", 4)
    elif expected != 200 or action in UI_WRITES:
        assert state() == before, "a refused request changed something"
    if expected != 200:
        return
    page = response.content.decode()
    assert world.other.last_name not in page
    if action == "list":
        assert escape(world.own.last_name) in page
        assert (escape(world.neighbour.last_name) in page) is (role == Role.CASEWORKER)
    elif action == "read own municipality's file":
        assert world.own.full_name in page
    elif action == "own pages":
        assert world.own.first_name in page
        assert world.contact.get_full_name() in page  # JS3: the contact person is shown
        assert world.contact.email in page


# The minimum-wage page (TR6): only the functional administrator opens it and enters a
# newly published rate; every other role is refused and nothing changes.
MINIMUM_WAGE_URL = "/minimumloon/"
MINIMUM_WAGE_EXPECTED = {
    **{role: {"get": 403, "post": 403} for role in Role},
    Role.FUNCTIONAL_ADMIN: {"get": 200, "post": 302},
    ANONYMOUS: {"get": 302, "post": 302},
}


def rate_state():
    return list(MinimumWageRate.objects.order_by("pk").values())


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("role", ROLES)
def test_minimum_wage_page(role, method, world, role_user):
    user = user_for(role, world, role_user)
    client = Client()
    if user is not None:
        client.force_login(user)
    before = rate_state()
    if method == "get":
        response = client.get(MINIMUM_WAGE_URL)
    else:
        response = client.post(
            MINIMUM_WAGE_URL,
            {"valid_from": "2026-07-01", "adult_hourly": "15.00", "source": "SZW besluit"},
        )
    assert response.status_code == MINIMUM_WAGE_EXPECTED[role][method]
    if role == ANONYMOUS:
        assert response["Location"].startswith("/accounts/login/?next=")
    if role == Role.FUNCTIONAL_ADMIN and method == "post":
        assert MinimumWageRate.objects.filter(valid_from="2026-07-01").count() == 10
    else:
        assert rate_state() == before, "a refused request changed something"


# A municipality's settings (issue 7): only its own functional administrator reads and
# changes them, on the page and through the API; anyone else who works there is refused
# (403), the administrator of another municipality finds nothing (404), and a refusal
# changes nothing. The index takes each administrator to their own municipality's page.
OTHER_ADMIN = "functional administrator of another municipality"
SETTINGS_ROLES = [*ROLES, OTHER_ADMIN]
SETTINGS_ACTIONS = ["open the index", "open the page", "save the page", "API read", "API change"]
SETTINGS_EXPECTED = {
    **{role: dict.fromkeys(SETTINGS_ACTIONS, 403) for role in Role},
    Role.FUNCTIONAL_ADMIN: {
        "open the index": 302,
        "open the page": 200,
        "save the page": 302,
        "API read": 200,
        "API change": 200,
    },
    OTHER_ADMIN: dict.fromkeys(SETTINGS_ACTIONS, 404) | {"open the index": 302},
    ANONYMOUS: {
        "open the index": 302,
        "open the page": 302,
        "save the page": 302,
        "API read": 401,
        "API change": 401,
    },
}


#: What the settings form holds for a municipality with the defaults.
DEFAULT_SETTINGS = {
    name: MunicipalitySettings._meta.get_field(name).default
    for name in MunicipalitySettings.EDITABLE
}


def settings_state():
    return (
        list(MunicipalitySettings.objects.order_by("pk").values()),
        AuditEvent.objects.filter(object_type="municipality-settings").count(),
    )


def test_the_settings_table_covers_every_role_and_action():
    assert set(SETTINGS_EXPECTED) == set(SETTINGS_ROLES)
    assert all(set(row) == set(SETTINGS_ACTIONS) for row in SETTINGS_EXPECTED.values())


@pytest.mark.parametrize("action", SETTINGS_ACTIONS)
@pytest.mark.parametrize("role", SETTINGS_ROLES)
def test_municipality_settings(role, action, world, role_user, zaandam):
    municipality = world.own.municipality
    if role == OTHER_ADMIN:
        user = role_user(Role.FUNCTIONAL_ADMIN, municipality=zaandam)
    else:
        user = user_for(role, world, role_user)
    page = f"/instellingen/{municipality.pk}/"
    api = f"/api/v1/municipalities/{municipality.pk}/settings"
    before = settings_state()
    if action.startswith("API"):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user=user)
        if action == "API read":
            response = client.get(api)
        else:
            response = client.patch(api, {"version": 1, "planReviewMonths": 3}, format="json")
    else:
        client = Client()
        if user is not None:
            client.force_login(user)
        if action == "open the index":
            response = client.get("/instellingen/")
        elif action == "open the page":
            response = client.get(page)
        else:
            data = {name: str(value) for name, value in DEFAULT_SETTINGS.items()}
            response = client.post(page, {**data, "version": "1", "plan_review_months": "3"})
    expected = SETTINGS_EXPECTED[role][action]
    assert response.status_code == expected
    if role == ANONYMOUS and not action.startswith("API"):
        assert response["Location"].startswith("/accounts/login/?next=")
    elif action == "open the index" and expected == 302:
        own = zaandam if role == OTHER_ADMIN else municipality
        assert response["Location"] == f"/instellingen/{own.pk}/"
    if expected >= 400 and action.startswith("API"):
        assert response["Content-Type"] == "application/problem+json"
    if action in ("save the page", "API change") and expected < 400 and role != ANONYMOUS:
        stored = MunicipalitySettings.objects.get(pk=municipality.pk)
        assert (stored.plan_review_months, stored.version) == (3, 2)
        assert AuditEvent.objects.filter(object_type="municipality-settings", actor=user)
    else:
        assert settings_state() == before, "a refused request changed something"
    if action == "API read" and expected == 200:
        assert response.json()["municipality"] == municipality.pk
