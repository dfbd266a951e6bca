"""The audit log: who, when, what, why and from where; field names, never values; append-only."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from werkpad.core.audit import audit_record
from werkpad.core.context import current_origin, origin
from werkpad.core.middleware import ApiMiddleware
from werkpad.core.models import AppendOnlyError, AuditEvent
from werkpad.core.permissions import Role

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def event(caseworker):
    return audit_record(
        user=caseworker,
        action=AuditEvent.Action.READ,
        object_type="jobseeker",
        object_id=7,
        job_seeker_id=7,
        purpose=AuditEvent.Purpose.FILE,
        fields=["last_name", "bsn", "bsn"],
    )


class TestWhatIsRecorded:
    def test_actor_role_organisation_purpose_and_time(self, event, caseworker):
        assert event.actor == caseworker
        assert event.actor_label == caseworker.get_full_name()
        assert event.actor_role == Role.CASEWORKER
        assert event.actor_organisation == caseworker.memberships.get().organisation.name
        assert event.purpose == "file"
        assert event.occurred_at == NOW
        assert event.result == AuditEvent.Result.SUCCESS
        assert event.object_id == "7"

    def test_field_names_are_kept_once_and_sorted(self, event):
        assert event.fields == ["bsn", "last_name"]

    def test_the_origin_is_the_command_line_unless_a_request_says_otherwise(self, caseworker):
        assert current_origin() == "cli"
        with origin("task"):
            made = audit_record(user=caseworker, action="read", object_type="jobseeker")
        assert made.origin == "task"
        assert current_origin() == "cli"

    @pytest.mark.parametrize(
        ("path", "expected"),
        [("/api/v1/job-seekers", "api"), ("/werkzoekenden/", "ui"), ("/", "ui")],
    )
    def test_a_request_marks_its_origin_as_api_or_ui(self, caseworker, path, expected):
        seen = []

        def view(request):
            seen.append(
                audit_record(user=caseworker, action="read", object_type="jobseeker").origin
            )
            return HttpResponse("ok")

        ApiMiddleware(view)(RequestFactory().get(path))
        assert seen == [expected]
        assert current_origin() == "cli"

    def test_an_anonymous_actor_is_recorded_as_such(self):
        made = audit_record(
            user=AnonymousUser(),
            action=AuditEvent.Action.LOGIN_FAILED,
            object_type="session",
            result=AuditEvent.Result.FAILED,
        )
        assert made.actor is None
        assert made.actor_label == "anonymous"
        assert made.actor_role == ""

    def test_long_details_are_cut_to_fit(self, caseworker):
        made = audit_record(user=caseworker, action="read", object_type="x", detail="d" * 500)
        made.refresh_from_db()
        assert len(made.detail) == 300

    def test_a_purpose_outside_the_closed_set_is_refused_and_nothing_is_written(self, caseworker):
        with pytest.raises(ValueError, match="intake"):
            audit_record(user=caseworker, action="read", object_type="x", purpose="intake")
        assert not AuditEvent.objects.exists()

    def test_issuing_a_token_is_recorded_without_the_token(self, caseworker):
        from werkpad.accounts.services import token_issue

        key = token_issue(user=caseworker)
        assert token_issue(user=caseworker) == key
        (issued,) = AuditEvent.objects.filter(object_type="api-token")
        assert issued.actor == caseworker
        for row in AuditEvent.objects.values():
            assert key not in str(row)


class TestAppendOnly:
    def test_saving_an_existing_event_is_refused(self, event):
        event.purpose = "something else"
        with pytest.raises(AppendOnlyError):
            event.save()
        event.refresh_from_db()
        assert event.purpose == "file"

    def test_deleting_an_event_is_refused(self, event):
        with pytest.raises(AppendOnlyError):
            event.delete()
        assert AuditEvent.objects.filter(pk=event.pk).exists()

    def test_queryset_update_and_delete_are_refused(self, event):
        with pytest.raises(AppendOnlyError):
            AuditEvent.objects.filter(pk=event.pk).update(purpose="x")
        with pytest.raises(AppendOnlyError):
            AuditEvent.objects.all().delete()
        with pytest.raises(AppendOnlyError), transaction.atomic():
            AuditEvent.objects.bulk_update([event], ["purpose"])
        assert AuditEvent.objects.get(pk=event.pk).purpose == "file"

    def test_the_database_refuses_a_raw_update(self, event):
        table = AuditEvent._meta.db_table
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(f"UPDATE {table} SET purpose = %s WHERE id = %s", ["x", event.pk])
        assert AuditEvent.objects.get(pk=event.pk).purpose == "file"

    def test_the_database_guards_installed_match_the_vendor(self, event):
        """PostgreSQL refuses UPDATE and DELETE; SQLite refuses UPDATE (the test runner
        empties SQLite tables with DELETE between tests)."""
        table = AuditEvent._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT DISTINCT event_manipulation FROM information_schema.triggers "
                    "WHERE event_object_table = %s",
                    [table],
                )
                assert {row[0] for row in cursor.fetchall()} == {"UPDATE", "DELETE"}
            else:
                assert connection.vendor == "sqlite"
                cursor.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                    [table],
                )
                (definition,) = [row[0] for row in cursor.fetchall()]
                assert "BEFORE UPDATE" in definition.upper()

    def test_on_postgresql_the_database_also_refuses_a_raw_delete(self, event):
        table = AuditEvent._meta.db_table
        refused = False
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {table} WHERE id = %s", [event.pk])
        except DatabaseError as error:
            assert "append-only" in str(error)
            refused = True
        assert refused == (connection.vendor == "postgresql")
        if refused:
            assert AuditEvent.objects.filter(pk=event.pk).exists()


class TestPurposes:
    """Every purpose werkpad records is a code with a translated label (the access log's "Why")."""

    def test_every_purpose_has_a_dutch_label_that_differs_from_the_english(self):
        from django.utils import translation

        for purpose in AuditEvent.Purpose:
            with translation.override("en"):
                english = str(purpose.label)
            with translation.override("nl"):
                dutch = str(purpose.label)
            assert dutch and dutch != english, purpose.value

    def test_every_purpose_passed_in_the_code_is_in_the_closed_set(self):
        """No purpose is written as a bare string: every one names a member of the set."""
        import re
        from pathlib import Path

        import werkpad

        root = Path(werkpad.__file__).parent
        literal = re.compile(
            r'purpose\s*=\s*f?"|PURPOSE\s*=\s*"|(?:_get_or_404|_read|_detail)\(request, \w+(?:\.pk)?, f?"'
        )
        used = re.compile(r"AuditEvent\.Purpose\.([A-Z_]+)")
        members = set(AuditEvent.Purpose.names)
        for path in root.rglob("*.py"):
            text = path.read_text()
            assert not literal.search(text), path
            assert set(used.findall(text)) <= members, path

    def test_the_label_is_shown_in_the_readers_language(self, event):
        from django.utils import translation

        with translation.override("nl"):
            assert event.purpose_label == "dossier inzien"
        with translation.override("en"):
            assert event.purpose_label == "view the file"
