"""Who may do what in the employer service (EM1-EM8): every role x every page and API
operation.

* the employer advisors of the municipality: everything (the register, intake, the
  steps, the import, the demand side);
* an employer advisor of a neighbouring municipality in the same labour-market region
  reads the regional vacancy file but changes nothing of it, and does not see the other
  municipality's register; one of another region sees none of it;
* caseworkers and policy officers of the municipality read the register and the
  vacancies; policy officers also the demand side;
* the employer sees its own entry and vacancies, reports and withdraws; another employer
  sees nothing of it;
* every other role sees nothing; without a login the API answers 401 and a page sends
  to the login.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access import api_client, page_client
from tests.employers.conftest import NOW
from tests.factories import (
    EmployerFactory,
    MunicipalityFactory,
    RegionFactory,
    UserFactory,
    VacancyFactory,
)
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role
from werkpad.employers.models import Employer, StatusChange, Vacancy, VacancyUpdate
from werkpad.employers.workflow import Status

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(NOW, tick=False),
]

ANONYMOUS = "anonymous"
OTHER_EMPLOYER = "another employer"
NEIGHBOUR = "employer advisor of a municipality in the region"
FAR = "employer advisor of another region"
ROLES = [*Role, OTHER_EMPLOYER, NEIGHBOUR, FAR, ANONYMOUS]
NOBODY = [
    Role.JOB_SEEKER,
    Role.COACH,
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
    Role.COUNCIL_MEMBER,
    Role.FUNCTIONAL_ADMIN,
]

API_ACTIONS = [
    "employer list",
    "employer register",
    "employer read",
    "employer update",
    "vacancy list",
    "vacancy intake",
    "vacancy report",
    "vacancy read",
    "answer",
    "updates",
    "update send",
    "filling",
    "closing",
    "withdrawal",
]
_VACANCY_STEPS = ["answer", "update send", "filling", "closing", "withdrawal"]
_NONE_API = dict.fromkeys(API_ACTIONS, 404) | {
    "employer list": 403,
    "employer register": 403,
    "vacancy list": 403,
}
_READER_API = dict.fromkeys(API_ACTIONS, 200) | {
    "employer register": 403,
    "employer update": 403,
    "vacancy intake": 403,
    "vacancy report": 403,
    **dict.fromkeys(_VACANCY_STEPS, 403),
}
API_EXPECTED = {
    Role.EMPLOYER_ADVISOR: dict.fromkeys(API_ACTIONS, 200)
    | {"employer register": 201, "vacancy intake": 201, "vacancy report": 403, "update send": 201},
    Role.EMPLOYER: dict.fromkeys(API_ACTIONS, 403)
    | {
        "employer read": 200,
        "vacancy list": 200,
        "vacancy report": 201,
        "vacancy read": 200,
        "updates": 200,
        "withdrawal": 200,
    },
    OTHER_EMPLOYER: _NONE_API | {"vacancy list": 200},
    Role.CASEWORKER: _READER_API,
    Role.POLICY_OFFICER: _READER_API,
    NEIGHBOUR: _NONE_API
    | {
        "employer list": 200,
        "employer register": 201,
        "vacancy list": 200,
        "vacancy read": 200,
        "updates": 200,
        **dict.fromkeys(_VACANCY_STEPS, 403),
    },
    FAR: _NONE_API | {"employer list": 200, "employer register": 201, "vacancy list": 200},
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_STAFF = [
    "employers",
    "employer form",
    "employer create",
    "employer detail",
    "employer edit form",
    "employer edit",
    "demand",
    "vacancies",
    "intake form",
    "intake",
    "import form",
    "import",
    "vacancy detail",
    "answer",
    "update",
    "fill",
    "close",
    "withdraw",
]
UI_OWN = ["own home", "own report form", "own report", "own detail", "own withdraw"]
UI_ACTIONS = [*UI_STAFF, *UI_OWN]
#: The employer's own vacancy does not exist for anyone else: 404, not 403.
_NO_UI = dict.fromkeys(UI_ACTIONS, 403) | {"own detail": 404, "own withdraw": 404}
_STEPS_UI = ["answer", "update", "fill", "close", "withdraw"]
_READER_UI = _NO_UI | {
    "employers": 200,
    "employer detail": 200,
    "vacancies": 200,
    "vacancy detail": 200,
}
_ADVISOR_ELSEWHERE = _NO_UI | {
    "employers": 200,
    "employer form": 200,
    "employer create": 302,
    "employer detail": 404,
    "employer edit form": 404,
    "employer edit": 404,
    "demand": 200,
    "vacancies": 200,
    "intake form": 200,
    "intake": 400,  # the employer is not one of theirs to choose
    "import form": 200,
    "import": 302,  # into their own municipality's file
}
UI_EXPECTED = {
    Role.EMPLOYER_ADVISOR: dict.fromkeys(UI_STAFF, 200)
    | dict.fromkeys(["employer create", "employer edit", "intake", "import", *_STEPS_UI], 302)
    | dict.fromkeys(UI_OWN, 403)
    | {"own detail": 404, "own withdraw": 404},
    Role.CASEWORKER: _READER_UI,
    Role.POLICY_OFFICER: _READER_UI | {"demand": 200},
    Role.EMPLOYER: _NO_UI
    | {
        "own home": 200,
        "own report form": 200,
        "own report": 302,
        "own detail": 200,
        "own withdraw": 302,
    },
    OTHER_EMPLOYER: _NO_UI
    | {
        "own home": 200,
        "own report form": 200,
        "own report": 302,  # its own vacancy
        "own detail": 404,
        "own withdraw": 404,
    },
    NEIGHBOUR: _ADVISOR_ELSEWHERE | {"vacancy detail": 200, **dict.fromkeys(_STEPS_UI, 403)},
    FAR: _ADVISOR_ELSEWHERE | {"vacancy detail": 404, **dict.fromkeys(_STEPS_UI, 404)},
    **dict.fromkeys(NOBODY, _NO_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam):
    employer = EmployerFactory(municipality=amsterdam)
    other = EmployerFactory(municipality=amsterdam)

    def answered(title):
        vacancy = VacancyFactory(employer=employer, title=title)
        vacancy.status = Status.IN_PROGRESS
        vacancy.answered_at = NOW
        vacancy.save()
        return vacancy

    return SimpleNamespace(
        municipality=amsterdam,
        zaandam=zaandam,
        employer=employer,
        other=other,
        to_answer=VacancyFactory(employer=employer, title="Te beantwoorden"),
        to_withdraw=VacancyFactory(employer=employer, title="In te trekken"),
        to_fill=answered("Te vervullen"),
        to_close=answered("Te sluiten"),
        to_update=answered("Voor een bericht"),
    )


def user_for(role, world):
    if role == ANONYMOUS:
        return None
    if role == Role.EMPLOYER:
        return UserFactory.with_role(role, organisation=world.employer.organisation)
    if role == OTHER_EMPLOYER:
        return UserFactory.with_role(Role.EMPLOYER, organisation=world.other.organisation)
    if role == NEIGHBOUR:
        return UserFactory.with_role(Role.EMPLOYER_ADVISOR, municipality=world.zaandam)
    if role == FAR:
        far = MunicipalityFactory(
            name="Groningen", cbs_code="GM0014", region=RegionFactory(code="AM01", name="Groningen")
        )
        return UserFactory.with_role(Role.EMPLOYER_ADVISOR, municipality=far)
    return UserFactory.with_role(role, municipality=world.municipality)


def state():
    return (
        list(Employer.objects.order_by("pk").values()),
        list(Organisation.objects.order_by("pk").values()),
        list(Vacancy.objects.order_by("pk").values()),
        list(StatusChange.objects.order_by("pk").values()),
        list(VacancyUpdate.objects.order_by("pk").values()),
    )


EXPIRES = (NOW.date() + dt.timedelta(days=60)).isoformat()
FILL_BY = (NOW.date() + dt.timedelta(days=30)).isoformat()
API_EMPLOYER = {
    "name": "Nieuw Bedrijf B.V.",
    "kvkNumber": "87654321",
    "sbiSection": "I",
    "sbiDivision": "56",
    "size": "sme",
    "region": "AM10",
}


def _api_vacancy(world, channel):
    return {
        "employer": world.employer.pk,
        "channel": channel,
        "title": "Kok",
        "occupationCode": "5120",
        "hoursPerWeek": "32",
        "expiresOn": EXPIRES,
    }


def call_api(client, action, world):
    v = "/api/v1/vacancies"
    match action:
        case "employer list":
            return client.get("/api/v1/employers")
        case "employer register":
            return client.post("/api/v1/employers", API_EMPLOYER, format="json")
        case "employer read":
            return client.get(f"/api/v1/employers/{world.employer.pk}")
        case "employer update":
            return client.patch(
                f"/api/v1/employers/{world.employer.pk}",
                {"version": 1, "networks": "MKB"},
                format="json",
            )
        case "vacancy list":
            return client.get(v)
        case "vacancy intake":
            return client.post(v, _api_vacancy(world, "phone"), format="json")
        case "vacancy report":
            return client.post(v, _api_vacancy(world, "web"), format="json")
        case "vacancy read":
            return client.get(f"{v}/{world.to_answer.pk}")
        case "answer":
            return client.post(
                f"{v}/{world.to_answer.pk}/answer",
                {"text": "Drie kandidaten.", "expectedFillBy": FILL_BY},
                format="json",
            )
        case "updates":
            return client.get(f"{v}/{world.to_update.pk}/updates")
        case "update send":
            return client.post(
                f"{v}/{world.to_update.pk}/updates",
                {"kind": "progress", "text": "Twee gesprekken gepland."},
                format="json",
            )
        case "filling":
            return client.post(f"{v}/{world.to_fill.pk}/filling", {}, format="json")
        case "closing":
            return client.post(
                f"{v}/{world.to_close.pk}/closing",
                {"reason": "Geen kandidaten.", "advice": "Minder uren."},
                format="json",
            )
        case "withdrawal":
            return client.post(
                f"{v}/{world.to_withdraw.pk}/withdrawal", {"reason": "Intern."}, format="json"
            )


API_READS = {"employer list", "employer read", "vacancy list", "vacancy read", "updates"}


@pytest.mark.parametrize("action", API_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_api(role, action, world):
    client = api_client(user_for(role, world))
    before = state()
    response = call_api(client, action, world)
    expected = API_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if expected >= 400 or action in API_READS:
        assert state() == before
    else:
        assert state() != before


EMPLOYER_FORM = {
    "name": "Nieuw Bedrijf B.V.",
    "kvk_number": "87654321",
    "sbi_section": "I",
    "sbi_division": "56",
    "size": "sme",
}
VACANCY_FORM = {
    "title": "Kok",
    "occupation_code": "5120",
    "min_education_level": "none",
    "hours_per_week": "32",
    "positions": "1",
    "expires_on": EXPIRES,
}
CSV = (
    "external_reference;employer_name;title;occupation_code;region;hours_per_week;expires_on\n"
    f"UWV-1;Hotel Centraal;Receptionist;4224;AM10;32;{EXPIRES}\n"
)


def call_ui(client, action, world):
    employer = world.employer
    match action:
        case "employers":
            return client.get("/werkgevers/")
        case "employer form":
            return client.get("/werkgevers/nieuw/")
        case "employer create":
            return client.post("/werkgevers/nieuw/", EMPLOYER_FORM | {"region": employer.region_id})
        case "employer detail":
            return client.get(f"/werkgevers/{employer.pk}/")
        case "employer edit form":
            return client.get(f"/werkgevers/{employer.pk}/bewerken/")
        case "employer edit":
            return client.post(
                f"/werkgevers/{employer.pk}/bewerken/",
                EMPLOYER_FORM
                | {"kvk_number": employer.kvk_number, "region": employer.region_id, "version": 1},
            )
        case "demand":
            return client.get("/werkgevers/vraag/")
        case "vacancies":
            return client.get("/vacatures/")
        case "intake form":
            return client.get("/vacatures/nieuw/")
        case "intake":
            return client.post(
                "/vacatures/nieuw/",
                VACANCY_FORM
                | {"employer": employer.pk, "channel": "phone", "distribution": "region"},
            )
        case "import form":
            return client.get("/vacatures/importeren/")
        case "import":
            upload = SimpleUploadedFile("vacatures.csv", CSV.encode(), content_type="text/csv")
            return client.post("/vacatures/importeren/", {"file": upload})
        case "vacancy detail":
            return client.get(f"/vacatures/{world.to_answer.pk}/")
        case "answer":
            return client.post(
                f"/vacatures/{world.to_answer.pk}/antwoord/",
                {"text": "Drie kandidaten.", "expected_fill_by": FILL_BY},
            )
        case "update":
            return client.post(
                f"/vacatures/{world.to_update.pk}/bericht/",
                {"kind": "progress", "text": "Gesprekken gepland."},
            )
        case "fill":
            return client.post(f"/vacatures/{world.to_fill.pk}/vervuld/", {})
        case "close":
            return client.post(
                f"/vacatures/{world.to_close.pk}/niet-vervuld/",
                {"reason": "Geen kandidaten.", "advice": "Minder uren."},
            )
        case "withdraw":
            return client.post(
                f"/vacatures/{world.to_withdraw.pk}/intrekking/", {"reason": "Intern."}
            )
        case "own home":
            return client.get("/werkgever/")
        case "own report form":
            return client.get("/werkgever/vacatures/nieuw/")
        case "own report":
            return client.post("/werkgever/vacatures/nieuw/", VACANCY_FORM)
        case "own detail":
            return client.get(f"/werkgever/vacatures/{world.to_withdraw.pk}/")
        case "own withdraw":
            return client.post(
                f"/werkgever/vacatures/{world.to_withdraw.pk}/intrekking/", {"reason": "Intern."}
            )


UI_WRITES = {
    "employer create",
    "employer edit",
    "intake",
    "import",
    "answer",
    "update",
    "fill",
    "close",
    "withdraw",
    "own report",
    "own withdraw",
}


@pytest.mark.parametrize("action", UI_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_ui(role, action, world, settings):
    settings.WERKPAD_STAFF_2FA = False
    client = page_client(user_for(role, world))
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
