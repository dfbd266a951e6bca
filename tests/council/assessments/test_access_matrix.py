"""Who may do what with the checklist and assessments (CO3): every role x every endpoint.

* a member of Amsterdam's council: reads the checklist, starts, answers, finalises,
  shares and exports its council's assessments; reads what the region shared;
* a member of a neighbouring council (Diemen, same labour-market region): reads only
  the assessment Amsterdam's council shared, read-only; never a draft or an unshared one;
* a member of a council in another region: none of Amsterdam's assessments;
* Amsterdam's policy officer: reads the checklist and the council's FINAL assessments
  (sent to the alderman), never a draft, changes nothing;
* every other role sees nothing; without a login the API answers 401 and a page sends
  to the login.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.access import api_client, page_client
from tests.council.assessments.conftest import NOW
from tests.council.assessments.factories import AssessmentFactory, answer_all
from tests.factories import UserFactory
from werkpad.core.permissions import Role
from werkpad.council.models.assessments import Answer, Assessment, AssessmentStatusChange

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(NOW, tick=False),
]

ANONYMOUS = "anonymous"
NEIGHBOUR = "member of a neighbouring council"
FAR = "member of a council in another region"
ROLES = [*Role, NEIGHBOUR, FAR, ANONYMOUS]
NOBODY = [r for r in Role if r not in (Role.COUNCIL_MEMBER, Role.POLICY_OFFICER)]

API_ACTIONS = [
    "checklist",
    "list",
    "create",
    "read draft",
    "read final",
    "read shared",
    "answer",
    "finalise",
    "share",
    "export",
]
_NONE_API = {
    "checklist": 403,
    "list": 403,
    "create": 403,
    "read draft": 404,
    "read final": 404,
    "read shared": 404,
    "answer": 404,
    "finalise": 404,
    "share": 404,
    "export": 404,
}
_OTHER_COUNCIL = _NONE_API | {"checklist": 200, "list": 200, "create": 201}
API_EXPECTED = {
    Role.COUNCIL_MEMBER: {
        "checklist": 200,
        "list": 200,
        "create": 201,
        "read draft": 200,
        "read final": 200,
        "read shared": 200,
        "answer": 200,
        "finalise": 200,
        "share": 200,
        "export": 200,
    },
    NEIGHBOUR: _OTHER_COUNCIL | {"read shared": 200, "export": 200},
    FAR: _OTHER_COUNCIL,
    Role.POLICY_OFFICER: _NONE_API
    | {
        "checklist": 200,
        "list": 200,
        "read final": 200,
        "read shared": 200,
        "share": 403,
        "export": 200,
    },
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = [
    "list",
    "new",
    "create",
    "region",
    "draft",
    "final",
    "shared",
    "point",
    "save point",
    "finalise",
    "share",
    "compare",
    "export",
]
_NO_UI = dict.fromkeys(UI_ACTIONS, 403)
_OTHER_COUNCIL_UI = {
    "list": 200,
    "new": 200,
    "create": 302,
    "region": 200,
    "draft": 404,
    "final": 404,
    "shared": 404,
    "point": 404,
    "save point": 404,
    "finalise": 404,
    "share": 404,
    "compare": 404,
    "export": 404,
}
UI_EXPECTED = {
    Role.COUNCIL_MEMBER: {
        "list": 200,
        "new": 200,
        "create": 302,
        "region": 200,
        "draft": 200,
        "final": 200,
        "shared": 200,
        "point": 200,
        "save point": 302,
        "finalise": 302,
        "share": 302,
        "compare": 200,
        "export": 200,
    },
    NEIGHBOUR: _OTHER_COUNCIL_UI | {"shared": 200, "export": 200},
    FAR: _OTHER_COUNCIL_UI,
    Role.POLICY_OFFICER: _NO_UI
    | {
        "list": 200,
        "draft": 404,
        "final": 200,
        "shared": 200,
        "point": 404,
        "save point": 404,
        "compare": 404,
        "export": 200,
    },
    **dict.fromkeys(NOBODY, _NO_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(councils):
    final = AssessmentFactory(council=councils.own, final=True, title="Beoordeling 2025")
    answer_all(final)
    shared = AssessmentFactory(council=councils.own, shared=True, title="Beoordeling 2024")
    answer_all(shared)
    draft = AssessmentFactory(council=councils.own, previous=final, title="Beoordeling 2026")
    answer_all(draft)
    return SimpleNamespace(councils=councils, draft=draft, final=final, shared=shared)


def user_for(role, world):
    c = world.councils
    match role:
        case "anonymous":
            return None
        case Role.COUNCIL_MEMBER:
            return c.member
        case "member of a neighbouring council":
            return c.neighbour_member
        case "member of a council in another region":
            return c.far_member
        case Role.POLICY_OFFICER:
            return c.policy_officer
    return UserFactory.with_role(role, municipality=c.own.municipality)


def state():
    return (
        list(Assessment.objects.order_by("pk").values()),
        list(Answer.objects.order_by("pk").values()),
        list(AssessmentStatusChange.objects.order_by("pk").values()),
    )


API = "/api/v1/council"


def call_api(client, action, world):
    match action:
        case "checklist":
            return client.get(f"{API}/checklist")
        case "list":
            return client.get(f"{API}/assessments")
        case "create":
            return client.post(f"{API}/assessments", {"title": "Beoordeling 2027"}, format="json")
        case "read draft":
            return client.get(f"{API}/assessments/{world.draft.pk}")
        case "read final":
            return client.get(f"{API}/assessments/{world.final.pk}")
        case "read shared":
            return client.get(f"{API}/assessments/{world.shared.pk}")
        case "answer":
            return client.patch(
                f"{API}/assessments/{world.draft.pk}",
                {"version": 1, "answers": [{"questionId": "1.1", "answer": "no"}]},
                format="json",
            )
        case "finalise":
            return client.post(
                f"{API}/assessments/{world.draft.pk}/finalisation", {}, format="json"
            )
        case "share":
            return client.post(f"{API}/assessments/{world.final.pk}/sharing", {}, format="json")
        case "export":
            return client.get(f"{API}/assessments/{world.shared.pk}/export?format=docx")


API_READS = {"checklist", "list", "read draft", "read final", "read shared", "export"}


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


def call_ui(client, action, world):
    base = "/raad/beoordelingen"
    match action:
        case "list":
            return client.get(f"{base}/")
        case "new":
            return client.get(f"{base}/nieuw/")
        case "create":
            return client.post(f"{base}/nieuw/", {"title": "Beoordeling 2027"})
        case "region":
            return client.get(f"{base}/regio/")
        case "draft":
            return client.get(f"{base}/{world.draft.pk}/")
        case "final":
            return client.get(f"{base}/{world.final.pk}/")
        case "shared":
            return client.get(f"{base}/{world.shared.pk}/")
        case "point":
            return client.get(f"{base}/{world.draft.pk}/punt/1/")
        case "save point":
            return client.post(
                f"{base}/{world.draft.pk}/punt/1/",
                {
                    "version": "1",
                    "answer_1.1": "no",
                    "text_1.1": "Te laat geraadpleegd.",
                    "answer_1.2": "yes",
                    "answer_1.3": "none-yet",
                },
            )
        case "finalise":
            return client.post(f"{base}/{world.draft.pk}/definitief/")
        case "share":
            return client.post(f"{base}/{world.final.pk}/delen/")
        case "compare":
            return client.get(f"{base}/{world.draft.pk}/vergelijking/")
        case "export":
            return client.get(f"{base}/{world.shared.pk}/export/docx/")


UI_WRITES = {"create", "save point", "finalise", "share"}


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
