"""Errors are application/problem+json (RFC 9457); every response carries API-Version."""

from __future__ import annotations

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from tests.factories import JobSeekerFactory
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role

PROBLEM = "application/problem+json"
pytestmark = pytest.mark.django_db


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    assert response["API-Version"] == settings.API_VERSION
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    return body


def test_no_token_is_401_with_a_problem():
    body = assert_problem(APIClient().get("/api/v1/job-seekers"), 401)
    assert body["instance"] == "/api/v1/job-seekers"


def test_a_wrong_token_is_401_with_a_problem():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0000000000000000000000000000000000000000")
    assert_problem(client.get("/api/v1/job-seekers"), 401)


def test_a_session_without_login_is_401_too(client):
    assert_problem(client.get("/api/v1/insights/composition"), 401)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/job-seekers/",
        "/api/v1/job-seekers/1/",
        "/api/v1/job-seekers/1/access-log/",
        "/api/v1/insights/composition/",
        "/api/v1/openapi.json/",
    ],
)
def test_a_trailing_slash_answers_404_not_a_redirect(api, caseworker, path):
    body = assert_problem(api.as_user(caseworker).get(path), 404)
    assert body["instance"] == path


def test_an_unknown_path_answers_404_problem(api, caseworker):
    assert_problem(api.as_user(caseworker).get("/api/v1/werkzoekenden"), 404)
    assert_problem(APIClient().get("/api/v1/nothing-here"), 404)


def test_a_file_that_does_not_exist_or_is_not_yours_is_404(api, caseworker, zaandam):
    other = JobSeekerFactory(municipality=zaandam)
    client = api.as_user(caseworker)
    assert_problem(client.get("/api/v1/job-seekers/999999"), 404)
    assert_problem(client.get(f"/api/v1/job-seekers/{other.pk}"), 404)


def test_a_role_that_may_not_list_gets_403(api, role_user):
    body = assert_problem(api.as_user(role_user(Role.COACH)).get("/api/v1/job-seekers"), 403)
    assert body["code"] == "jobseeker-list-denied"


def test_a_method_the_resource_does_not_have_is_405(api, caseworker, job_seeker):
    assert_problem(api.as_user(caseworker).delete(f"/api/v1/job-seekers/{job_seeker.pk}"), 405)
    assert_problem(api.as_user(caseworker).put(f"/api/v1/job-seekers/{job_seeker.pk}", {}), 405)


def test_a_body_that_is_not_json_is_refused(api, caseworker):
    client = api.as_user(caseworker)
    assert_problem(client.post("/api/v1/job-seekers", "bsn=1", content_type="text/plain"), 415)
    assert_problem(
        client.post("/api/v1/job-seekers", "{not json", content_type="application/json"), 400
    )


def test_a_body_that_is_not_an_object_is_refused(api, caseworker):
    body = assert_problem(
        api.as_user(caseworker).post("/api/v1/job-seekers", [1, 2], format="json"), 400
    )
    assert body["invalidParams"]


def test_a_server_error_is_a_problem_too(api, caseworker, monkeypatch):
    from werkpad.jobseekers import selectors

    def broken(**kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(selectors, "jobseeker_list", broken)
    client = api.as_user(caseworker)
    client.raise_request_exception = False
    body = assert_problem(client.get("/api/v1/job-seekers"), 500)
    assert "on fire" not in str(body)


def test_every_answer_carries_the_api_version(api, caseworker, job_seeker):
    """NL GOV: API-Version on every response, success and failure alike."""
    client = api.as_user(caseworker)
    answers = [
        client.get("/api/v1/job-seekers"),
        client.get(f"/api/v1/job-seekers/{job_seeker.pk}"),
        client.get(f"/api/v1/job-seekers/{job_seeker.pk}/access-log"),
        client.get("/api/v1/insights/composition"),
        client.patch(f"/api/v1/job-seekers/{job_seeker.pk}", {"version": 1}, format="json"),
        client.patch(f"/api/v1/job-seekers/{job_seeker.pk}", {"version": 9}, format="json"),
        client.post("/api/v1/job-seekers", {}, format="json"),
        client.get("/api/v1/job-seekers/"),
        client.get("/api/v1/openapi.json"),
        client.options("/api/v1/job-seekers"),
        APIClient().get("/api/v1/job-seekers"),
        APIClient().get("/api/v1/openapi.json"),
    ]
    statuses = [answer.status_code for answer in answers]
    assert statuses == [200, 200, 200, 200, 200, 409, 400, 404, 200, 200, 401, 200]
    assert {answer["API-Version"] for answer in answers} == {settings.API_VERSION}


class TestValidation:
    """400 with invalidParams naming each bad field; unknown fields are refused."""

    BODY = {
        "bsn": "123456782",
        "firstName": "Sanne",
        "lastName": "de Vries",
        "birthDate": "1988-06-02",
        "educationLevel": "mbo3",
        "benefitType": "participatiewet",
        "unemployedSince": "2024-03-01",
        "ladderRung": 2,
    }

    def post(self, api, user, body):
        return api.as_user(user).post("/api/v1/job-seekers", body, format="json")

    def names(self, body):
        return sorted(p["name"] for p in body["invalidParams"])

    def test_each_bad_field_is_named(self, api, caseworker):
        body = {k: v for k, v in self.BODY.items() if k != "lastName"}
        body.update(bsn="123456789", ladderRung=7, gender="v", birthDate="02-06-1988")
        problem = assert_problem(self.post(api, caseworker, body), 400)
        assert self.names(problem) == ["birthDate", "bsn", "gender", "ladderRung", "lastName"]
        assert all(p["reason"] and p["code"] for p in problem["invalidParams"])
        assert "bsn" in problem["detail"]
        bsn = next(p for p in problem["invalidParams"] if p["name"] == "bsn")
        assert bsn["code"] == "invalid-bsn"

    def test_a_typo_in_a_field_name_is_refused_not_dropped(self, api, caseworker):
        body = {k: v for k, v in self.BODY.items() if k != "lastName"}
        body["lastname"] = "de Vries"
        problem = assert_problem(self.post(api, caseworker, body), 400)
        assert "lastname" in self.names(problem)
        assert "lastName" in self.names(problem)

    def test_an_unknown_field_is_refused_even_when_the_rest_is_valid(self, api, caseworker):
        from werkpad.jobseekers.models import JobSeeker

        problem = assert_problem(
            self.post(api, caseworker, {**self.BODY, "nationality": "NL"}), 400
        )
        assert self.names(problem) == ["nationality"]
        assert not JobSeeker.objects.exists()
        assert not AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).exists()

    def test_a_refusal_by_the_service_names_the_field_in_camel_case(self, api, caseworker):
        problem = assert_problem(
            self.post(api, caseworker, {**self.BODY, "unemployedSince": "1980-01-01"}), 400
        )
        assert self.names(problem) == ["unemployedSince"]

    def test_an_update_names_unknown_and_read_only_fields(self, api, caseworker, job_seeker):
        client = api.as_user(caseworker)
        response = client.patch(
            f"/api/v1/job-seekers/{job_seeker.pk}",
            {"version": 1, "ladderrung": 4, "municipality": 2, "id": 5},
            format="json",
        )
        problem = assert_problem(response, 400)
        assert self.names(problem) == ["id", "ladderrung", "municipality"]
        job_seeker.refresh_from_db()
        assert (job_seeker.version, job_seeker.ladder_rung) == (1, 3)

    def test_an_update_without_the_version_it_read_is_refused(self, api, caseworker, job_seeker):
        response = api.as_user(caseworker).patch(
            f"/api/v1/job-seekers/{job_seeker.pk}", {"city": "Diemen"}, format="json"
        )
        assert self.names(assert_problem(response, 400)) == ["version"]

    def test_a_bad_filter_value_is_named(self, api, caseworker):
        response = api.as_user(caseworker).get("/api/v1/job-seekers", {"ladderRung": "9"})
        assert self.names(assert_problem(response, 400)) == ["ladderRung"]

    def test_a_page_past_the_end_is_400_naming_page(self, api, caseworker):
        response = api.as_user(caseworker).get("/api/v1/job-seekers", {"page": 99})
        assert self.names(assert_problem(response, 400)) == ["page"]
