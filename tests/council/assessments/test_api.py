"""/api/v1/council: the checklist's exact shape, assessments with answers, the
sub-resources of the lifecycle and the exports (CO3)."""

from __future__ import annotations

import io

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.council.assessments.conftest import NOW
from tests.council.assessments.factories import AnswerFactory, AssessmentFactory, answer_all
from werkpad.council import evidence as evidence_module
from werkpad.council.evidence import Context, Evidence, Figure
from werkpad.council.models.assessments import Answer, Assessment

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]
API = "/api/v1/council"
PROBLEM = "application/problem+json"


def test_the_checklist_has_exactly_the_given_shape(councils, api):
    response = api.as_user(councils.member).get(f"{API}/checklist")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"points"}
    assert [p["number"] for p in body["points"]] == list(range(1, 17))
    for point in body["points"]:
        assert set(point) == {"number", "title", "explanation", "questions"}
        for question in point["questions"]:
            assert set(question) == {"id", "text"}
    assert sum(len(p["questions"]) for p in body["points"]) == 56
    first = body["points"][0]["questions"][0]
    assert first["id"] == "1.1"
    assert first["text"].startswith("Wordt de cliëntenraad tijdig geraadpleegd")
    assert body["points"][12]["title"].startswith("Is er bij de vormgeving")


def test_create_answer_finalise_share(councils, api, monkeypatch):
    monkeypatch.setattr(evidence_module, "_REGISTRY", {})

    @evidence_module.evidence("1.1")
    def requests(context: Context) -> Evidence:
        return Evidence(
            question_id="1.1",
            summary="4 adviesaanvragen, alle binnen de termijn.",
            method="Adviesaanvragen van de afgelopen 12 maanden.",
            computed_at=context.now,
            figures=(Figure("Adviesaanvragen", "4"),),
        )

    client = api.as_user(councils.member)
    created = client.post(f"{API}/assessments", {"title": "Beoordeling 2026"}, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "draft" and body["councilName"] == "Cliëntenraad Amsterdam"
    assert (body["answered"], body["total"]) == (0, 56)
    id = body["id"]
    patched = client.patch(
        f"{API}/assessments/{id}",
        {
            "version": body["version"],
            "answers": [
                {"questionId": "1.1", "answer": "yes", "remarks": "Tijdig."},
                {"questionId": "15.1", "answer": "no", "actionPoints": "Nieuwsbrief volgen."},
            ],
        },
        format="json",
    )
    assert patched.status_code == 200, patched.content
    answers = {a["questionId"]: a for a in patched.json()["answers"]}
    assert answers["1.1"]["remarks"] == "Tijdig."
    assert answers["1.1"]["evidence"]["summary"] == "4 adviesaanvragen, alle binnen de termijn."
    assert answers["15.1"]["actionPoints"] == "Nieuwsbrief volgen."
    assert answers["15.1"]["evidence"] is None
    assert patched.json()["answered"] == 2
    # a stale version conflicts
    stale = client.patch(f"{API}/assessments/{id}", {"version": 1, "answers": []}, format="json")
    assert stale.status_code == 409 and stale["Content-Type"] == PROBLEM
    # not complete: finalising is refused with its code
    refused = client.post(f"{API}/assessments/{id}/finalisation", {}, format="json")
    assert refused.status_code == 409
    assert refused.json()["code"] == "assessment-incomplete"
    assessment = Assessment.objects.get(pk=id)
    Answer.objects.filter(assessment=assessment).delete()
    answer_all(assessment)
    final = client.post(f"{API}/assessments/{id}/finalisation", {}, format="json")
    assert final.status_code == 200 and final.json()["status"] == "final"
    closed = client.patch(
        f"{API}/assessments/{id}",
        {"version": final.json()["version"], "answers": [{"questionId": "1.1", "answer": "no"}]},
        format="json",
    )
    assert closed.status_code == 409 and closed.json()["code"] == "assessment-final"
    shared = client.post(f"{API}/assessments/{id}/sharing", {}, format="json")
    assert shared.status_code == 200 and shared.json()["sharedWithRegion"] is True
    seen = api.as_user(councils.neighbour_member).get(f"{API}/assessments")
    assert [a["id"] for a in seen.json()["results"]] == [id]


def test_an_unknown_answer_field_is_refused_naming_it(councils, api):
    assessment = AssessmentFactory(council=councils.own)
    response = api.as_user(councils.member).patch(
        f"{API}/assessments/{assessment.pk}",
        {"version": 1, "answers": [{"questionId": "1.1", "answer": "yes", "score": 3}]},
        format="json",
    )
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["answers.0.score"]
    assert not Answer.objects.exists()


def test_export_returns_the_files_and_refuses_another_format(councils, api):
    assessment = AssessmentFactory(council=councils.own, final=True)
    answer_all(assessment)
    client = api.as_user(councils.member)
    word = client.get(f"{API}/assessments/{assessment.pk}/export?format=docx")
    assert word.status_code == 200
    assert word["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert "attachment;" in word["Content-Disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "Opmerking bij 14.5" in text
    pdf = client.get(f"{API}/assessments/{assessment.pk}/export?format=pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    other = client.get(f"{API}/assessments/{assessment.pk}/export?format=odt")
    assert other.status_code == 400 and other["Content-Type"] == PROBLEM
    assert [p["name"] for p in other.json()["invalidParams"]] == ["format"]


def test_the_list_costs_the_same_queries_at_1_10_and_50_rows(councils, api):
    client = api.as_user(councils.member)
    counts = {}
    made = 0
    for rows in (1, 10, 50):
        for _ in range(rows - made):
            assessment = AssessmentFactory(council=councils.own, final=True)
            AnswerFactory(assessment=assessment, question_id="1.1")
        made = rows
        client.get(f"{API}/assessments?pageSize=100")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{API}/assessments?pageSize=100")
        assert response.json()["count"] == rows
        assert response.json()["results"][0]["answered"] == 1
        counts[rows] = len(queries)
    assert len(set(counts.values())) == 1, counts
