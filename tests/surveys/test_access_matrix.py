"""Who may do what with satisfaction surveys (RI6): every role x every page.

* the policy officer of the municipality: lists, drafts, edits and proposes its own
  drafts, opens and closes approved surveys, reads results; approves what the council
  proposes (not its own proposals);
* a member of the municipality's client council: lists, drafts, reads results and
  approves or sends back what the municipality proposes; never opens or closes;
* a policy officer of another municipality: the list (empty) and drafting of their own,
  none of this municipality's surveys (404);
* the invited job seeker answers by the link and sees /mijn/enquetes/; an employer sees
  its own invitations page; someone else's link does not exist for anyone (404);
* every other role sees nothing; without a login a page sends to the login.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.access import page_client
from tests.factories import EmployerFactory, JobSeekerFactory, UserFactory, job_seeker_login
from tests.surveys.factories import InvitationFactory, QuestionFactory, SurveyFactory
from werkpad.core.permissions import Role
from werkpad.surveys.models import Invitation, Question, Response, Survey, SurveyStatusChange

pytestmark = [pytest.mark.django_db, pytest.mark.access_matrix]

ANONYMOUS = "anonymous"
OTHER_MUNICIPALITY = "policy officer of another municipality"
ROLES = [*Role, OTHER_MUNICIPALITY, ANONYMOUS]

ACTIONS = [
    "list",
    "create",
    "detail",
    "edit",
    "question add",
    "question remove",
    "propose",
    "approve",
    "return",
    "withdraw",
    "open",
    "close",
    "results",
    "answer",
    "own job seeker",
    "own employer",
]
READS = {"list", "detail", "results", "own job seeker", "own employer"}

_NONE = dict.fromkeys(ACTIONS, 403) | {"answer": 404}
_PARTY = _NONE | {"list": 200, "create": 302, "detail": 200, "results": 200}
_MAKER = {
    "edit": 302,
    "question add": 302,
    "question remove": 302,
    "propose": 302,
    "withdraw": 302,
}
EXPECTED = {
    Role.POLICY_OFFICER: _PARTY
    | _MAKER
    | {"approve": 403, "return": 403, "open": 302, "close": 302},
    Role.COUNCIL_MEMBER: _PARTY
    | dict.fromkeys(_MAKER, 403)
    | {"approve": 302, "return": 302, "open": 403, "close": 403},
    OTHER_MUNICIPALITY: _PARTY
    | dict.fromkeys([*_MAKER, "detail", "approve", "return", "open", "close", "results"], 404),
    Role.JOB_SEEKER: _NONE | {"answer": 302, "own job seeker": 200},
    Role.EMPLOYER: _NONE | {"own employer": 200},
    **dict.fromkeys(
        [
            Role.CASEWORKER,
            Role.COACH,
            Role.EMPLOYER_ADVISOR,
            Role.ADVISOR,
            Role.COMPLAINT_HANDLER,
            Role.FUNCTIONAL_ADMIN,
        ],
        _NONE,
    ),
    ANONYMOUS: dict.fromkeys(ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(EXPECTED) == set(ROLES)
    assert all(set(row) == set(ACTIONS) for row in EXPECTED.values())


@pytest.fixture
def world(amsterdam):
    person = JobSeekerFactory(municipality=amsterdam)
    draft = SurveyFactory(municipality=amsterdam)
    question = QuestionFactory(survey=draft)
    proposed = SurveyFactory(municipality=amsterdam, proposed=True)
    QuestionFactory(survey=proposed)
    approved = SurveyFactory(municipality=amsterdam, approved=True)
    running = SurveyFactory(municipality=amsterdam, open=True)
    asked = QuestionFactory(survey=running)
    invitation = InvitationFactory(survey=running, job_seeker=person)
    InvitationFactory(survey=running, employer=EmployerFactory(municipality=amsterdam))
    closed = SurveyFactory(municipality=amsterdam, closed=True)
    return SimpleNamespace(
        person=person,
        draft=draft,
        question=question,
        proposed=proposed,
        approved=approved,
        running=running,
        asked=asked,
        invitation=invitation,
        closed=closed,
    )


def user_for(role, world, zaandam):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.person)
    if role == OTHER_MUNICIPALITY:
        return UserFactory.with_role(Role.POLICY_OFFICER, municipality=zaandam)
    return UserFactory.with_role(role, municipality=world.person.municipality)


def state():
    return (
        list(Survey.objects.order_by("pk").values()),
        list(Question.objects.order_by("pk").values()),
        list(Invitation.objects.order_by("pk").values()),
        list(SurveyStatusChange.objects.order_by("pk").values()),
        Response.objects.count(),
    )


def call(client, action, w):
    base = "/enquetes"
    match action:
        case "list":
            return client.get(f"{base}/")
        case "create":
            return client.post(
                f"{base}/nieuw/",
                {
                    "title": "Werkgevers 2027",
                    "audience": "employers",
                    "introduction": "",
                    "closes_on": "2027-03-01",
                },
            )
        case "detail":
            return client.get(f"{base}/{w.draft.pk}/")
        case "edit":
            return client.post(
                f"{base}/{w.draft.pk}/bewerken/",
                {"title": "Nieuwe titel", "audience": "job_seekers", "closes_on": "2027-02-01"},
            )
        case "question add":
            return client.post(
                f"{base}/{w.draft.pk}/vragen/", {"text": "Wat kan beter?", "kind": "open"}
            )
        case "question remove":
            return client.post(f"{base}/{w.draft.pk}/vragen/{w.question.pk}/verwijderen/")
        case "propose":
            return client.post(f"{base}/{w.draft.pk}/voorstellen/")
        case "approve":
            return client.post(f"{base}/{w.proposed.pk}/goedkeuren/")
        case "return":
            return client.post(f"{base}/{w.proposed.pk}/terugsturen/", {"reason": "Te lang."})
        case "withdraw":
            return client.post(f"{base}/{w.draft.pk}/intrekken/", {"reason": "Geen budget."})
        case "open":
            return client.post(f"{base}/{w.approved.pk}/openen/")
        case "close":
            return client.post(f"{base}/{w.running.pk}/sluiten/")
        case "results":
            return client.get(f"{base}/{w.closed.pk}/resultaten/")
        case "answer":
            return client.post(f"{base}/antwoord/{w.invitation.token}/", {f"q{w.asked.pk}": "4"})
        case "own job seeker":
            return client.get("/mijn/enquetes/")
        case "own employer":
            return client.get(f"{base}/uitnodigingen/")


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_pages(role, action, world, zaandam):
    client = page_client(user_for(role, world, zaandam))
    before = state()
    response = call(client, action, world)
    expected = EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if expected >= 300 and role == ANONYMOUS:
        assert response["Location"].startswith("/accounts/")
    if expected != 302 or action in READS or role == ANONYMOUS:
        assert state() == before
    else:
        assert state() != before


def test_a_council_member_of_another_municipality_sees_none_of_these(world, zaandam):
    member = UserFactory.with_role(Role.COUNCIL_MEMBER, municipality=zaandam)
    client = page_client(member)
    assert client.get(f"/enquetes/{world.draft.pk}/").status_code == 404
    assert client.post(f"/enquetes/{world.proposed.pk}/goedkeuren/").status_code == 404
    assert Survey.objects.get(pk=world.proposed.pk).status == "proposed"
