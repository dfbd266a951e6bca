"""Who may do what with documents (WT3): every role x every endpoint, API and UI.

* the job seeker: all of their own, health documents included; uploads to their file;
* the contact person: every document of the file, health ones too; a colleague of the
  municipality every document except health ones; a caseworker elsewhere nothing;
* the coach of a running trajectory: its documents and the file's CV, diploma and
  certificate when the job seeker shares "work" with the provider; a health document
  only with the health consent; nothing once the trajectory ended; a coach of another
  provider nothing;
* every other role nothing; without a login the API answers 401, a page the login.

Every refusal also proves that nothing changed (rows and stored files).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from tests.access import api_client, page_client
from tests.documents.conftest import stored_files
from tests.documents.factories import PDF, make_document, upload_file
from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    give_consent,
    job_seeker_login,
)
from werkpad.core.permissions import Role
from werkpad.documents.models import Document

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM), tick=False),
]

ANONYMOUS = "anonymous"
COLLEAGUE = "caseworker, not the contact person"
OTHER_COACH = "coach of another provider"
OTHER_MUNICIPALITY = "caseworker of another municipality"
ROLES = [*Role, COLLEAGUE, OTHER_COACH, OTHER_MUNICIPALITY, ANONYMOUS]
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
    "content",
    "read health",
    "content health",
    "read attached",
    "upload",
    "read Zaanstad's",
]
_NO_API = dict.fromkeys(API_ACTIONS, 404) | {"list": 403, "upload": 403}
_ALL_API = dict.fromkeys(API_ACTIONS, 200) | {"upload": 201, "read Zaanstad's": 404}
API_EXPECTED = {
    Role.CASEWORKER: _ALL_API,
    Role.JOB_SEEKER: _ALL_API,
    COLLEAGUE: _ALL_API | {"read health": 404, "content health": 404},
    Role.COACH: _ALL_API | {"read health": 404, "content health": 404},
    OTHER_COACH: _NO_API | {"list": 200, "upload": 404},
    OTHER_MUNICIPALITY: _NO_API | {"list": 200, "upload": 404, "read Zaanstad's": 200},
    **dict.fromkeys(NOBODY, _NO_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = [
    "upload form",
    "upload",
    "download",
    "download health",
    "download attached",
    "my documents",
    "my upload",
]
_NO_UI = dict.fromkeys(UI_ACTIONS, 403) | {
    "download": 404,
    "download health": 404,
    "download attached": 404,
}
_STAFF_UI = _NO_UI | {
    "upload form": 200,
    "upload": 302,
    "download": 200,
    "download health": 200,
    "download attached": 200,
}
UI_EXPECTED = {
    Role.CASEWORKER: _STAFF_UI,
    COLLEAGUE: _STAFF_UI | {"download health": 404},
    Role.COACH: _STAFF_UI | {"download health": 404},
    OTHER_COACH: _NO_UI | {"upload form": 404, "upload": 404},
    OTHER_MUNICIPALITY: _NO_UI | {"upload form": 404, "upload": 404},
    Role.JOB_SEEKER: _NO_UI
    | {
        "download": 200,
        "download health": 200,
        "download attached": 200,
        "my documents": 200,
        "my upload": 302,
    },
    **dict.fromkeys(NOBODY, _NO_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam, caseworker, zaandam_caseworker, document_dir):
    provider = ProviderFactory(municipality=amsterdam)
    person = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    running = TrajectoryFactory(
        job_seeker=person, programme=ProgrammeFactory(provider=provider), started=True
    )
    give_consent(person, part="work", organisation=provider.organisation)
    coach = UserFactory.with_role(Role.COACH, organisation=provider.organisation)
    zaandammer = JobSeekerFactory(municipality=zaandam, contact_person=zaandam_caseworker)
    return SimpleNamespace(
        provider=provider,
        person=person,
        running=running,
        coach=coach,
        cv=make_document(user=caseworker, job_seeker=person, type="cv"),
        health=make_document(user=caseworker, job_seeker=person, type="letter", health=True),
        attached=make_document(
            user=coach, job_seeker=person, type="letter", trajectory_id=running.pk
        ),
        zaandam=make_document(user=zaandam_caseworker, job_seeker=zaandammer),
        location=document_dir,
    )


def user_for(role, world, caseworker, zaandam_caseworker):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.person)
    if role == Role.CASEWORKER:
        return caseworker
    if role == COLLEAGUE:
        return UserFactory.with_role(Role.CASEWORKER, municipality=world.person.municipality)
    if role == Role.COACH:
        return world.coach
    if role == OTHER_COACH:
        other = ProviderFactory(municipality=world.provider.municipality)
        return UserFactory.with_role(Role.COACH, organisation=other.organisation)
    if role == OTHER_MUNICIPALITY:
        return zaandam_caseworker
    return UserFactory.with_role(role, municipality=world.person.municipality)


def state(world):
    return (list(Document.objects.order_by("pk").values()), stored_files(world.location))


def call_api(client, action, world):
    base = "/api/v1/documents"
    match action:
        case "list":
            return client.get(f"{base}?jobSeeker={world.person.pk}")
        case "read":
            return client.get(f"{base}/{world.cv.pk}")
        case "content":
            return client.get(f"{base}/{world.cv.pk}/content")
        case "read health":
            return client.get(f"{base}/{world.health.pk}")
        case "content health":
            return client.get(f"{base}/{world.health.pk}/content")
        case "read attached":
            return client.get(f"{base}/{world.attached.pk}")
        case "read Zaanstad's":
            return client.get(f"{base}/{world.zaandam.pk}")
        case "upload":
            return client.post(
                base,
                {
                    "file": upload_file("diploma.pdf"),
                    "jobSeeker": world.person.pk,
                    "type": "diploma",
                    "trajectory": world.running.pk,
                },
                format="multipart",
            )


@pytest.mark.parametrize("action", API_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_api(role, action, world, caseworker, zaandam_caseworker):
    client = api_client(user_for(role, world, caseworker, zaandam_caseworker))
    before = state(world)
    response = call_api(client, action, world)
    expected = API_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, getattr(response, "content", b"")[:300])
    if expected == 201:
        assert state(world) != before
    else:
        assert state(world) == before
    if action.startswith("content") and expected == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"


def call_ui(client, action, world):
    match action:
        case "upload form":
            return client.get(
                f"/documenten/toevoegen/{world.person.pk}/?trajectory={world.running.pk}"
            )
        case "upload":
            return client.post(
                f"/documenten/toevoegen/{world.person.pk}/",
                {
                    "file": upload_file("diploma.pdf"),
                    "type": "diploma",
                    "trajectory": world.running.pk,
                },
            )
        case "download":
            return client.get(f"/documenten/{world.cv.pk}/download/")
        case "download health":
            return client.get(f"/documenten/{world.health.pk}/download/")
        case "download attached":
            return client.get(f"/documenten/{world.attached.pk}/download/")
        case "my documents":
            return client.get("/mijn/documenten/")
        case "my upload":
            return client.post("/mijn/documenten/", {"file": upload_file(), "type": "cv"})


@pytest.mark.parametrize("action", UI_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_ui(role, action, world, caseworker, zaandam_caseworker, settings):
    settings.WERKPAD_STAFF_2FA = False
    client = page_client(user_for(role, world, caseworker, zaandam_caseworker))
    before = state(world)
    response = call_ui(client, action, world)
    expected = UI_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, getattr(response, "content", b"")[:300])
    if role == ANONYMOUS:
        assert response["Location"].startswith("/accounts/login/?next=")
    if action in {"upload", "my upload"} and expected == 302 and role != ANONYMOUS:
        assert state(world) != before
    else:
        assert state(world) == before


# --- consent and the end of the trajectory ----------------------------------------------


def test_a_health_document_is_never_served_to_the_coach_without_the_health_consent(
    world, caseworker
):
    client = api_client(world.coach)
    assert client.get(f"/api/v1/documents/{world.health.pk}/content").status_code == 404
    health_on_trajectory = make_document(
        user=caseworker,
        job_seeker=world.person,
        type="letter",
        health=True,
        trajectory_id=world.running.pk,
    )
    assert client.get(f"/api/v1/documents/{health_on_trajectory.pk}/content").status_code == 404
    listed = {d["id"] for d in client.get("/api/v1/documents").json()["results"]}
    assert listed == {world.cv.pk, world.attached.pk}
    consent = give_consent(world.person, part="health", organisation=world.provider.organisation)
    assert client.get(f"/api/v1/documents/{world.health.pk}/content").status_code == 200
    assert client.get(f"/api/v1/documents/{health_on_trajectory.pk}/content").status_code == 200
    consent.status = "withdrawn"
    consent.save()
    assert client.get(f"/api/v1/documents/{world.health.pk}/content").status_code == 404
    assert client.get(f"/api/v1/documents/{health_on_trajectory.pk}/content").status_code == 404


def test_the_coach_reads_the_cv_only_while_the_job_seeker_shares_work(world):
    client = api_client(world.coach)
    assert client.get(f"/api/v1/documents/{world.cv.pk}").status_code == 200
    world.person.consents.filter(part="work").update(status="withdrawn")
    assert client.get(f"/api/v1/documents/{world.cv.pk}").status_code == 404
    # The documents attached to the trajectory stay hers while it runs.
    assert client.get(f"/api/v1/documents/{world.attached.pk}").status_code == 200


@pytest.mark.parametrize("end", ["completed", "ended_early"])
def test_the_coach_loses_the_documents_when_the_trajectory_ends(world, end):
    client = api_client(world.coach)
    page = page_client(world.coach)
    world.running.status = end
    world.running.save()
    for document in (world.cv, world.attached):
        assert client.get(f"/api/v1/documents/{document.pk}").status_code == 404
        assert client.get(f"/api/v1/documents/{document.pk}/content").status_code == 404
        assert page.get(f"/documenten/{document.pk}/download/").status_code == 404
    assert client.get("/api/v1/documents").json()["count"] == 0


def test_downloads_show_in_who_looked_at_my_file(world, caseworker, settings):
    settings.WERKPAD_STAFF_2FA = False
    page_client(caseworker).get(f"/documenten/{world.cv.pk}/download/")
    api_client(world.coach).get(f"/api/v1/documents/{world.cv.pk}/content")
    own = page_client(job_seeker_login(world.person)).get("/mijn/inzage/").content.decode()
    assert own.count("document downloaden") == 2
