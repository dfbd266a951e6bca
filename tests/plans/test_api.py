"""/api/v1/plans: the lifecycle through named sub-resources, problem+json, 409 on a refused
transition."""

from __future__ import annotations

import pytest

from tests.factories import InstrumentFactory, JobSeekerFactory, PlanFactory
from werkpad.core.models import AuditEvent
from werkpad.plans.models import Plan
from werkpad.plans.workflow import Status

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"

NEW_PLAN = {
    "kind": "integration",
    "goals": "Betaald werk in de zorg.",
    "targetRung": 5,
    "approach": "demand",
    "rightsAndObligations": "U solliciteert; de gemeente betaalt de opleiding.",
    "activities": "Opleiding helpende zorg.",
    "personalBudget": 1000,
}


def test_create_read_update_propose_agree(api, caseworker, job_seeker, seeker_user, instrument):
    client = api.as_user(caseworker)
    created = client.post(
        "/api/v1/plans",
        {**NEW_PLAN, "jobSeeker": job_seeker.pk, "instruments": [instrument.pk]},
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    plan_id = body["id"]
    assert body["status"] == "draft" and body["latestVersion"] == 1
    version = body["versions"][0]
    assert version["personalBudget"] == 1000.0 and version["approach"] == "demand"
    assert version["instruments"] == [
        {"id": instrument.pk, "type": instrument.type, "name": instrument.name}
    ]
    assert created["API-Version"]

    changed = client.patch(
        f"/api/v1/plans/{plan_id}",
        {"version": body["version"], "goals": "Werk in de zorg."},
        format="json",
    )
    assert (
        changed.status_code == 200 and changed.json()["versions"][0]["goals"] == "Werk in de zorg."
    )

    proposed = client.post(f"/api/v1/plans/{plan_id}/proposal", {}, format="json")
    assert proposed.status_code == 200 and proposed.json()["status"] == "proposed"

    seeker = api.__class__().as_user(seeker_user)
    comment = seeker.post(
        f"/api/v1/plans/{plan_id}/comments", {"text": "Mag het in deeltijd?"}, format="json"
    )
    assert comment.status_code == 201 and comment.json()["byJobSeeker"] is True
    shown = seeker.get(f"/api/v1/plans/{plan_id}").json()
    agreed = seeker.post(
        f"/api/v1/plans/{plan_id}/agreement", {"version": shown["version"]}, format="json"
    )
    assert agreed.status_code == 200, agreed.content
    assert agreed.json()["status"] == "in_effect" and agreed.json()["currentVersion"] == 1

    listed = client.get("/api/v1/plans", {"jobSeeker": job_seeker.pk, "status": "in_effect"})
    assert [row["id"] for row in listed.json()["results"]] == [plan_id]
    read = client.get(f"/api/v1/plans/{plan_id}").json()
    assert read["comments"][0]["text"] == "Mag het in deeltijd?"
    assert [h["toStatus"] for h in read["versions"][0]["history"]] == [
        "draft",
        "proposed",
        "agreed",
        "in_effect",
    ]


def test_an_illegal_transition_answers_409_problem_json_and_changes_nothing(
    api, caseworker, job_seeker, seeker_user
):
    plan = PlanFactory(job_seeker=job_seeker, in_effect=True)
    before = list(Plan.objects.values())
    response = api.as_user(caseworker).post(f"/api/v1/plans/{plan.pk}/proposal", {}, format="json")
    assert response.status_code == 409
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["code"] == "plan-transition-refused" and body["status"] == 409
    assert list(Plan.objects.values()) == before

    again = (
        api.__class__()
        .as_user(seeker_user)
        .post(f"/api/v1/plans/{plan.pk}/agreement", {"version": plan.version}, format="json")
    )
    assert again.status_code == 409 and again["Content-Type"] == PROBLEM


def test_a_disagreement_needs_a_reason_400(api, job_seeker, seeker_user):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    client = api.as_user(seeker_user)
    response = client.post(
        f"/api/v1/plans/{plan.pk}/disagreement", {"version": plan.version}, format="json"
    )
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert [p["name"] for p in response.json()["invalidParams"]] == ["reason"]
    done = client.post(
        f"/api/v1/plans/{plan.pk}/disagreement",
        {"version": plan.version, "reason": "Te zwaar."},
        format="json",
    )
    assert done.status_code == 200
    body = done.json()
    assert body["status"] == "in_effect"
    assert body["versions"][0]["disagreementReason"] == "Te zwaar."


def test_unknown_fields_and_a_missing_version_are_refused(api, caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker)
    client = api.as_user(caseworker)
    response = client.patch(
        f"/api/v1/plans/{plan.pk}", {"goals": "x", "nationality": "NL"}, format="json"
    )
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"nationality", "version"} or names == {"nationality"}
    response = client.patch(f"/api/v1/plans/{plan.pk}", {"goals": "x"}, format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "version"
    stale = client.patch(
        f"/api/v1/plans/{plan.pk}", {"goals": "x", "version": plan.version + 5}, format="json"
    )
    assert stale.status_code == 409 and stale.json()["code"] == "stale-edit"


def test_an_unknown_or_foreign_instrument_is_refused(api, caseworker, job_seeker, zaandam):
    client = api.as_user(caseworker)
    unknown = client.post(
        "/api/v1/plans",
        {**NEW_PLAN, "jobSeeker": job_seeker.pk, "instruments": [999]},
        format="json",
    )
    assert unknown.status_code == 400
    foreign = InstrumentFactory(municipality=zaandam)
    refused = client.post(
        "/api/v1/plans",
        {**NEW_PLAN, "jobSeeker": job_seeker.pk, "instruments": [foreign.pk]},
        format="json",
    )
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "instruments"
    assert not Plan.objects.exists()


def test_a_second_plan_answers_409(api, caseworker, job_seeker):
    PlanFactory(job_seeker=job_seeker)
    response = api.as_user(caseworker).post(
        "/api/v1/plans", {**NEW_PLAN, "jobSeeker": job_seeker.pk}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "plan-exists"


def test_new_version_review_and_withdrawal(api, caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker, review_overdue=True)
    client = api.as_user(caseworker)
    review = client.post(
        f"/api/v1/plans/{plan.pk}/reviews",
        {"rungReconsidered": True, "instrumentsReconsidered": True, "changesNeeded": False},
        format="json",
    )
    assert review.status_code == 200 and review.json()["reviewOverdue"] is False
    assert review.json()["reviews"][0]["newVersionNumber"] is None
    revised = client.post(
        f"/api/v1/plans/{plan.pk}/versions", {"reason": "Nieuwe trede"}, format="json"
    )
    assert revised.status_code == 200 and revised.json()["latestVersion"] == 2
    client.post(f"/api/v1/plans/{plan.pk}/proposal", {}, format="json")
    withdrawn = client.post(f"/api/v1/plans/{plan.pk}/withdrawal", {}, format="json")
    assert withdrawn.json()["status"] == Status.DRAFT


def test_the_job_seeker_never_sees_a_draft_through_the_api(
    api, job_seeker, seeker_user, caseworker
):
    plan = PlanFactory(job_seeker=job_seeker, in_effect=True)
    api.as_user(caseworker).post(
        f"/api/v1/plans/{plan.pk}/versions", {"reason": "x"}, format="json"
    )
    client = api.__class__().as_user(seeker_user)
    row = client.get("/api/v1/plans").json()["results"][0]
    assert (row["status"], row["latestVersion"]) == ("in_effect", 1)
    body = client.get(f"/api/v1/plans/{plan.pk}").json()
    assert [v["number"] for v in body["versions"]] == [1]
    found = client.get("/api/v1/plans", {"status": "in_effect"}).json()["results"]
    assert [row["id"] for row in found] == [plan.pk]
    assert client.get("/api/v1/plans", {"status": "draft"}).json()["count"] == 0
    assert AuditEvent.objects.filter(
        object_type="plan", action="read", actor=seeker_user, job_seeker_id=job_seeker.pk
    ).exists()


def test_the_composition_api_carries_the_share_without_a_current_plan(
    api, caseworker, job_seeker, amsterdam
):
    PlanFactory(job_seeker=job_seeker, in_effect=True)
    JobSeekerFactory(municipality=amsterdam)
    body = api.as_user(caseworker).get("/api/v1/insights/composition").json()
    assert body["withoutCurrentPlan"]["count"] == 1
    assert body["withoutCurrentPlan"]["share"] == 0.5


def test_the_openapi_document_names_the_sub_resources(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for sub in ("proposal", "agreement", "disagreement", "comments", "versions", "reviews"):
        operation = paths[f"/plans/{{id}}/{sub}"]["post"]
        assert "409" in operation["responses"]
    assert {p["name"] for p in paths["/plans"]["get"]["parameters"]} >= {"jobSeeker", "status"}
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert schema["PlanVersion"]["properties"]["reviewDueOn"]["format"] == "date"


def test_an_answer_must_name_the_version_read_and_a_changed_plan_answers_409(
    api, caseworker, job_seeker, seeker_user
):
    """PL3: `{"version": 999}` for a plan at another version is refused, and so is no version."""
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    client = api.as_user(seeker_user)
    before = list(Plan.objects.values())
    versions_before = list(plan.versions.values())
    for sub, body in (("agreement", {}), ("disagreement", {"reason": "Te zwaar."})):
        missing = client.post(f"/api/v1/plans/{plan.pk}/{sub}", body, format="json")
        assert missing.status_code == 400 and missing["Content-Type"] == PROBLEM
        assert "version" in [p["name"] for p in missing.json()["invalidParams"]]
        stale = client.post(
            f"/api/v1/plans/{plan.pk}/{sub}", {**body, "version": 999}, format="json"
        )
        assert stale.status_code == 409, stale.content
        assert stale["Content-Type"] == PROBLEM
        assert stale.json()["code"] == "plan-changed"
    assert list(Plan.objects.values()) == before
    assert list(plan.versions.values()) == versions_before

    shown = client.get(f"/api/v1/plans/{plan.pk}").json()
    agreed = client.post(
        f"/api/v1/plans/{plan.pk}/agreement", {"version": shown["version"]}, format="json"
    )
    assert agreed.status_code == 200 and agreed.json()["status"] == "in_effect"


def test_the_openapi_document_requires_the_version_of_an_answer(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for name in ("AgreementRequest", "DisagreementRequest"):
        schema = schemas.get(name) or schemas[name.removesuffix("Request")]
        assert "version" in schema["required"], name
