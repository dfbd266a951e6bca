"""The document pages and sections (WT3): the file, plan and trajectory sections, the CV
in the handover, the job seeker's own page with its refusals in Dutch, query counts."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.access import page_client
from tests.documents.factories import make_document, upload_file
from tests.factories import (
    PlanFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    give_consent,
)
from werkpad.core.permissions import Role
from werkpad.documents.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.WERKPAD_STAFF_2FA = False


def test_the_file_section_lists_the_documents(caseworker, job_seeker, document_dir):
    make_document(user=caseworker, job_seeker=job_seeker, name="Mijn cv.pdf")
    page = page_client(caseworker).get(f"/werkzoekenden/{job_seeker.pk}/").content.decode()
    assert "Mijn cv.pdf" in page and "Document toevoegen" in page
    assert "niet gecontroleerd op malware" in page


def test_the_plan_and_trajectory_sections(caseworker, job_seeker, document_dir):
    plan = PlanFactory(job_seeker=job_seeker)
    make_document(user=caseworker, job_seeker=job_seeker, name="Plan.pdf", plan_id=plan.pk)
    trajectory = TrajectoryFactory(job_seeker=job_seeker, started=True)
    make_document(
        user=caseworker, job_seeker=job_seeker, name="Traject.pdf", trajectory_id=trajectory.pk
    )
    client = page_client(caseworker)
    plan_page = client.get(f"/plannen/{plan.pk}/").content.decode()
    assert "Plan.pdf" in plan_page and "Traject.pdf" not in plan_page
    trajectory_page = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    assert "Traject.pdf" in trajectory_page and "Plan.pdf" not in trajectory_page


def test_the_handover_holds_the_cv_when_the_job_seeker_shares_work(
    caseworker, job_seeker, amsterdam, document_dir
):
    provider = ProviderFactory(municipality=amsterdam)
    trajectory = TrajectoryFactory(
        job_seeker=job_seeker, programme=ProgrammeFactory(provider=provider), started=True
    )
    coach = UserFactory.with_role(Role.COACH, organisation=provider.organisation)
    make_document(user=caseworker, job_seeker=job_seeker, name="CV Jansen.pdf")
    client = page_client(coach)
    page = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    assert "CV Jansen.pdf" not in page and "Geen cv bij de overdracht" in page
    give_consent(job_seeker, part="work", organisation=provider.organisation)
    page = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    assert 'id="handover-cv"' in page and "CV Jansen.pdf" in page


def test_the_job_seeker_uploads_a_cv_and_sees_it(job_seeker_user, document_dir):
    client = page_client(job_seeker_user)
    response = client.post(
        "/mijn/documenten/", {"file": upload_file("Mijn cv.pdf"), "type": "cv"}, follow=True
    )
    page = response.content.decode()
    assert "Uw document is bewaard" in page and "Mijn cv.pdf" in page


def test_a_refused_upload_says_why_in_dutch_and_stores_nothing(
    job_seeker_user, document_dir, settings
):
    client = page_client(job_seeker_user)
    response = client.post(
        "/mijn/documenten/", {"file": upload_file("virus.exe", b"MZ"), "type": "cv"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Er is niets opgeslagen" in page
    assert "Dit soort bestand wordt niet geaccepteerd" in page
    settings.WERKPAD_DOCUMENT_MAX_BYTES = 10
    response = client.post("/mijn/documenten/", {"file": upload_file(), "type": "cv"})
    assert "Het bestand is te groot" in response.content.decode()
    assert not Document.objects.exists() and not any(document_dir.rglob("*.pdf"))


def test_the_api_refuses_with_problem_json(caseworker, job_seeker, document_dir, api):
    response = api.as_user(caseworker).post(
        "/api/v1/documents",
        {"file": upload_file("cv.pdf", b"not a pdf"), "jobSeeker": job_seeker.pk, "type": "cv"},
        format="multipart",
    )
    assert response.status_code == 415
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == "document-type-not-allowed"
    assert body["invalidParams"][0]["name"] == "file"
    response = api.post(
        "/api/v1/documents",
        {"file": upload_file(), "jobSeeker": job_seeker.pk, "type": "cv", "colour": "red"},
        format="multipart",
    )
    assert response.status_code == 400 and not Document.objects.exists()


def test_lists_take_a_fixed_number_of_queries(
    caseworker, job_seeker, document_dir, api, django_assert_max_num_queries
):
    def count(n):
        for _ in range(n):
            make_document(user=caseworker, job_seeker=job_seeker)

    count(2)
    api.as_user(caseworker)
    client = page_client(caseworker)
    with django_assert_max_num_queries(12):
        assert api.get(f"/api/v1/documents?jobSeeker={job_seeker.pk}").json()["count"] == 2
    with django_assert_max_num_queries(14):
        client.get("/mijn/documenten/")
    count(10)
    with django_assert_max_num_queries(12):
        assert api.get(f"/api/v1/documents?jobSeeker={job_seeker.pk}").json()["count"] == 12


def test_the_own_page_takes_a_fixed_number_of_queries(
    job_seeker_user, caseworker, document_dir, django_assert_max_num_queries
):
    client = page_client(job_seeker_user)
    client.get("/mijn/documenten/")
    for _ in range(8):
        make_document(user=caseworker, job_seeker=job_seeker_user.job_seeker)
    with django_assert_max_num_queries(14):
        assert client.get("/mijn/documenten/").status_code == 200


def _storage_of(env: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    code = (
        "import json, werkpad.settings as s; "
        "print(json.dumps(s.STORAGES['documents'], default=str))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "WERKPAD_VAR_DIR": str(tmp_path),
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_storage_is_chosen_from_the_environment(tmp_path):
    import json

    local = json.loads(_storage_of({}, tmp_path).stdout)
    assert local["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert local["OPTIONS"]["location"] == str(tmp_path / "documents")
    s3 = json.loads(
        _storage_of(
            {
                "WERKPAD_DOCUMENT_STORAGE": "s3",
                "WERKPAD_S3_BUCKET": "werkpad-documenten",
                "WERKPAD_S3_ENDPOINT_URL": "https://s3.example.nl",
                "WERKPAD_S3_ACCESS_KEY": "key",
                "WERKPAD_S3_SECRET_KEY": "secret",
                "WERKPAD_S3_REGION": "eu-west-1",
            },
            tmp_path,
        ).stdout
    )
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    expected = {
        "bucket_name": "werkpad-documenten",
        "endpoint_url": "https://s3.example.nl",
        "access_key": "key",
        "secret_key": "secret",
        "region_name": "eu-west-1",
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    assert {key: s3["OPTIONS"][key] for key in expected} == expected


def test_s3_without_a_bucket_or_an_unknown_storage_stops_werkpad(tmp_path):
    result = _storage_of({"WERKPAD_DOCUMENT_STORAGE": "s3"}, tmp_path)
    assert result.returncode != 0 and "WERKPAD_S3_BUCKET" in result.stderr
    result = _storage_of({"WERKPAD_DOCUMENT_STORAGE": "ftp"}, tmp_path)
    assert result.returncode != 0 and "WERKPAD_DOCUMENT_STORAGE='ftp'" in result.stderr


def test_the_s3_backend_loads_with_that_configuration(settings):
    from django.core.files.storage import storages

    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "werkpad-documenten",
                "endpoint_url": "https://s3.example.nl",
                "access_key": "key",
                "secret_key": "secret",
                "default_acl": "private",
                "file_overwrite": False,
            },
        },
    }
    storage = storages["documents"]
    assert type(storage).__name__ == "S3Storage"
    assert storage.bucket_name == "werkpad-documenten" and storage.file_overwrite is False
