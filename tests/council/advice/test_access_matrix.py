"""Who may do what with advice requests (CO1): every role x every page and API endpoint.

* the members of the addressed council: see its requests once sent, write and send the
  advice, ask for a longer term, give unasked advice;
* the municipality's policy officers: prepare, send and withdraw requests, attach
  documents, decide on a longer term, respond to the advice;
* the municipality's functional administrators: read;
* a neighbouring council's member and another municipality's policy officer see none of
  it; every other role sees nothing; without a login the API answers 401 and a page sends
  to the login.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access import api_client, page_client
from tests.council.advice.conftest import NOW
from tests.council.advice.factories import AdviceRequestFactory, recommendation_formset
from tests.factories import UserFactory
from werkpad.core.permissions import Role
from werkpad.council.advice import services
from werkpad.council.models import (
    AdviceAttachment,
    AdviceRequest,
    AdviceRequestStatusChange,
    Recommendation,
    TermExtension,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(NOW, tick=False),
]

ANONYMOUS = "anonymous"
OTHER_COUNCIL = "member of a neighbouring council"
OTHER_OFFICER = "policy officer of another municipality"
ROLES = [*Role, OTHER_COUNCIL, OTHER_OFFICER, ANONYMOUS]
NOBODY = [
    Role.JOB_SEEKER,
    Role.CASEWORKER,
    Role.COACH,
    Role.EMPLOYER_ADVISOR,
    Role.EMPLOYER,
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

API_ACTIONS = [
    "list",
    "create",
    "read",
    "send",
    "withdraw",
    "advise",
    "respond",
    "ask extension",
    "decide extension",
]
_HIDDEN_API = {"list": 403, "create": 403} | dict.fromkeys(API_ACTIONS[2:], 404)
API_EXPECTED = {
    Role.COUNCIL_MEMBER: {
        "list": 200,
        "create": 403,
        "read": 200,
        "send": 404,  # a draft request is the municipality's alone
        "withdraw": 403,
        "advise": 200,
        "respond": 403,
        "ask extension": 200,
        "decide extension": 403,
    },
    Role.POLICY_OFFICER: {
        "list": 200,
        "create": 201,
        "read": 200,
        "send": 200,
        "withdraw": 200,
        "advise": 403,
        "respond": 200,
        "ask extension": 403,
        "decide extension": 200,
    },
    Role.FUNCTIONAL_ADMIN: dict.fromkeys(API_ACTIONS, 403) | {"list": 200, "read": 200},
    OTHER_COUNCIL: _HIDDEN_API | {"list": 200},
    OTHER_OFFICER: _HIDDEN_API | {"list": 200, "create": 201},
    **dict.fromkeys(NOBODY, _HIDDEN_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = [
    "list",
    "create form",
    "create",
    "unasked form",
    "unasked",
    "detail",
    "send",
    "withdraw",
    "attach",
    "download",
    "advice form",
    "advise",
    "ask extension",
    "decide extension",
    "response form",
    "respond",
]
_NO_UI = dict.fromkeys(UI_ACTIONS, 403)
#: A reader who does not see this municipality's requests.
_OUTSIDER = {
    "detail": 404,
    "download": 404,
}
UI_EXPECTED = {
    Role.COUNCIL_MEMBER: _NO_UI
    | {
        "list": 200,
        "unasked form": 200,
        "unasked": 302,
        "detail": 200,
        "download": 200,
        "advice form": 200,
        "advise": 302,
        "ask extension": 302,
    },
    Role.POLICY_OFFICER: _NO_UI
    | {
        "list": 200,
        "create form": 200,
        "create": 302,
        "detail": 200,
        "send": 302,
        "withdraw": 302,
        "attach": 302,
        "download": 200,
        "decide extension": 302,
        "response form": 200,
        "respond": 302,
    },
    Role.FUNCTIONAL_ADMIN: _NO_UI | {"list": 200, "detail": 200, "download": 200},
    OTHER_COUNCIL: _NO_UI
    | _OUTSIDER
    | {
        "list": 200,
        "unasked form": 200,
        "unasked": 302,  # their own council's unasked advice
        "advice form": 404,
        "advise": 404,
        "ask extension": 404,
    },
    OTHER_OFFICER: _NO_UI
    | _OUTSIDER
    | {
        "list": 200,
        "create form": 200,
        "create": 302,  # a request to their own council
        "send": 404,
        "withdraw": 404,
        "attach": 404,
        "decide extension": 404,
        "response form": 404,
        "respond": 404,
    },
    **dict.fromkeys(NOBODY, _NO_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(council, other_council, member, officer):
    municipality = council.municipality
    draft = AdviceRequestFactory(municipality=municipality, council=council)
    sent = AdviceRequestFactory(municipality=municipality, council=council, sent=True)
    extended = AdviceRequestFactory(municipality=municipality, council=council, sent=True)
    services.extension_request(
        user=member, request_id=extended.pk, until=dt.date(2026, 12, 16), reason="Vergadering."
    )
    advised = AdviceRequestFactory(municipality=municipality, council=council, advised=True)
    attachment = services.attachment_add(
        user=officer, request_id=sent.pk, upload=SimpleUploadedFile("plan.pdf", PDF)
    )
    return SimpleNamespace(
        draft=draft,
        sent=sent,
        extended=extended,
        advised=advised,
        attachment=attachment,
        council=council,
        other_council=other_council,
        member=member,
        officer=officer,
    )


def user_for(role, world, zaandam):
    match role:
        case "anonymous":
            return None
        case Role.COUNCIL_MEMBER:
            return world.member
        case Role.POLICY_OFFICER:
            return world.officer
        case "member of a neighbouring council":
            return UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=world.other_council)
        case "policy officer of another municipality":
            return UserFactory.with_role(Role.POLICY_OFFICER, municipality=zaandam)
    return UserFactory.with_role(role, municipality=world.council.municipality)


def state():
    return (
        list(AdviceRequest.objects.order_by("pk").values()),
        list(AdviceRequestStatusChange.objects.order_by("pk").values()),
        list(Recommendation.objects.order_by("pk").values()),
        list(TermExtension.objects.order_by("pk").values()),
        list(AdviceAttachment.objects.order_by("pk").values()),
    )


BASE = "/api/v1/council/advice-requests"


def call_api(client, action, world):
    match action:
        case "list":
            return client.get(BASE)
        case "create":
            return client.post(
                BASE,
                {
                    "kind": "proposal",
                    "title": "Voorstel",
                    "question": "Uw advies?",
                    "decisionOn": "2027-01-15",
                },
                format="json",
            )
        case "read":
            return client.get(f"{BASE}/{world.sent.pk}")
        case "send":
            return client.post(f"{BASE}/{world.draft.pk}/sending", {}, format="json")
        case "withdraw":
            return client.post(
                f"{BASE}/{world.sent.pk}/withdrawal", {"reason": "Vervallen."}, format="json"
            )
        case "advise":
            return client.post(
                f"{BASE}/{world.sent.pk}/advice",
                {"introduction": "Advies.", "recommendations": [{"text": "Doen."}]},
                format="json",
            )
        case "respond":
            return client.post(
                f"{BASE}/{world.advised.pk}/response",
                {
                    "letter": "Dank.",
                    "responses": [
                        {"number": 1, "response": "adopted"},
                        {"number": 2, "response": "adopted"},
                    ],
                },
                format="json",
            )
        case "ask extension":
            return client.post(
                f"{BASE}/{world.sent.pk}/extension-request",
                {"until": "2026-12-20", "reason": "Vergadering."},
                format="json",
            )
        case "decide extension":
            return client.post(
                f"{BASE}/{world.extended.pk}/extension-decision", {"granted": True}, format="json"
            )


@pytest.mark.parametrize("action", API_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_api(role, action, world, zaandam):
    client = api_client(user_for(role, world, zaandam))
    before = state()
    response = call_api(client, action, world)
    expected = API_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if expected >= 400 or action in ("list", "read"):
        assert state() == before
    else:
        assert state() != before


def call_ui(client, action, world):
    r = "/raad/adviezen"
    match action:
        case "list":
            return client.get(f"{r}/")
        case "create form":
            return client.get(f"{r}/nieuw/")
        case "create":
            return client.post(
                f"{r}/nieuw/",
                {
                    "kind": "proposal",
                    "title": "Voorstel",
                    "question": "Uw advies?",
                    "decision_on": "2027-01-15",
                },
            )
        case "unasked form":
            return client.get(f"{r}/ongevraagd/")
        case "unasked":
            return client.post(
                f"{r}/ongevraagd/",
                {
                    "kind": "other",
                    "title": "Bereikbaarheid",
                    "introduction": "Uit eigen beweging.",
                    **recommendation_formset([("Langer open.", "")]),
                    "send": "1",
                },
            )
        case "detail":
            return client.get(f"{r}/{world.sent.pk}/")
        case "send":
            return client.post(f"{r}/{world.draft.pk}/versturen/")
        case "withdraw":
            return client.post(f"{r}/{world.sent.pk}/intrekken/", {"reason": "Vervallen."})
        case "attach":
            return client.post(
                f"{r}/{world.draft.pk}/documenten/",
                {"file": SimpleUploadedFile("bijlage.pdf", PDF)},
            )
        case "download":
            return client.get(f"{r}/{world.sent.pk}/documenten/{world.attachment.pk}/")
        case "advice form":
            return client.get(f"{r}/{world.sent.pk}/advies/")
        case "advise":
            return client.post(
                f"{r}/{world.sent.pk}/advies/",
                {
                    "introduction": "Advies.",
                    **recommendation_formset([("Doen.", "Want.")]),
                    "send": "1",
                },
            )
        case "ask extension":
            return client.post(
                f"{r}/{world.sent.pk}/uitstel/", {"until": "2026-12-20", "reason": "Vergadering."}
            )
        case "decide extension":
            return client.post(f"{r}/{world.extended.pk}/uitstel/besluit/", {"granted": "yes"})
        case "response form":
            return client.get(f"{r}/{world.advised.pk}/reactie/")
        case "respond":
            return client.post(
                f"{r}/{world.advised.pk}/reactie/",
                {
                    "letter": "Dank.",
                    "response_1": "adopted",
                    "response_2": "not",
                    "reasons_2": "Geen budget.",
                },
            )


UI_WRITES = {
    "create",
    "unasked",
    "send",
    "withdraw",
    "attach",
    "advise",
    "ask extension",
    "decide extension",
    "respond",
}


@pytest.mark.parametrize("action", UI_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_ui(role, action, world, zaandam, settings):
    settings.WERKPAD_STAFF_2FA = False
    client = page_client(user_for(role, world, zaandam))
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
