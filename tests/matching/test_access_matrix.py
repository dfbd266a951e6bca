"""Who may do what in matching (MA1, EM6, EM9, TR4): every role x every page and API
operation, as ``matching/rules.py`` decides.

* the caseworker of the municipality: the search profile, both rankings (with names);
* the employer advisor: the vacancy's ranking (pseudonyms), the preselection, the
  market plan and the municipality's introductions (read only);
* the employer: the candidate file, asking for an introduction, reading and
  withdrawing its own request; another employer does not see that request;
* the job seeker: their own requests, agreeing or declining; another job seeker not;
* every other role, a caseworker of another municipality and nobody logged in: nothing.

Every refusal also proves that nothing changed. Withdrawing the consent to employers
takes the profile out of the candidate file at once.
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
from tests.matching.conftest import NOW
from tests.matching.factories import IntroductionFactory, SearchProfileFactory, in_candidate_file
from werkpad.consents import services as consent_services
from werkpad.consents.models import Consent
from werkpad.core.permissions import Role
from werkpad.matching.models import (
    IntroductionChange,
    IntroductionRequest,
    Preselection,
    SearchProfile,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(NOW, tick=False),
]

ANONYMOUS = "anonymous"
OTHER_EMPLOYER = "employer (other)"
OTHER_JOB_SEEKER = "job seeker (other)"
OTHER_MUNICIPALITY = "caseworker of another municipality"
ROLES = [*Role, OTHER_EMPLOYER, OTHER_JOB_SEEKER, OTHER_MUNICIPALITY, ANONYMOUS]
NOBODY = [
    Role.COACH,
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
    Role.COUNCIL_MEMBER,
    Role.POLICY_OFFICER,
    Role.FUNCTIONAL_ADMIN,
]

API_ACTIONS = [
    "vacancy candidates",
    "vacancy matches",
    "candidate list",
    "introduction create",
    "introduction read",
    "agreement",
    "refusal",
    "withdrawal",
]
_INTRODUCTION = ["introduction read", "agreement", "refusal", "withdrawal"]
_NONE_API = {
    "vacancy candidates": 404,
    "vacancy matches": 404,
    "candidate list": 403,
    "introduction create": 403,
    **dict.fromkeys(_INTRODUCTION, 404),
}
API_EXPECTED = {
    Role.CASEWORKER: _NONE_API | {"vacancy candidates": 200, "vacancy matches": 200},
    Role.EMPLOYER_ADVISOR: _NONE_API
    | {
        "vacancy candidates": 200,
        "introduction read": 200,
        "agreement": 403,
        "refusal": 403,
        "withdrawal": 403,
    },
    Role.EMPLOYER: _NONE_API
    | {
        "candidate list": 200,
        "introduction create": 201,
        "introduction read": 200,
        "agreement": 403,
        "refusal": 403,
        "withdrawal": 200,
    },
    OTHER_EMPLOYER: _NONE_API | {"candidate list": 200, "introduction create": 201},
    Role.JOB_SEEKER: _NONE_API
    | {"introduction read": 200, "agreement": 200, "refusal": 200, "withdrawal": 403},
    OTHER_JOB_SEEKER: _NONE_API,
    OTHER_MUNICIPALITY: _NONE_API,
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = [
    "profile form",
    "profile save",
    "profile confirm",
    "vacancies",
    "vacancy candidates",
    "preselect",
    "job seeker vacancies",
    "market plan",
    "introductions",
    "candidate list",
    "candidate detail",
    "candidate ask",
    "introduction",
    "introduction withdraw",
    "my list",
    "my answer",
]
_NO_UI = dict.fromkeys(UI_ACTIONS, 403)
UI_EXPECTED = {
    Role.CASEWORKER: _NO_UI
    | {
        "profile form": 200,
        "profile save": 302,
        "profile confirm": 302,
        "vacancies": 200,
        "vacancy candidates": 200,
        "job seeker vacancies": 200,
    },
    Role.EMPLOYER_ADVISOR: _NO_UI
    | {
        "vacancies": 200,
        "vacancy candidates": 200,
        "preselect": 302,
        "market plan": 200,
        "introductions": 200,
    },
    Role.EMPLOYER: _NO_UI
    | {
        "candidate list": 200,
        "candidate detail": 200,
        "candidate ask": 302,
        "introduction": 200,
        "introduction withdraw": 302,
    },
    OTHER_EMPLOYER: _NO_UI
    | {
        "candidate list": 200,
        "candidate detail": 200,
        "candidate ask": 302,
        "introduction": 404,
        "introduction withdraw": 404,
    },
    Role.JOB_SEEKER: _NO_UI | {"my list": 200, "my answer": 302},
    OTHER_JOB_SEEKER: _NO_UI | {"my list": 200, "my answer": 404},
    OTHER_MUNICIPALITY: _NO_UI
    | {
        "profile form": 404,
        "profile save": 404,
        "profile confirm": 404,
        "vacancies": 200,
        "vacancy candidates": 404,
        "job seeker vacancies": 404,
    },
    **dict.fromkeys(NOBODY, _NO_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}

READS = {
    "vacancy candidates",
    "vacancy matches",
    "candidate list",
    "introduction read",
    "profile form",
    "vacancies",
    "job seeker vacancies",
    "market plan",
    "introductions",
    "candidate detail",
    "introduction",
    "my list",
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam, caseworker):
    employer = EmployerFactory(municipality=amsterdam)
    person = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    profile = in_candidate_file(SearchProfileFactory(job_seeker=person))
    second = in_candidate_file(
        SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam))
    )
    return SimpleNamespace(
        employer=employer,
        person=person,
        profile=profile,
        second=second,
        vacancy=VacancyFactory(employer=employer),
        introduction=IntroductionFactory(employer=employer, profile=profile),
    )


def user_for(role, world, caseworker, zaandam):
    amsterdam = world.person.municipality
    match role:
        case "anonymous":
            return None
        case Role.JOB_SEEKER:
            return job_seeker_login(world.person)
        case "job seeker (other)":
            return job_seeker_login(JobSeekerFactory(municipality=amsterdam))
        case Role.CASEWORKER:
            return caseworker
        case Role.EMPLOYER_ADVISOR:
            return world.employer.contact_person
        case Role.EMPLOYER:
            return UserFactory.with_role(Role.EMPLOYER, organisation=world.employer.organisation)
        case "employer (other)":
            other = EmployerFactory(municipality=amsterdam)
            return UserFactory.with_role(Role.EMPLOYER, organisation=other.organisation)
        case "caseworker of another municipality":
            return UserFactory.with_role(Role.CASEWORKER, municipality=zaandam)
    return UserFactory.with_role(role, municipality=amsterdam)


def state():
    return (
        list(SearchProfile.objects.order_by("pk").values()),
        list(Preselection.objects.order_by("pk").values()),
        list(IntroductionRequest.objects.order_by("pk").values()),
        list(IntroductionChange.objects.order_by("pk").values()),
    )


def call_api(client, action, world):
    intro = f"/api/v1/introductions/{world.introduction.pk}"
    match action:
        case "vacancy candidates":
            return client.get(f"/api/v1/vacancies/{world.vacancy.pk}/candidates")
        case "vacancy matches":
            return client.get(f"/api/v1/job-seekers/{world.person.pk}/vacancy-matches")
        case "candidate list":
            return client.get("/api/v1/candidates")
        case "introduction create":
            return client.post(
                f"/api/v1/candidates/{world.second.pseudonym}/introductions",
                {"message": "Wij zoeken een collega."},
                format="json",
            )
        case "introduction read":
            return client.get(intro)
        case "agreement":
            return client.post(f"{intro}/agreement", {"shareEmail": True}, format="json")
        case "refusal":
            return client.post(f"{intro}/refusal", {}, format="json")
        case "withdrawal":
            return client.post(f"{intro}/withdrawal", {}, format="json")


@pytest.mark.parametrize("action", API_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_api(role, action, world, caseworker, zaandam):
    client = api_client(user_for(role, world, caseworker, zaandam))
    before = state()
    response = call_api(client, action, world)
    expected = API_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if expected >= 400 or action in READS:
        assert state() == before
    else:
        assert state() != before


PROFILE = {"occupation_codes": "9112, 9412", "min_hours": "8", "max_hours": "20"}


def call_ui(client, action, world):
    js = world.person.pk
    intro = world.introduction.pk
    match action:
        case "profile form":
            return client.get(f"/matching/profiel/{js}/")
        case "profile save":
            return client.post(f"/matching/profiel/{js}/", PROFILE)
        case "profile confirm":
            return client.post(f"/matching/profiel/{js}/bevestigen/", {})
        case "vacancies":
            return client.get("/matching/vacatures/")
        case "vacancy candidates":
            return client.get(f"/matching/vacatures/{world.vacancy.pk}/kandidaten/")
        case "preselect":
            return client.post(
                f"/matching/vacatures/{world.vacancy.pk}/voordracht/", {"job_seeker": js}
            )
        case "job seeker vacancies":
            return client.get(f"/matching/werkzoekenden/{js}/vacatures/")
        case "market plan":
            return client.get("/matching/marktplan/")
        case "introductions":
            return client.get("/matching/kennismakingen/")
        case "candidate list":
            return client.get("/kandidaten/")
        case "candidate detail":
            return client.get(f"/kandidaten/{world.profile.pseudonym}/")
        case "candidate ask":
            return client.post(f"/kandidaten/{world.second.pseudonym}/", {"message": "Hallo!"})
        case "introduction":
            return client.get(f"/kandidaten/kennismakingen/{intro}/")
        case "introduction withdraw":
            return client.post(f"/kandidaten/kennismakingen/{intro}/intrekken/", {})
        case "my list":
            return client.get("/mijn/kennismakingen/")
        case "my answer":
            return client.post(f"/mijn/kennismakingen/{intro}/antwoord/", {"agreed": "no"})


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
    if action not in READS and expected == 302 and role != ANONYMOUS:
        assert state() != before
    else:
        assert state() == before


def test_withdrawing_the_consent_takes_the_profile_out_at_once(world, caseworker, zaandam):
    employer_user = user_for(Role.EMPLOYER, world, caseworker, zaandam)
    seeker = job_seeker_login(world.person)
    client = page_client(employer_user)
    link = f'href="/kandidaten/{world.profile.pseudonym}/"'
    assert link in client.get("/kandidaten/").content.decode()
    consent = Consent.objects.filter(job_seeker=world.person, recipient="employers").first()
    consent_services.consent_withdraw(user=seeker, consent_id=consent.pk)
    remaining = Consent.objects.filter(
        job_seeker=world.person, recipient="employers", status="given"
    )
    for other in remaining:
        consent_services.consent_withdraw(user=seeker, consent_id=other.pk)
    assert link not in client.get("/kandidaten/").content.decode()
    assert client.get(f"/kandidaten/{world.profile.pseudonym}/").status_code == 404
    names = [
        c["pseudonym"]
        for c in api_client(employer_user).get("/api/v1/candidates").json()["results"]
    ]
    assert world.profile.pseudonym not in names and world.second.pseudonym in names
