"""Reads of personal data: scoped per role, audited with purpose, no N+1."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import JobSeekerFactory, job_seeker_login
from werkpad.core.context import origin
from werkpad.core.errors import NotFoundError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.jobseekers import selectors

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def files(amsterdam, zaandam, caseworker, colleague):
    return {
        "mine": JobSeekerFactory(municipality=amsterdam, contact_person=caseworker),
        "colleagues": JobSeekerFactory(municipality=amsterdam, contact_person=colleague),
        "zaandam": JobSeekerFactory(municipality=zaandam),
    }


class TestScope:
    def test_a_caseworker_sees_every_file_of_their_municipality_and_no_other(
        self, caseworker, files
    ):
        found = set(selectors.jobseeker_list(user=caseworker))
        assert found == {files["mine"], files["colleagues"]}

    def test_a_job_seeker_sees_only_their_own_file(self, files):
        user = job_seeker_login(files["mine"])
        assert list(selectors.jobseeker_list(user=user)) == [files["mine"]]
        assert selectors.jobseeker_get(user=user, id=files["mine"].pk) == files["mine"]
        with pytest.raises(NotFoundError):
            selectors.jobseeker_get(user=user, id=files["colleagues"].pk)

    @pytest.mark.parametrize(
        "role",
        [
            Role.COACH,
            Role.EMPLOYER_ADVISOR,
            Role.EMPLOYER,
            Role.ADVISOR,
            Role.COMPLAINT_HANDLER,
            Role.COUNCIL_MEMBER,
            Role.POLICY_OFFICER,
            Role.FUNCTIONAL_ADMIN,
        ],
    )
    def test_roles_without_a_caseload_see_no_persons(self, role, role_user, files):
        user = role_user(role)
        with pytest.raises(PermissionDeniedError):
            selectors.jobseeker_list(user=user)
        for file in files.values():
            with pytest.raises(NotFoundError):
                selectors.jobseeker_get(user=user, id=file.pk)
            with pytest.raises(NotFoundError):
                selectors.access_log_list(user=user, job_seeker_id=file.pk)
        assert not AuditEvent.objects.filter(action=AuditEvent.Action.READ).exists()

    def test_a_file_of_another_municipality_is_not_found(self, caseworker, files):
        with pytest.raises(NotFoundError):
            selectors.jobseeker_get(user=caseworker, id=files["zaandam"].pk)
        with pytest.raises(NotFoundError):
            selectors.access_log_list(user=caseworker, job_seeker_id=files["zaandam"].pk)

    def test_an_inactive_membership_grants_nothing(self, caseworker, files):
        caseworker.memberships.update(is_active=False)
        with pytest.raises(PermissionDeniedError):
            selectors.jobseeker_list(user=caseworker)


class TestAudit:
    def test_reading_a_file_is_logged_with_who_what_why_and_where(self, caseworker, files):
        with origin("api"):
            selectors.jobseeker_get(
                user=caseworker, id=files["mine"].pk, purpose=AuditEvent.Purpose.FILE_API
            )
        event = AuditEvent.objects.get(action=AuditEvent.Action.READ)
        assert event.actor == caseworker
        assert event.actor_role == Role.CASEWORKER
        assert event.actor_organisation
        assert event.purpose == "file (API)"
        assert event.origin == "api"
        assert event.job_seeker_id == files["mine"].pk
        assert event.occurred_at == NOW
        assert {"bsn", "last_name", "ladder_rung", "limitations"} <= set(event.fields)

    def test_a_non_contact_caseworkers_read_leaves_out_restricted_field_names(
        self, colleague, files
    ):
        selectors.jobseeker_get(
            user=colleague, id=files["mine"].pk, purpose=AuditEvent.Purpose.FILE
        )
        event = AuditEvent.objects.get(action=AuditEvent.Action.READ)
        assert "limitations" not in event.fields
        assert "attention_psychological" not in event.fields

    def test_a_search_is_logged_with_the_filters_used_but_not_their_values(self, caseworker, files):
        list(
            selectors.jobseeker_list(
                user=caseworker,
                filters={"search": "Jansen", "ladderRung": ["3"]},
                purpose=AuditEvent.Purpose.JOB_SEEKER_LIST,
            )
        )
        event = AuditEvent.objects.get(action=AuditEvent.Action.SEARCH)
        assert event.fields == ["ladderRung", "search"]
        assert event.purpose == "job-seeker list"
        assert "Jansen" not in str(AuditEvent.objects.filter(pk=event.pk).values().get())

    def test_a_refused_read_is_not_logged_as_a_read(self, zaandam_caseworker, files):
        with pytest.raises(NotFoundError):
            selectors.jobseeker_get(user=zaandam_caseworker, id=files["mine"].pk)
        assert not AuditEvent.objects.filter(job_seeker_id=files["mine"].pk).exists()

    def test_the_access_log_lists_reads_and_writes_of_that_file_newest_first(
        self, caseworker, colleague, files
    ):
        from werkpad.jobseekers.services import jobseeker_update

        selectors.jobseeker_get(
            user=colleague, id=files["mine"].pk, purpose=AuditEvent.Purpose.FILE
        )
        jobseeker_update(
            user=caseworker, job_seeker_id=files["mine"].pk, expected_version=1, data={"city": "X"}
        )
        selectors.jobseeker_get(user=caseworker, id=files["colleagues"].pk)
        log = list(selectors.access_log_list(user=caseworker, job_seeker_id=files["mine"].pk))
        assert [(e.action, e.actor) for e in log] == [
            (AuditEvent.Action.UPDATE, caseworker),
            (AuditEvent.Action.READ, colleague),
        ]


def test_the_rung_history_is_newest_first(caseworker, files):
    from werkpad.jobseekers.services import jobseeker_update

    file = files["mine"]
    for version, rung in enumerate((4, 5), start=1):
        jobseeker_update(
            user=caseworker,
            job_seeker_id=file.pk,
            expected_version=version,
            data={"ladder_rung": rung},
        )
    history = list(selectors.ladder_history_list(job_seeker=file))
    assert [(s.from_rung, s.to_rung) for s in history] == [(4, 5), (3, 4), (None, 3)]


def test_the_api_list_query_count_does_not_grow_with_the_rows(token_api, caseworker, amsterdam):
    """No N+1: the same number of queries for 1, 10 and 50 rows (with contact person)."""
    counts = []
    made = 0
    for rows in (1, 10, 50):
        JobSeekerFactory.create_batch(
            rows - made, municipality=amsterdam, contact_person=caseworker
        )
        made = rows
        client = token_api(caseworker)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/job-seekers", {"pageSize": 100})
        assert response.status_code == 200
        assert len(response.json()["results"]) == rows
        counts.append(len(queries))
    assert counts == [counts[0]] * 3, counts
    # the token, the memberships, the audit event, the tally, the page's ids and its rows
    assert counts[0] == 6, [q["sql"] for q in queries.captured_queries]


def test_the_filtered_api_list_query_count_does_not_grow_with_the_rows(
    token_api, caseworker, amsterdam
):
    counts = []
    made = 0
    for rows in (1, 10, 50):
        JobSeekerFactory.create_batch(
            rows - made, municipality=amsterdam, contact_person=caseworker, profile_overdue=True
        )
        made = rows
        client = token_api(caseworker)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                "/api/v1/job-seekers",
                {"pageSize": 100, "profileOverdue": "true", "contactPerson": caseworker.pk},
            )
        assert len(response.json()["results"]) == rows
        counts.append(len(queries))
    assert counts == [counts[0]] * 3, counts
