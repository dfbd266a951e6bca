"""Who may do what with referrals to vacancies, placements and the self-employment route
(MA2-MA4): every role x every endpoint, API and UI.

* caseworkers of the municipality: everything;
* the employer advisor of the employer's municipality: sees referrals and placements of
  the register's employers, refers and records the employer's answer; records no
  placement, follow-up or self-employment route;
* the employer: sees the placements at its own organisation (no after-care plan);
* the job seeker: reads their own placement in the API;
* a caseworker of another municipality and every other role see nothing; without a
  login the API answers 401 and a page sends to the login.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.access import api_client, page_client
from tests.factories import (
    EmployerFactory,
    JobSeekerFactory,
    UserFactory,
    VacancyFactory,
    job_seeker_login,
)
from tests.placements.conftest import NOW
from tests.placements.factories import PlacementFactory, VacancyReferralFactory
from werkpad.core.permissions import Role
from werkpad.placements.models import (
    FollowUp,
    Placement,
    ReferralStatusChange,
    SelfEmploymentRoute,
    VacancyReferral,
)

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
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
    Role.COUNCIL_MEMBER,
    Role.POLICY_OFFICER,
    Role.FUNCTIONAL_ADMIN,
]

API_ACTIONS = [
    "referral list",
    "referral create",
    "referral read",
    "referral result",
    "list",
    "create",
    "read",
    "follow-up",
]
_NONE_API = {
    "referral list": 403,
    "referral create": 404,
    "referral read": 404,
    "referral result": 404,
    "list": 403,
    "create": 404,
    "read": 404,
    "follow-up": 404,
}
API_EXPECTED = {
    Role.CASEWORKER: {
        "referral list": 200,
        "referral create": 201,
        "referral read": 200,
        "referral result": 200,
        "list": 200,
        "create": 201,
        "read": 200,
        "follow-up": 200,
    },
    Role.EMPLOYER_ADVISOR: {
        "referral list": 200,
        "referral create": 201,
        "referral read": 200,
        "referral result": 200,
        "list": 200,
        "create": 404,
        "read": 200,
        "follow-up": 403,
    },
    Role.EMPLOYER: _NONE_API | {"list": 200, "read": 200, "follow-up": 403},
    # the job seeker sees their own file and placement, and changes neither
    Role.JOB_SEEKER: _NONE_API
    | {"referral create": 403, "create": 403, "read": 200, "follow-up": 403},
    OTHER_MUNICIPALITY: _NONE_API | {"referral list": 200, "list": 200},
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = [
    "list",
    "create form",
    "create",
    "read",
    "follow-up form",
    "follow-up",
    "refer form",
    "refer",
    "referral",
    "referral result",
    "self-employment form",
    "self-employment",
]
_NO_UI = dict.fromkeys(UI_ACTIONS, 403)
UI_EXPECTED = {
    Role.CASEWORKER: dict.fromkeys(UI_ACTIONS, 200)
    | {
        "create": 302,
        "follow-up": 302,
        "refer": 302,
        "referral result": 302,
        "self-employment": 302,
    },
    Role.EMPLOYER_ADVISOR: _NO_UI
    | {
        "list": 200,
        "read": 200,
        "refer form": 200,
        "refer": 302,
        "referral": 200,
        "referral result": 302,
    },
    Role.EMPLOYER: _NO_UI | {"list": 200, "read": 200},
    Role.JOB_SEEKER: _NO_UI,
    OTHER_MUNICIPALITY: dict.fromkeys(UI_ACTIONS, 404) | {"list": 200},
    **dict.fromkeys(NOBODY, _NO_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, caseworker):
    employer = EmployerFactory(municipality=amsterdam)
    person = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    vacancy = VacancyFactory(employer=employer, positions=3)
    placement = PlacementFactory(job_seeker=person, employer=employer)
    return SimpleNamespace(
        employer=employer,
        person=person,
        vacancy=vacancy,
        other_vacancy=VacancyFactory(employer=employer, title="Inpakker"),
        referral=VacancyReferralFactory(job_seeker=person, vacancy=vacancy),
        placement=placement,
        follow_up=placement.follow_ups.get(months=6),
    )


def user_for(role, world, caseworker, zaandam):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.person)
    if role == Role.CASEWORKER:
        return caseworker
    if role == Role.EMPLOYER:
        return UserFactory.with_role(Role.EMPLOYER, organisation=world.employer.organisation)
    if role == OTHER_MUNICIPALITY:
        return UserFactory.with_role(Role.CASEWORKER, municipality=zaandam)
    return UserFactory.with_role(role, municipality=world.person.municipality)


def state():
    return (
        list(VacancyReferral.objects.order_by("pk").values()),
        list(ReferralStatusChange.objects.order_by("pk").values()),
        list(Placement.objects.order_by("pk").values()),
        list(FollowUp.objects.order_by("pk").values()),
        list(SelfEmploymentRoute.objects.order_by("pk").values()),
    )


PLACEMENT = {
    "jobSeeker": None,
    "employerName": "Groothandel Noord",
    "selfFound": True,
    "jobTitle": "Magazijnmedewerker",
    "startDate": "2026-03-09",
    "contractType": "fixed_term",
    "hoursPerWeek": "32.0",
    "hourlyWage": "15.00",
}


def call_api(client, action, world):
    match action:
        case "referral list":
            return client.get("/api/v1/vacancy-referrals")
        case "referral create":
            return client.post(
                "/api/v1/vacancy-referrals",
                {"jobSeeker": world.person.pk, "vacancy": world.other_vacancy.pk},
                format="json",
            )
        case "referral read":
            return client.get(f"/api/v1/vacancy-referrals/{world.referral.pk}")
        case "referral result":
            return client.post(
                f"/api/v1/vacancy-referrals/{world.referral.pk}/result",
                {"step": "invite"},
                format="json",
            )
        case "list":
            return client.get("/api/v1/placements")
        case "create":
            return client.post(
                "/api/v1/placements", PLACEMENT | {"jobSeeker": world.person.pk}, format="json"
            )
        case "read":
            return client.get(f"/api/v1/placements/{world.placement.pk}")
        case "follow-up":
            return client.post(
                f"/api/v1/placements/{world.placement.pk}/follow-ups/6",
                {"stillInWork": False, "notes": "Contract niet verlengd."},
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
    if expected >= 400 or action.endswith(("list", "read")):
        assert state() == before
    else:
        assert state() != before


def call_ui(client, action, world):
    p, js = world.placement, world.person
    match action:
        case "list":
            return client.get("/plaatsingen/")
        case "create form":
            return client.get(f"/plaatsingen/nieuw/{js.pk}/")
        case "create":
            return client.post(
                f"/plaatsingen/nieuw/{js.pk}/",
                {
                    "employer_name": "Groothandel Noord",
                    "self_found": "on",
                    "job_title": "Magazijnmedewerker",
                    "start_date": "2026-03-09",
                    "contract_type": "fixed_term",
                    "hours_per_week": "32",
                    "hourly_wage": "15.00",
                },
            )
        case "read":
            return client.get(f"/plaatsingen/{p.pk}/")
        case "follow-up form":
            return client.get(f"/plaatsingen/{p.pk}/nazorg/{world.follow_up.pk}/")
        case "follow-up":
            return client.post(
                f"/plaatsingen/{p.pk}/nazorg/{world.follow_up.pk}/",
                {"still_in_work": "no", "notes": "Contract niet verlengd."},
            )
        case "refer form":
            return client.get(f"/plaatsingen/verwijzen/{js.pk}/")
        case "refer":
            return client.post(
                f"/plaatsingen/verwijzen/{js.pk}/",
                {"vacancy": world.other_vacancy.pk, "support": "Cv nagekeken."},
            )
        case "referral":
            return client.get(f"/plaatsingen/verwijzingen/{world.referral.pk}/")
        case "referral result":
            return client.post(
                f"/plaatsingen/verwijzingen/{world.referral.pk}/uitslag/", {"step": "invite"}
            )
        case "self-employment form":
            return client.get(f"/plaatsingen/zelfstandig/{js.pk}/")
        case "self-employment":
            return client.post(
                f"/plaatsingen/zelfstandig/{js.pk}/",
                {"information_given_on": "2026-03-01", "outcome": "open"},
            )


UI_WRITES = {"create", "follow-up", "refer", "referral result", "self-employment"}


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
