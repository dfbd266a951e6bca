"""A whole BSN never travels in an address: it is looked up in a request body."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import JobSeekerFactory
from werkpad.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_list_refuses_a_whole_bsn_in_the_address(api, caseworker, job_seeker):
    response = api.as_user(caseworker).get("/api/v1/job-seekers", {"search": job_seeker.bsn})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "search"


def test_the_last_three_digits_still_find_the_file(api, caseworker, job_seeker):
    response = api.as_user(caseworker).get("/api/v1/job-seekers", {"search": job_seeker.bsn[-3:]})
    assert job_seeker.pk in [row["id"] for row in response.json()["results"]]


def test_the_api_finds_a_file_by_bsn_in_the_body_and_audits_the_read(api, caseworker, job_seeker):
    response = api.as_user(caseworker).post(
        "/api/v1/job-seekers/lookup", {"bsn": job_seeker.bsn}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["id"] == job_seeker.pk
    assert AuditEvent.objects.filter(
        action="read", job_seeker_id=job_seeker.pk, purpose="BSN lookup (API)"
    ).exists()


def test_a_bsn_outside_your_scope_is_not_found(api, caseworker, zaandam):
    elsewhere = JobSeekerFactory(municipality=zaandam)
    response = api.as_user(caseworker).post(
        "/api/v1/job-seekers/lookup", {"bsn": elsewhere.bsn}, format="json"
    )
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert not AuditEvent.objects.filter(job_seeker_id=elsewhere.pk).exists()


def test_an_invalid_bsn_is_refused_with_its_field(api, caseworker):
    response = api.as_user(caseworker).post(
        "/api/v1/job-seekers/lookup", {"bsn": "123456789"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "bsn"


def test_the_ui_lookup_posts_the_bsn_and_redirects_to_the_file(client, caseworker, job_seeker):
    client.force_login(caseworker)
    response = client.post(reverse("jobseekers:bsn-lookup"), {"bsn": job_seeker.bsn})
    assert response.url == reverse("jobseekers:detail", args=[job_seeker.pk])
    assert job_seeker.bsn not in response.url


def test_the_ui_lookup_says_when_nothing_was_found(client, caseworker):
    client.force_login(caseworker)
    response = client.post(reverse("jobseekers:bsn-lookup"), {"bsn": "111222333"}, follow=True)
    assert "Er is geen werkzoekende met dit BSN die u mag zien." in response.content.decode()
