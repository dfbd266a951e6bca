"""/api/v1/council/advice-requests (CO1): the whole round through the API, problem+json
refusals, strict bodies, and lists whose query count does not grow with the rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.council.advice.conftest import NOW
from tests.council.advice.factories import AdviceRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]
BASE = "/api/v1/council/advice-requests"
PROBLEM = "application/problem+json"


def test_a_request_through_the_api_from_draft_to_answered(api, officer, member, council):
    created = api.as_user(officer).post(
        BASE,
        {
            "kind": "regulation",
            "title": "Verordening loonkostensubsidie 2027",
            "question": "Graag uw advies.",
            "decisionOn": "2026-12-01",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["status"], body["councilId"], body["dueOn"]) == ("draft", council.pk, None)
    url = f"{BASE}/{body['id']}"
    assert api.as_user(member).get(url).status_code == 404  # a draft is the municipality's

    sent = api.as_user(officer).post(f"{url}/sending", {"version": body["version"]}, format="json")
    assert sent.status_code == 200, sent.json()
    sent_body = sent.json()
    assert sent_body["status"] == "sent"
    assert sent_body["dueOn"] == "2026-12-07"
    assert sent_body["termDays"] == 14
    assert sent_body["consultedInTime"] is False  # 8 days before the decision

    advised = api.as_user(member).post(
        f"{url}/advice",
        {
            "introduction": "De raad adviseert.",
            "recommendations": [
                {"text": "Twee weken bedenktijd.", "explanation": "Eén week is kort."},
                {"text": "Meer publiciteit."},
            ],
        },
        format="json",
    )
    assert advised.status_code == 200, advised.json()
    assert advised.json()["status"] == "advised"
    assert [r["number"] for r in advised.json()["recommendations"]] == [1, 2]

    refused = api.as_user(officer).post(
        f"{url}/response",
        {"letter": "Dank.", "responses": [{"number": 1, "response": "partly"}]},
        format="json",
    )
    assert refused.status_code == 400
    assert refused["Content-Type"] == PROBLEM
    answered = api.as_user(officer).post(
        f"{url}/response",
        {
            "letter": "Dank voor uw advies.",
            "responses": [
                {"number": 1, "response": "partly", "reasons": "Tien dagen."},
                {"number": 2, "response": "adopted"},
            ],
        },
        format="json",
    )
    assert answered.status_code == 200, answered.json()
    assert answered.json()["status"] == "answered"
    assert [r["response"] for r in answered.json()["recommendations"]] == ["partly", "adopted"]
    assert api.as_user(member).get(url).json()["responseLetter"] == "Dank voor uw advies."


def test_a_longer_term_through_the_api(api, officer, member, council):
    request = AdviceRequestFactory(municipality=council.municipality, sent=True)
    url = f"{BASE}/{request.pk}"
    asked = api.as_user(member).post(
        f"{url}/extension-request", {"until": "2026-12-16", "reason": "Vergadering."}, format="json"
    )
    assert asked.status_code == 200, asked.json()
    assert asked.json()["extensions"][0]["granted"] is None
    granted = api.as_user(officer).post(
        f"{url}/extension-decision", {"granted": True}, format="json"
    )
    assert granted.status_code == 200
    assert granted.json()["dueOn"] == "2026-12-16"


def test_a_refused_step_is_409_problem_json(api, officer, council):
    request = AdviceRequestFactory(municipality=council.municipality, answered=True)
    response = api.as_user(officer).post(
        f"{BASE}/{request.pk}/withdrawal", {"reason": "Toch niet."}, format="json"
    )
    assert response.status_code == 409
    assert response["Content-Type"] == PROBLEM
    assert response.json()["code"] == "advice-request-transition-refused"


def test_unknown_fields_and_filters_are_refused(api, officer, council):
    client = api.as_user(officer)
    body = {
        "kind": "proposal",
        "title": "x",
        "question": "y",
        "decisionOn": "2027-01-01",
        "deadline": "2027-01-01",
    }
    assert client.post(BASE, body, format="json").status_code == 400
    assert client.get(f"{BASE}?state=sent").status_code == 400
    assert client.get(f"{BASE}?status=nonsense").status_code == 400
    assert client.get(f"{BASE}?unasked=maybe").status_code == 400


def test_the_list_filters_by_status_and_unasked(api, officer, council):
    AdviceRequestFactory(municipality=council.municipality, council=council, sent=True)
    AdviceRequestFactory(municipality=council.municipality, council=council)
    AdviceRequestFactory(
        municipality=council.municipality,
        council=council,
        own_initiative=True,
        status="advised",
        advised_at=NOW,
    )
    client = api.as_user(officer)
    assert client.get(f"{BASE}?status=sent").json()["count"] == 1
    assert client.get(f"{BASE}?status=draft,advised").json()["count"] == 2
    assert client.get(f"{BASE}?unasked=true").json()["count"] == 1


@pytest.mark.parametrize("rows", [1, 10, 50])
def test_list_queries_stay_flat(api, officer, council, rows):
    for _ in range(rows):
        AdviceRequestFactory(municipality=council.municipality, council=council, sent=True)
    client = api.as_user(officer)
    client.get(f"{BASE}?pageSize=100")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{BASE}?pageSize=100")
    assert len(response.json()["results"]) == rows
    # the count, the page's ids, the page's rows with their council: whatever the rows
    assert len(queries) == 3, [q["sql"] for q in queries.captured_queries]


def test_the_detail_reads_in_a_fixed_number_of_queries(api, officer, council):
    request = AdviceRequestFactory(
        municipality=council.municipality, council=council, answered=True
    )
    client = api.as_user(officer)
    client.get(f"{BASE}/{request.pk}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{BASE}/{request.pk}")
    assert response.status_code == 200
    assert response.json()["recommendations"][0]["text"] == "Aanbeveling 1"
    # the request with its council, its documents, recommendations, extensions, history
    assert len(queries) == 5, [q["sql"] for q in queries.captured_queries]


def test_the_decision_date_is_required(api, officer, council):
    response = api.as_user(officer).post(
        BASE, {"kind": "proposal", "title": "x", "question": "y"}, format="json"
    )
    assert response.status_code == 400
    assert "decisionOn" in {p["name"] for p in response.json()["invalidParams"]}


def test_unasked_date_arithmetic_is_absent(api, member, council):
    advice = AdviceRequestFactory(
        municipality=council.municipality, council=council, own_initiative=True
    )
    body = api.as_user(member).get(f"{BASE}/{advice.pk}").json()
    assert (body["unasked"], body["decisionOn"], body["dueOn"]) == (True, None, None)
    assert dt.date.fromisoformat(body["createdAt"][:10]) == NOW.date()


def test_the_municipality_reads_the_advice_only_once_the_council_sent_it(
    api, officer, member, council
):
    from werkpad.council.advice.services import RecommendationInput, advice_save

    request = AdviceRequestFactory(municipality=council.municipality, council=council, sent=True)
    advice_save(
        user=member,
        request_id=request.pk,
        introduction="Concept: de raad twijfelt nog.",
        recommendations=[RecommendationInput(text="Twee weken in plaats van één.")],
    )

    as_officer = api.as_user(officer).get(f"{BASE}/{request.pk}").json()
    as_member = api.as_user(member).get(f"{BASE}/{request.pk}").json()
    page = api.as_user(officer).get(f"/raad/adviezen/{request.pk}/")

    assert as_officer["adviceIntroduction"] == "" and as_officer["recommendations"] == []
    assert as_member["adviceIntroduction"] == "Concept: de raad twijfelt nog."
    assert "de raad twijfelt nog" not in page.content.decode()

    advice_save(
        user=member,
        request_id=request.pk,
        introduction="De raad adviseert.",
        recommendations=[RecommendationInput(text="Twee weken in plaats van één.")],
        send=True,
    )
    sent = api.as_user(officer).get(f"{BASE}/{request.pk}").json()
    assert sent["adviceIntroduction"] == "De raad adviseert."
    assert [r["text"] for r in sent["recommendations"]] == ["Twee weken in plaats van één."]


def test_a_draft_withdrawn_before_it_was_sent_stays_the_municipality_s(
    api, officer, member, council
):
    from werkpad.council.advice.services import advice_request_withdraw

    request = AdviceRequestFactory(municipality=council.municipality, council=council)
    advice_request_withdraw(user=officer, request_id=request.pk, reason="Voorstel vervalt.")

    assert api.as_user(member).get(f"{BASE}/{request.pk}").status_code == 404
    assert request.pk not in [r["id"] for r in api.as_user(member).get(BASE).json()["results"]]
    assert api.as_user(officer).get(f"{BASE}/{request.pk}").status_code == 200


def test_the_council_gives_unasked_advice_through_the_api(api, officer, member, council):
    from werkpad.council.models import AdviceRequest

    response = api.as_user(member).post(
        BASE,
        {
            "unasked": True,
            "kind": "other",
            "title": "Bereikbaarheid van het Werkplein",
            "introduction": "De raad hoort dat het Werkplein slecht bereikbaar is.",
            "recommendations": [
                {"text": "Open ook op zaterdag.", "explanation": "Voor wie werkt."}
            ],
            "send": True,
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["unasked"], body["status"], body["decisionOn"], body["dueOn"]) == (
        True,
        "advised",
        None,
        None,
    )
    read = api.as_user(officer).get(f"{BASE}/{body['id']}").json()
    assert [r["text"] for r in read["recommendations"]] == ["Open ook op zaterdag."]
    assert AdviceRequest.objects.get(pk=body["id"]).council == council


def test_unasked_advice_and_a_request_do_not_mix_and_the_municipality_gives_none(
    api, officer, member, council
):
    from werkpad.council.models import AdviceRequest

    mixed = api.as_user(member).post(
        BASE,
        {"unasked": True, "kind": "other", "title": "X", "decisionOn": "2027-01-01"},
        format="json",
    )
    assert mixed.status_code == 400 and mixed["Content-Type"] == PROBLEM
    assert [p["name"] for p in mixed.json()["invalidParams"]] == ["decisionOn"]

    request_with_advice = api.as_user(officer).post(
        BASE,
        {
            "kind": "policy_plan",
            "title": "Y",
            "question": "Wat vindt u?",
            "decisionOn": "2027-03-01",
            "send": True,
        },
        format="json",
    )
    assert request_with_advice.status_code == 400
    assert [p["name"] for p in request_with_advice.json()["invalidParams"]] == ["send"]

    by_officer = api.as_user(officer).post(
        BASE, {"unasked": True, "kind": "other", "title": "Z"}, format="json"
    )
    assert by_officer.status_code == 403
    assert not AdviceRequest.objects.exists()
