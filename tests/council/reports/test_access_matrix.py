"""Who may do what with results reports (CO2): every role x every page.

* the policy officer of the municipality: lists, writes drafts, sees drafts and
  published reports, changes notes, publishes and exports;
* its functional administrator: reads and exports, writes nothing;
* a member of the municipality's council: reads and exports the published reports,
  never a draft;
* a policy officer or a council member of another municipality sees none of them;
* every other role sees nothing; without a login a page sends to the login.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from tests.access import page_client
from tests.council.reports.factories import ResultsReportFactory, council_of
from tests.factories import JobSeekerFactory, UserFactory, job_seeker_login
from werkpad.core.permissions import Role
from werkpad.council.models import ResultsReport, ResultsReportStatusChange

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(NOW, tick=False),
]

ANONYMOUS = "anonymous"
OTHER_OFFICER = "policy officer of another municipality"
OTHER_MEMBER = "council member of another municipality"
ROLES = [*Role, OTHER_OFFICER, OTHER_MEMBER, ANONYMOUS]
NOBODY = [
    Role.JOB_SEEKER,
    Role.CASEWORKER,
    Role.COACH,
    Role.EMPLOYER_ADVISOR,
    Role.EMPLOYER,
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
]

ACTIONS = ["list", "form", "create", "draft", "published", "notes", "publish", "docx", "pdf"]
_NONE = dict.fromkeys(ACTIONS, 403)
EXPECTED = {
    Role.POLICY_OFFICER: {
        "list": 200,
        "form": 200,
        "create": 302,
        "draft": 200,
        "published": 200,
        "notes": 302,
        "publish": 302,
        "docx": 200,
        "pdf": 200,
    },
    Role.FUNCTIONAL_ADMIN: _NONE
    | {"list": 200, "draft": 200, "published": 200, "docx": 200, "pdf": 200},
    Role.COUNCIL_MEMBER: _NONE
    | {"list": 200, "draft": 404, "published": 200, "docx": 200, "pdf": 200},
    # the form offers only their own municipality: Amsterdam is not a valid choice
    OTHER_OFFICER: {
        "list": 200,
        "form": 200,
        "create": 400,
        "draft": 404,
        "published": 404,
        "notes": 404,
        "publish": 404,
        "docx": 404,
        "pdf": 404,
    },
    OTHER_MEMBER: _NONE | {"list": 200, "draft": 404, "published": 404, "docx": 404, "pdf": 404},
    **dict.fromkeys(NOBODY, _NONE),
    ANONYMOUS: dict.fromkeys(ACTIONS, 302),
}
CHANGES = {"create", "notes", "publish"}


def test_the_table_covers_every_role_and_action():
    assert set(EXPECTED) == set(ROLES)
    assert all(set(row) == set(ACTIONS) for row in EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam):
    council_of(zaandam)
    JobSeekerFactory.create_batch(3, municipality=amsterdam)
    draft = ResultsReportFactory(municipality=amsterdam)
    published = ResultsReportFactory(
        municipality=amsterdam,
        published=True,
        period_start=dt.date(2026, 4, 1),
        period_end=dt.date(2026, 6, 30),
    )
    return SimpleNamespace(draft=draft, published=published, amsterdam=amsterdam)


def user_for(role, world, zaandam):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(JobSeekerFactory(municipality=world.amsterdam))
    if role == OTHER_OFFICER:
        return UserFactory.with_role(Role.POLICY_OFFICER, municipality=zaandam)
    if role == OTHER_MEMBER:
        return UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=council_of(zaandam))
    if role == Role.COUNCIL_MEMBER:
        return UserFactory.with_role(role, organisation=council_of(world.amsterdam))
    return UserFactory.with_role(role, municipality=world.amsterdam)


def state():
    return (
        list(ResultsReport.objects.order_by("pk").values()),
        list(ResultsReportStatusChange.objects.order_by("pk").values()),
    )


def call(client, action, world):
    base = "/raad/rapportages/"
    match action:
        case "list":
            return client.get(base)
        case "form":
            return client.get(f"{base}nieuw/")
        case "create":
            return client.post(
                f"{base}nieuw/",
                {"municipality": world.amsterdam.pk, "period_kind": "year", "year": "2025"},
            )
        case "draft":
            return client.get(f"{base}{world.draft.pk}/")
        case "published":
            return client.get(f"{base}{world.published.pk}/")
        case "notes":
            return client.post(
                f"{base}{world.draft.pk}/notities/", {"notes": "Nieuwe toelichting."}
            )
        case "publish":
            return client.post(f"{base}{world.draft.pk}/publiceren/")
        case "docx":
            return client.get(f"{base}{world.published.pk}/export.docx")
        case "pdf":
            return client.get(f"{base}{world.published.pk}/export.pdf")


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_pages(role, action, world, zaandam):
    client = page_client(user_for(role, world, zaandam))
    before = state()
    response = call(client, action, world)
    expected = EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if action in CHANGES and expected == 302 and role != ANONYMOUS:
        assert state() != before
    else:
        assert state() == before
