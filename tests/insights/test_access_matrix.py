"""Who sees the insights' pages: every role x every page (PR3, PR4).

* the gaps in the programme offer: the caseworker, the policy officer and the client
  council (with small cells suppressed), of their own municipality only;
* the referral concentration names caseworkers: the policy officer only;
* the programmes that fit one job seeker: the caseworkers of the file's municipality;
  the job seeker is refused on their own file (403), everyone else finds no file (404),
  and a refusal reads nothing (no row in the access log);
* without a login the pages send you to the login page.

The composition page is in tests/test_access_matrix.py with the files it counts.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from tests.access import ANONYMOUS, ROLES, page_client
from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]

ACTIONS = [
    "gaps",
    "gaps of another municipality",
    "concentration",
    "concentration of another municipality",
    "fit of own municipality's file",
    "fit of another municipality's file",
]
_NOBODY = {
    "gaps": 403,
    "gaps of another municipality": 403,
    "concentration": 403,
    "concentration of another municipality": 403,
    "fit of own municipality's file": 404,
    "fit of another municipality's file": 404,
}
EXPECTED = {
    **dict.fromkeys(Role, _NOBODY),
    Role.CASEWORKER: _NOBODY | {"gaps": 200, "fit of own municipality's file": 200},
    Role.JOB_SEEKER: _NOBODY | {"fit of own municipality's file": 403},
    Role.COUNCIL_MEMBER: _NOBODY | {"gaps": 200},
    Role.POLICY_OFFICER: _NOBODY | {"gaps": 200, "concentration": 200},
    ANONYMOUS: dict.fromkeys(ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(EXPECTED) == set(ROLES)
    assert all(set(row) == set(ACTIONS) for row in EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam):
    referrer = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, first_name="Karin", last_name="Verwijzer"
    )
    own = JobSeekerFactory(
        municipality=amsterdam, contact_person=referrer, last_name="Timmerhuis-Oost"
    )
    provider = ProviderFactory(municipality=amsterdam)
    TrajectoryFactory(
        job_seeker=own, programme=ProgrammeFactory(provider=provider), referred_by=referrer
    )
    return SimpleNamespace(
        own=own,
        other=JobSeekerFactory(municipality=zaandam, last_name="Zaanstra"),
        zaandam=zaandam,
        referrer=referrer,
    )


def user_for(role, world, role_user):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.own)
    return role_user(role)


def call(client, action, world):
    other = f"?municipality={world.zaandam.pk}"
    match action:
        case "gaps":
            return client.get("/inzicht/hiaten/")
        case "gaps of another municipality":
            return client.get(f"/inzicht/hiaten/{other}")
        case "concentration":
            return client.get("/inzicht/verwijzingen/")
        case "concentration of another municipality":
            return client.get(f"/inzicht/verwijzingen/{other}")
        case "fit of own municipality's file":
            return client.get(f"/werkzoekenden/{world.own.pk}/passend-aanbod/")
        case "fit of another municipality's file":
            return client.get(f"/werkzoekenden/{world.other.pk}/passend-aanbod/")
    raise AssertionError(action)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_ui(role, action, world, role_user):
    user = user_for(role, world, role_user)
    client = page_client(user)
    before = AuditEvent.objects.count()
    response = call(client, action, world)
    expected = EXPECTED[role][action]
    assert response.status_code == expected, (role, action)
    if role == ANONYMOUS:
        assert response["Location"].startswith("/accounts/login/?next=")
    if expected != 200:
        assert AuditEvent.objects.count() == before, "a refused request read something"
        return
    page = response.content.decode()
    assert world.other.last_name not in page
    if action == "fit of own municipality's file":
        assert world.own.last_name in page
    elif action == "concentration":
        assert world.referrer.last_name in page
    else:
        assert world.own.last_name not in page
