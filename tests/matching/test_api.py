"""The matching API (MA1, EM6): the paths and ``top`` are a contract."""

from __future__ import annotations

import pytest

from tests.access import api_client
from tests.factories import JobSeekerFactory, VacancyFactory
from tests.matching.conftest import NOW
from tests.matching.factories import SearchProfileFactory

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]

PROBLEM = "application/problem+json"


def test_vacancy_candidates_for_the_caseworker(amsterdam, caseworker, employer):
    vacancy = VacancyFactory(employer=employer)
    profiles = [
        SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam)) for _ in range(3)
    ]
    response = api_client(caseworker).get(f"/api/v1/vacancies/{vacancy.pk}/candidates?top=2")
    assert response.status_code == 200
    body = response.json()
    assert body["vacancyId"] == vacancy.pk and body["top"] == 2
    assert [c["rank"] for c in body["candidates"]] == [1, 2]
    first = body["candidates"][0]
    assert set(first) == {
        "rank",
        "score",
        "explanation",
        "pseudonym",
        "jobSeekerId",
        "name",
        "preselected",
    }
    assert first["jobSeekerId"] in {p.job_seeker_id for p in profiles} and first["name"]


def test_the_employer_advisor_gets_pseudonyms_only(amsterdam, employer):
    vacancy = VacancyFactory(employer=employer)
    profile = SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam))
    body = (
        api_client(employer.contact_person).get(f"/api/v1/vacancies/{vacancy.pk}/candidates").json()
    )
    assert body["top"] == 20
    assert body["candidates"][0]["pseudonym"] == profile.pseudonym
    assert body["candidates"][0]["name"] is None and body["candidates"][0]["jobSeekerId"] is None
    assert profile.job_seeker.last_name not in str(body)


def test_vacancy_matches_for_the_caseworker(caseworker, job_seeker, employer):
    SearchProfileFactory(job_seeker=job_seeker)
    vacancy = VacancyFactory(employer=employer)
    body = (
        api_client(caseworker)
        .get(f"/api/v1/job-seekers/{job_seeker.pk}/vacancy-matches?top=5")
        .json()
    )
    assert body["jobSeekerId"] == job_seeker.pk and body["hasSearchProfile"]
    assert body["vacancies"][0]["vacancyId"] == vacancy.pk
    assert body["vacancies"][0]["rank"] == 1 and "explanation" in body["vacancies"][0]


@pytest.mark.parametrize("top", ["0", "101", "abc", "-3", "2.5", ""])
@pytest.mark.parametrize("path", ["vacancies/{v}/candidates", "job-seekers/{j}/vacancy-matches"])
def test_a_bad_top_answers_400_problem(caseworker, job_seeker, employer, path, top):
    vacancy = VacancyFactory(employer=employer)
    url = "/api/v1/" + path.format(v=vacancy.pk, j=job_seeker.pk)
    response = api_client(caseworker).get(url, {"top": top})
    if top == "":
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert response["Content-Type"].startswith(PROBLEM)
    assert "top" in response.content.decode()


def test_the_paths_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/vacancies/{id}/candidates",
        "/api/v1/job-seekers/{id}/vacancy-matches",
        "/api/v1/candidates",
        "/api/v1/candidates/{pseudonym}/introductions",
        "/api/v1/introductions/{id}",
        "/api/v1/introductions/{id}/agreement",
        "/api/v1/introductions/{id}/refusal",
        "/api/v1/introductions/{id}/withdrawal",
    ):
        assert path in paths or path.removeprefix("/api/v1") in paths, path


def test_an_employer_asks_and_the_job_seeker_agrees_through_the_api(
    employer_user, candidate, seeker
):
    response = api_client(employer_user).post(
        f"/api/v1/candidates/{candidate.pseudonym}/introductions",
        {"message": "Wij zoeken een collega."},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "requested" and body["candidate"]["name"] == ""
    own = api_client(seeker).get(f"/api/v1/introductions/{body['id']}").json()
    assert own["candidate"]["name"] == candidate.job_seeker.full_name
    response = api_client(seeker).post(
        f"/api/v1/introductions/{body['id']}/agreement",
        {"sharePhone": True, "version": own["version"]},
        format="json",
    )
    assert response.status_code == 200
    seen = api_client(employer_user).get(f"/api/v1/introductions/{body['id']}").json()
    assert seen["candidate"]["name"] == candidate.job_seeker.full_name
    assert seen["candidate"]["phone"] == candidate.job_seeker.phone
    assert seen["candidate"]["email"] == ""


def test_an_unknown_pseudonym_is_404(employer_user):
    response = api_client(employer_user).post(
        "/api/v1/candidates/K-ZZZZ/introductions", {"message": "Hoi"}, format="json"
    )
    assert response.status_code == 404
    assert response["Content-Type"].startswith(PROBLEM)
