"""Who sees which worklist: the home page and /api/v1/worklist, every role (issue 7).

* every role that logs in gets their own worklist, the sections of the roles they hold, the
  same on the home page and in the API; the job seeker's home is their own pages (/mijn/);
* a worklist names only job seekers the user may see: a file of a municipality the
  caseworker does not work for stays out, even when they are still its contact person;
* without a login the API answers 401 and the home page sends you to the login page.
"""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils.html import escape

from tests.access import ANONYMOUS, ROLES, api_client, page_client
from tests.factories import (
    JobSeekerFactory,
    PlanFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.core.permissions import Role

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]

#: The sections each role's worklist holds, in the order of the page.
SECTIONS = {
    Role.JOB_SEEKER: [],
    Role.CASEWORKER: [
        "profile-review",
        "caseload",
        "plan-review",
        "actions-contact-person",
        "actions-approval-contact-person",
        "matching-profiles-to-confirm",
        "caseload-reports",
        "second-opinions-caseworker",
        "mediations-requested",
        "placements-follow-ups",
    ],
    Role.COACH: ["referrals-inbox", "coach-reports", "actions-coach", "actions-approval-coach"],
    Role.EMPLOYER_ADVISOR: ["vacancies-to-answer", "vacancies-expired", "matching-introductions"],
    Role.EMPLOYER: [],
    Role.ADVISOR: ["second-opinions-to-advise"],
    Role.COMPLAINT_HANDLER: [
        "complaints-open",
        "complaints-acknowledge",
        "complaints-dissatisfied",
    ],
    Role.COUNCIL_MEMBER: ["council-advice-requests", "programme-gaps", "composition"],
    Role.POLICY_OFFICER: ["certification", "council-advice-to-respond", "composition"],
    Role.FUNCTIONAL_ADMIN: ["certification", "minimum-wage", "composition"],
}
#: Who finds the Amsterdam job seeker's name in their worklist: the contact person, and the
#: coach of the provider while the trajectory runs.
NAMES_OWN = {Role.CASEWORKER, Role.COACH}

ACTIONS = ["home page", "API worklist"]
EXPECTED = {
    **{role: {"home page": 200, "API worklist": 200} for role in Role},
    Role.JOB_SEEKER: {"home page": 302, "API worklist": 200},  # home: to their own pages
    Role.EMPLOYER: {"home page": 302, "API worklist": 200},  # home: to /werkgever/
    ANONYMOUS: {"home page": 302, "API worklist": 401},
}


def test_the_table_covers_every_role_and_action():
    assert set(EXPECTED) == set(ROLES) == {*SECTIONS, ANONYMOUS}
    assert all(set(row) == set(ACTIONS) for row in EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam):
    caseworker = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    provider = ProviderFactory(municipality=amsterdam)
    own = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        first_name="Ilse",
        last_name="Timmerhuis-Oost",
        profile_overdue=True,
    )
    # A file of a municipality the caseworker does not work for, with them still as its
    # contact person (they moved): nothing of it may reach their worklist.
    moved = JobSeekerFactory(
        municipality=zaandam,
        contact_person=caseworker,
        first_name="Kees",
        last_name="Zaanstra",
        profile_overdue=True,
    )
    for person, their_provider in ((own, provider), (moved, ProviderFactory(municipality=zaandam))):
        PlanFactory(job_seeker=person, review_overdue=True)
        TrajectoryFactory(
            job_seeker=person,
            programme=ProgrammeFactory(provider=their_provider),
            report_overdue=True,
        )
    return SimpleNamespace(caseworker=caseworker, provider=provider, own=own, moved=moved)


def user_for(role, world, role_user):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.own)
    if role == Role.CASEWORKER:
        return world.caseworker
    if role == Role.COACH:
        return role_user(role, organisation=world.provider.organisation)
    return role_user(role)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_worklist(role, action, world, role_user):
    user = user_for(role, world, role_user)
    if action == "API worklist":
        response = api_client(user).get("/api/v1/worklist")
    else:
        response = page_client(user).get("/")
    expected = EXPECTED[role][action]
    assert response.status_code == expected, (role, action)
    if role == ANONYMOUS:
        if action == "home page":
            assert response["Location"].startswith("/accounts/login/?next=")
        else:
            assert response["Content-Type"] == "application/problem+json"
        return
    if expected == 302:
        assert response["Location"] == ("/werkgever/" if role == Role.EMPLOYER else "/mijn/")
        return
    content = response.content.decode()
    if action == "API worklist":
        keys = [section["key"] for section in response.json()["sections"]]
    else:
        keys = re.findall(r'<h3 id="section-([a-z-]+)">', content)
    assert keys == SECTIONS[role]
    assert (escape(world.own.last_name) in content) is (role in NAMES_OWN)
    if role != Role.CASEWORKER:  # the caseworker's own: the test below
        assert world.moved.last_name not in content


@pytest.mark.parametrize("path", ["/", "/api/v1/worklist"])
def test_a_caseworker_who_moved_finds_no_file_of_their_old_municipality(path, world):
    """The profile and plan sections leave the Zaanstad file out; the progress reports
    due must too."""
    content = page_client(world.caseworker).get(path).content.decode()
    assert world.own.last_name in content
    assert world.moved.last_name not in content
