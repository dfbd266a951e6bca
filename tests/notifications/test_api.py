"""GET /api/v1/notifications, POST /api/v1/notifications/{id}/read and GET
/api/v1/worklist (issue 7): your own notifications only; the worklist as on the
home page, overdue first."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import JobSeekerFactory, PlanFactory, TrajectoryFactory
from tests.notifications.conftest import MONDAY
from tests.notifications.factories import NotificationFactory
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MONDAY, tick=False)]

URL = "/api/v1/notifications"


class TestList:
    def test_newest_first_with_text_link_and_due_date(self, api, caseworker):
        older = NotificationFactory(recipient=caseworker, due_on=dt.date(2026, 11, 25))
        newer = NotificationFactory(recipient=caseworker, kind="term_passed")
        response = api.as_user(caseworker).get(URL)
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 2 and [n["id"] for n in body["results"]] == [newer.pk, older.pk]
        assert body["results"][1] == {
            "id": older.pk,
            "kind": "term_near",
            "topic": "plan-review",
            "text": "Een plan moet op 25-11-2026 worden geëvalueerd.",
            "url": "/plannen/1/",
            "dueOn": "2026-11-25",
            "createdAt": body["results"][1]["createdAt"],
            "read": False,
            "readAt": None,
        }

    def test_unread_filter(self, api, caseworker):
        unread = NotificationFactory(recipient=caseworker)
        read = NotificationFactory(recipient=caseworker, read=True)
        client = api.as_user(caseworker)
        assert [n["id"] for n in client.get(f"{URL}?unread=true").json()["results"]] == [unread.pk]
        assert [n["id"] for n in client.get(f"{URL}?unread=false").json()["results"]] == [read.pk]
        assert client.get(f"{URL}?unread=maybe").status_code == 400

    @pytest.mark.parametrize("role", list(Role))
    def test_every_role_sees_its_own_only(self, api, role, role_user, caseworker):
        NotificationFactory.create_batch(2, recipient=caseworker)
        user = role_user(role)
        mine = NotificationFactory(recipient=user)
        body = api.as_user(user).get(URL).json()
        assert [n["id"] for n in body["results"]] == [mine.pk]

    def test_without_a_login_401(self, api):
        response = api.get(URL)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"

    def test_the_query_count_does_not_grow_with_the_rows(
        self, api, caseworker, django_assert_num_queries
    ):
        client = api.as_user(caseworker)
        counts = []
        for total in (1, 10, 50):
            NotificationFactory.create_batch(
                total - Notification.objects.count(), recipient=caseworker
            )
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"{URL}?pageSize=100").json()["count"] == total
            counts.append(len(queries))
        assert counts[0] == counts[1] == counts[2], counts


class TestRead:
    def test_marks_it_read_once(self, api, caseworker, time_machine):
        notification = NotificationFactory(recipient=caseworker)
        client = api.as_user(caseworker)
        first = client.post(f"{URL}/{notification.pk}/read")
        assert first.status_code == 200 and first.json()["read"] is True
        time_machine.shift(dt.timedelta(hours=1))
        again = client.post(f"{URL}/{notification.pk}/read")
        assert again.json()["readAt"] == first.json()["readAt"]

    def test_another_users_notification_is_not_found_and_stays_unread(
        self, api, caseworker, colleague
    ):
        theirs = NotificationFactory(recipient=colleague)
        response = api.as_user(caseworker).post(f"{URL}/{theirs.pk}/read")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        theirs.refresh_from_db()
        assert theirs.read_at is None

    def test_a_field_in_a_body_is_refused_and_nothing_changes(self, api, caseworker):
        notification = NotificationFactory(recipient=caseworker)
        response = api.as_user(caseworker).post(
            f"{URL}/{notification.pk}/read", {"read": False}, format="json"
        )
        assert response.status_code == 400
        assert response.json()["invalidParams"][0]["name"] == "read"
        notification.refresh_from_db()
        assert notification.read_at is None


class TestWorklist:
    def test_the_sections_of_the_home_page_with_due_dates_overdue_first(
        self, api, caseworker, amsterdam
    ):
        JobSeekerFactory(municipality=amsterdam, contact_person=caseworker, profile_overdue=True)
        for due in (dt.date(2026, 11, 20), dt.date(2026, 10, 1)):
            PlanFactory(
                job_seeker=JobSeekerFactory(municipality=amsterdam, contact_person=caseworker),
                in_effect=True,
                review_due_on=due,
            )
        for due in (dt.date(2026, 11, 26), dt.date(2026, 11, 19)):
            TrajectoryFactory(
                job_seeker=JobSeekerFactory(municipality=amsterdam, contact_person=caseworker),
                started=True,
                next_report_due=due,
            )
        response = api.as_user(caseworker).get("/api/v1/worklist")
        assert response.status_code == 200
        sections = response.json()["sections"]
        assert [s["key"] for s in sections] == [s.key for s in worklist_for(caseworker)]
        by_key = {s["key"]: s for s in sections}
        assert [i["dueOn"] for i in by_key["plan-review"]["items"]] == ["2026-10-01", "2026-11-20"]
        reports = by_key["caseload-reports"]["items"]
        assert [(i["dueOn"], i["overdue"]) for i in reports] == [
            ("2026-11-19", True),
            ("2026-11-26", False),
        ]
        assert reports[0]["url"].startswith("/trajecten/")
        assert by_key["caseload"]["count"] == 5 and by_key["caseload"]["items"] == []

    def test_overdue_items_come_first_within_a_section(self, api, role_user, monkeypatch):
        from werkpad.core import worklist
        from werkpad.core.worklist import WorklistItem, WorklistSection, register_sections

        monkeypatch.setattr(worklist, "_SOURCES", {})
        register_sections(
            "test",
            roles={Role.POLICY_OFFICER},
            sections=lambda user: [
                WorklistSection(
                    key="mixed",
                    title="Mixed",
                    count=3,
                    items=[
                        WorklistItem(title="a", url="/a", due_on=dt.date(2026, 12, 1)),
                        WorklistItem(title="b", url="/b", overdue=True),
                        WorklistItem(title="c", url="/c", overdue=True),
                    ],
                )
            ],
            order=1,
        )
        body = api.as_user(role_user(Role.POLICY_OFFICER)).get("/api/v1/worklist").json()
        assert [i["title"] for i in body["sections"][0]["items"]] == ["b", "c", "a"]

    def test_a_job_seeker_has_no_sections(self, api, job_seeker_user):
        assert api.as_user(job_seeker_user).get("/api/v1/worklist").json() == {"sections": []}

    def test_without_a_login_401(self, api):
        assert api.get("/api/v1/worklist").status_code == 401
