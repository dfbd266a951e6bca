"""The job-seeker pages as a caseworker uses them (JS1, JS3, JS4)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import JobSeekerFactory, UserFactory
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.jobseekers.models import JobSeeker

pytestmark = pytest.mark.django_db


def form_data(job_seeker: JobSeeker, **changes) -> dict:
    data = {
        "version": job_seeker.version,
        "bsn": job_seeker.bsn,
        "first_name": job_seeker.first_name,
        "last_name": job_seeker.last_name,
        "birth_date": job_seeker.birth_date.isoformat(),
        "gender": job_seeker.gender,
        "education_level": job_seeker.education_level,
        "benefit_type": job_seeker.benefit_type,
        "unemployed_since": job_seeker.unemployed_since.isoformat(),
        "ladder_rung": job_seeker.ladder_rung,
        "contact_person": job_seeker.contact_person_id or "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_list_shows_25_rows_with_masked_bsn_and_pages(client, caseworker, amsterdam):
    JobSeekerFactory.create_batch(30, municipality=amsterdam, contact_person=caseworker)
    client.force_login(caseworker)
    response = client.get(reverse("jobseekers:list"))
    assert response.status_code == 200
    rows = response.context["page"].object_list
    assert len(rows) == 25
    content = response.content.decode()
    assert rows[0].bsn not in content
    assert rows[0].masked_bsn in content
    assert response.context["page"].paginator.num_pages == 2


def test_list_query_count_does_not_grow_with_the_rows(client, caseworker, amsterdam):
    client.force_login(caseworker)
    JobSeekerFactory.create_batch(3, municipality=amsterdam, contact_person=caseworker)
    client.get(reverse("jobseekers:list"))  # the first request of a session also stores it
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("jobseekers:list"))
    JobSeekerFactory.create_batch(40, municipality=amsterdam, contact_person=caseworker)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("jobseekers:list"))
    assert len(many) == len(few)


def test_htmx_search_answers_only_the_results(client, caseworker, amsterdam):
    JobSeekerFactory(municipality=amsterdam, first_name="Fatima", last_name="Zwanenburg")
    JobSeekerFactory(municipality=amsterdam, first_name="Piet", last_name="Bakker")
    client.force_login(caseworker)
    response = client.get(
        reverse("jobseekers:list"), {"search": "zwanen"}, headers={"HX-Request": "true"}
    )
    content = response.content.decode()
    assert "<html" not in content
    assert "Zwanenburg" in content and "Bakker" not in content


def test_editing_the_rung_appends_history_with_reason_and_audits(client, job_seeker, caseworker):
    client.force_login(caseworker)
    url = reverse("jobseekers:edit", args=[job_seeker.pk])
    response = client.post(
        url, form_data(job_seeker, ladder_rung=5, rung_reason="Werkt 12 uur met jobcoach")
    )
    assert response.status_code == 302
    job_seeker.refresh_from_db()
    assert job_seeker.ladder_rung == 5 and job_seeker.version == 2
    change = job_seeker.rung_history.first()
    assert (change.from_rung, change.to_rung, change.reason, change.changed_by) == (
        3,
        5,
        "Werkt 12 uur met jobcoach",
        caseworker,
    )
    event = AuditEvent.objects.filter(action="update", job_seeker_id=job_seeker.pk).get()
    assert event.fields == ["ladder_rung"] and event.origin == "ui"


def test_a_stale_edit_is_refused_with_409_and_changes_nothing(client, job_seeker, caseworker):
    client.force_login(caseworker)
    stale = form_data(job_seeker, city="Zaandam")
    JobSeeker.objects.filter(pk=job_seeker.pk).update(version=2, city="Haarlem")
    response = client.post(reverse("jobseekers:edit", args=[job_seeker.pk]), stale)
    assert response.status_code == 409
    assert "Er is niets opgeslagen" in response.content.decode()
    job_seeker.refresh_from_db()
    assert job_seeker.city == "Haarlem" and job_seeker.version == 2


def test_invalid_bsn_is_refused_with_a_dutch_message_and_nothing_written(
    client, job_seeker, caseworker
):
    client.force_login(caseworker)
    response = client.post(
        reverse("jobseekers:edit", args=[job_seeker.pk]), form_data(job_seeker, bsn="123456789")
    )
    assert response.status_code == 400
    assert "elfproef" in response.content.decode()
    job_seeker.refresh_from_db()
    assert job_seeker.bsn != "123456789" and job_seeker.version == 1


def test_restricted_items_are_shown_to_the_contact_person_only(client, amsterdam, caseworker):
    """JS4: special-category items reach only the contact person (and the job seeker)."""
    job_seeker = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, limitations="Kan niet lang staan"
    )
    colleague = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    client.force_login(colleague)
    assert (
        "Kan niet lang staan"
        not in client.get(reverse("jobseekers:detail", args=[job_seeker.pk])).content.decode()
    )
    assert (
        "limitations"
        not in client.get(reverse("jobseekers:edit", args=[job_seeker.pk])).context["form"].fields
    )
    client.force_login(caseworker)
    assert (
        "Kan niet lang staan"
        in client.get(reverse("jobseekers:detail", args=[job_seeker.pk])).content.decode()
    )


def test_registering_a_job_seeker_makes_the_caseworker_contact_person(client, caseworker):
    client.force_login(caseworker)
    response = client.post(
        reverse("jobseekers:create"),
        {
            "bsn": "111222333",
            "first_name": "Noor",
            "last_name": "Jansen",
            "birth_date": "1990-04-02",
            "gender": "female",
            "education_level": "mbo4",
            "benefit_type": "participatiewet",
            "unemployed_since": "2024-02-01",
            "ladder_rung": "3",
            "contact_person": caseworker.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    job_seeker = JobSeeker.objects.get(bsn="111222333")
    assert job_seeker.contact_person == caseworker
    assert job_seeker.rung_history.get().to_rung == 3


def test_the_page_is_dutch_unless_english_was_chosen(client, caseworker):
    client.force_login(caseworker)
    response = client.get(reverse("jobseekers:list"), headers={"Accept-Language": "en"})
    assert '<html lang="nl">' in response.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("jobseekers:list"))
    assert '<html lang="en">' in response.content.decode()
    assert "Job seekers" in response.content.decode()


def test_the_filter_form_sends_blanks_for_all_and_the_search_still_applies(
    client, caseworker, amsterdam
):
    JobSeekerFactory(municipality=amsterdam, first_name="Fatima", last_name="Zwanenburg")
    JobSeekerFactory(municipality=amsterdam, first_name="Piet", last_name="Bakker")
    client.force_login(caseworker)
    response = client.get(
        reverse("jobseekers:list"),
        {
            "search": "Zwanenburg",
            "ladderRung": "",
            "benefitType": "",
            "educationLevel": "",
            "contactPerson": "",
            "profileOverdue": "",
        },
    )
    assert [js.last_name for js in response.context["page"].object_list] == ["Zwanenburg"]


def test_the_api_list_rows_equal_the_serializer_output(caseworker, amsterdam):
    """The list's direct row builder says exactly what the declared serializer says."""
    from werkpad.jobseekers.serializers import JobSeekerSummarySerializer

    JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    JobSeekerFactory(municipality=amsterdam, contact_person=None)
    rows = list(JobSeeker.objects.select_related("contact_person", "municipality"))
    expected = [dict(row) for row in JobSeekerSummarySerializer(rows, many=True).data]
    assert JobSeekerSummarySerializer.rows(rows) == expected


@pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")))
def test_marking_the_profile_reviewed_clears_the_overdue_flag(client, api, caseworker, amsterdam):
    """JS1: a profile not reviewed in time is flagged until it is reviewed again."""
    job_seeker = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, profile_overdue=True
    )
    assert job_seeker.profile_overdue()
    client.force_login(caseworker)
    response = client.post(
        reverse("jobseekers:profile-review", args=[job_seeker.pk]), {"version": job_seeker.version}
    )
    assert response.status_code == 302
    job_seeker.refresh_from_db()
    assert job_seeker.profile_reviewed_on == dt.date(2026, 11, 23)
    assert not job_seeker.profile_overdue()
    event = AuditEvent.objects.filter(action="update", job_seeker_id=job_seeker.pk).get()
    assert event.fields == ["profile_reviewed_on"]

    stale = api.as_user(caseworker).post(
        f"/api/v1/job-seekers/{job_seeker.pk}/profile-review", {"version": 1}, format="json"
    )
    assert stale.status_code == 409
    fresh = api.as_user(caseworker).post(
        f"/api/v1/job-seekers/{job_seeker.pk}/profile-review", {"version": 2}, format="json"
    )
    assert fresh.status_code == 200 and fresh.json()["profileReviewOverdue"] is False


def test_a_refused_edit_leaves_no_read_in_the_access_log(client, job_seeker, job_seeker_user):
    client.force_login(job_seeker_user)
    response = client.get(reverse("jobseekers:edit", args=[job_seeker.pk]))
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(job_seeker_id=job_seeker.pk).exists()


def test_only_the_contact_person_records_special_category_items_at_registration(
    caseworker, amsterdam
):
    from werkpad.core.errors import PermissionDeniedError
    from werkpad.jobseekers.services import jobseeker_create

    colleague = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    data = {
        "bsn": "111222333",
        "first_name": "Noor",
        "last_name": "Jansen",
        "birth_date": dt.date(1990, 4, 2),
        "education_level": "mbo4",
        "benefit_type": "participatiewet",
        "unemployed_since": dt.date(2024, 2, 1),
        "ladder_rung": 3,
        "contact_person": colleague,
        "limitations": "Kan niet tillen",
    }
    with pytest.raises(PermissionDeniedError):
        jobseeker_create(user=caseworker, municipality=amsterdam, data=data)
    assert not JobSeeker.objects.filter(bsn="111222333").exists()
    created = jobseeker_create(user=colleague, municipality=amsterdam, data=data)
    assert created.limitations == "Kan niet tillen"


def test_list_rows_escape_what_people_typed(client, caseworker, amsterdam):
    JobSeekerFactory(
        municipality=amsterdam, first_name='<script>alert("x")</script>', last_name="O'Neil & Zn"
    )
    client.force_login(caseworker)
    content = client.get(reverse("jobseekers:list")).content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content
    assert "O&#x27;Neil &amp; Zn" in content


def test_nobody_makes_themselves_contact_person_of_someone_elses_file(api, job_seeker, amsterdam):
    colleague = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    response = api.as_user(colleague).patch(
        f"/api/v1/job-seekers/{job_seeker.pk}",
        {"contactPerson": colleague.pk, "version": job_seeker.version},
        format="json",
    )
    assert response.status_code == 403
    job_seeker.refresh_from_db()
    assert job_seeker.contact_person != colleague


def test_a_misspelt_or_forbidden_filter_is_refused_not_ignored(api, caseworker, job_seeker):
    typo = api.as_user(caseworker).get("/api/v1/job-seekers", {"ladderrung": 6})
    assert typo.status_code == 400
    assert typo.json()["invalidParams"][0]["name"] == "ladderrung"
    forbidden = api.as_user(caseworker).get("/api/v1/job-seekers", {"nationality": "NL"})
    assert forbidden.status_code == 400


def test_the_worklist_only_shows_files_of_municipalities_the_user_works_for(
    client, caseworker, zaandam
):
    JobSeekerFactory(
        municipality=zaandam, contact_person=caseworker, last_name="Elders", profile_overdue=True
    )
    client.force_login(caseworker)
    assert "Elders" not in client.get("/").content.decode()
