"""Results reports (CO2): the figures of a period, drafts live, published ones frozen,
publishing tells the council, the pages and the exports."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.access import page_client
from tests.council.reports.factories import ResultsReportFactory, council_of
from tests.factories import JobSeekerFactory, PlanFactory, UserFactory
from werkpad.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.council.models import ResultsReport
from werkpad.council.reports import services
from werkpad.council.reports.figures import report_tables
from werkpad.council.reports.selectors import report_figures, report_list
from werkpad.notifications.models import Notification

AMS = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=AMS)
Q3 = (dt.date(2026, 7, 1), dt.date(2026, 9, 30))

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def policy_officer(amsterdam):
    council_of(amsterdam)
    return UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam)


@pytest.fixture
def member(amsterdam):
    return UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=council_of(amsterdam))


def by_key(tables):
    return {t.key: t for t in tables}


def registered(municipality, n, *, on=dt.datetime(2026, 1, 5, 9, tzinfo=AMS), **kwargs):
    people = JobSeekerFactory.create_batch(n, municipality=municipality, **kwargs)
    for person in people:
        type(person).objects.filter(pk=person.pk).update(created_at=on)
    return people


class TestFigures:
    def test_composition_at_the_end_of_the_period(self, amsterdam, zaandam):
        registered(amsterdam, 12, ladder_rung=2)
        registered(amsterdam, 11, ladder_rung=5, benefit_type="none")
        registered(amsterdam, 3, on=dt.datetime(2026, 10, 2, tzinfo=AMS))  # after the period
        registered(amsterdam, 4, left_on=dt.date(2026, 8, 1), leave_reason="work")  # left
        registered(amsterdam, 2, left_on=dt.date(2026, 10, 15), leave_reason="work")  # in file
        registered(zaandam, 30)
        tables = by_key(report_tables(municipality=amsterdam, start=Q3[0], end=Q3[1], min_cell=10))
        composition = tables["composition"]
        assert composition.total == 25
        rung2 = composition.rows.index(("2", "2 Social contacts outside the home"))
        rung3 = composition.rows.index(("3", "3 Taking part in organised activities"))
        rung5 = composition.rows.index(("5", "5 Paid work with support"))
        assert composition.counts[rung2] == [12, 0, 0]
        assert composition.counts[rung3] == [2, 0, 0]  # the two who left after the period
        assert composition.counts[rung5] == [0, 0, 11]
        # rung 3 (two people) is small: withheld, with partners so it cannot be worked out
        assert composition.withheld[("cell", rung3, 0)] == "small"
        assert tables["age"].total == 25

    def test_plans_and_differencing(self, amsterdam):
        people = registered(amsterdam, 24)
        for person in people[:20]:
            PlanFactory(in_effect=True, job_seeker=person)
        tables = by_key(report_tables(municipality=amsterdam, start=Q3[0], end=Q3[1], min_cell=10))
        plans = tables["plans"]
        # the factory's plans took effect on 1 September 2026 and were agreed
        assert plans.counts == [[20], [0], [4]]
        assert plans.withheld[("cell", 2, 0)] == "small"
        assert ("cell", 0, 0) in plans.withheld  # else 24 - 20 gives the four away

    def test_vacancies_are_records(self, amsterdam):
        from tests.factories import VacancyFactory

        received = dt.datetime(2026, 8, 3, 9, tzinfo=AMS)
        VacancyFactory(
            received_at=received,
            answer_due_at=received + dt.timedelta(hours=72),
            answered_at=received + dt.timedelta(hours=2),
        )
        VacancyFactory(received_at=received, answer_due_at=received + dt.timedelta(hours=72))
        tables = by_key(report_tables(municipality=amsterdam, start=Q3[0], end=Q3[1], min_cell=10))
        assert tables["vacancies"].counts == [[1], [0], [1]]
        assert tables["vacancies"].withheld == {}


class TestLifecycle:
    def test_create_publish_freezes_and_notifies(
        self, amsterdam, policy_officer, member, django_capture_on_commit_callbacks, run_worker
    ):
        registered(amsterdam, 12)
        report = services.report_create(
            user=policy_officer,
            municipality_id=amsterdam.pk,
            period_kind="quarter",
            year=2026,
            quarter=3,
        )
        assert (report.period_start, report.period_end) == Q3
        assert report.status == "draft" and report.figures == {}
        live = report_figures(report=report)
        assert live["tables"][0]["total"]["count"] == 12
        with django_capture_on_commit_callbacks(execute=True):
            report = services.report_publish(user=policy_officer, report_id=report.pk)
        assert report.status == "published" and report.published_by == policy_officer
        assert report.published_at == NOW
        run_worker()
        assert Notification.objects.filter(recipient=member).count() == 1
        assert [h.to_status for h in report.history.order_by("pk")] == ["draft", "published"]
        assert (
            AuditEvent.objects.filter(
                object_type="results report", object_id=str(report.pk)
            ).count()
            == 2
        )
        # the published figures do not move with the data
        registered(amsterdam, 5)
        report.refresh_from_db()
        assert report_figures(report=report)["tables"][0]["total"]["count"] == 12

    def test_publishing_twice_is_refused(self, amsterdam, policy_officer):
        report = ResultsReportFactory(municipality=amsterdam, published=True)
        with pytest.raises(ConflictError) as refused:
            services.report_publish(user=policy_officer, report_id=report.pk)
        assert refused.value.code == "results-report-transition-refused"
        with pytest.raises(ConflictError):
            services.report_notes_set(user=policy_officer, report_id=report.pk, notes="x")

    def test_one_report_per_period(self, amsterdam, policy_officer):
        ResultsReportFactory(municipality=amsterdam)
        with pytest.raises(ConflictError) as refused:
            services.report_create(
                user=policy_officer,
                municipality_id=amsterdam.pk,
                period_kind="quarter",
                year=2026,
                quarter=3,
            )
        assert refused.value.code == "results-report-exists"
        assert ResultsReport.objects.count() == 1

    def test_a_future_period_is_refused(self, amsterdam, policy_officer):
        with pytest.raises(InvalidInputError):
            services.report_create(
                user=policy_officer, municipality_id=amsterdam.pk, period_kind="year", year=2027
            )

    def test_only_the_municipalitys_policy_officer_creates(self, amsterdam, zaandam):
        other = UserFactory.with_role(Role.POLICY_OFFICER, municipality=zaandam)
        with pytest.raises(PermissionDeniedError):
            services.report_create(
                user=other, municipality_id=amsterdam.pk, period_kind="year", year=2025
            )


class TestListsAndPages:
    def test_council_members_see_only_published_reports_of_their_council(
        self, amsterdam, zaandam, member, policy_officer
    ):
        published = ResultsReportFactory(municipality=amsterdam, published=True)
        draft = ResultsReportFactory(
            municipality=amsterdam,
            period_start=dt.date(2026, 10, 1),
            period_end=dt.date(2026, 12, 31),
        )
        ResultsReportFactory(municipality=zaandam, published=True)
        assert list(report_list(user=member)) == [published]
        assert set(report_list(user=policy_officer)) == {published, draft}

    def test_the_report_page_shows_tables_and_legend(self, amsterdam, policy_officer):
        registered(amsterdam, 12, ladder_rung=2)
        registered(amsterdam, 3, ladder_rung=6)
        report = ResultsReportFactory(municipality=amsterdam)
        response = page_client(policy_officer).get(
            reverse("council:report-detail", args=[report.pk])
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="table-composition"' in html
        assert 'data-suppressed="small"' in html
        assert 'id="suppression-legend"' in html
        assert 'id="publish"' in html
        # labels are kept as message ids and shown in the reader's language
        assert "Werkzoekenden in het bestand aan het eind van de periode, naar leeftijd" in html

    def test_publish_page_and_exports(self, amsterdam, policy_officer, member):
        registered(amsterdam, 12)
        report = ResultsReportFactory(municipality=amsterdam)
        response = page_client(policy_officer).post(
            reverse("council:report-publish", args=[report.pk])
        )
        assert response.status_code == 302
        report.refresh_from_db()
        assert report.published
        client = page_client(member)
        docx_response = client.get(reverse("council:report-export", args=[report.pk, "docx"]))
        assert docx_response.status_code == 200
        import docx

        document = docx.Document(io.BytesIO(docx_response.content))
        assert len(document.tables) == len(report.figures["tables"])
        pdf = client.get(reverse("council:report-export", args=[report.pk, "pdf"]))
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        assert client.get(f"/raad/rapportages/{report.pk}/export.txt").status_code == 404

    def test_create_page(self, amsterdam, policy_officer):
        client = page_client(policy_officer)
        assert client.get(reverse("council:report-create")).status_code == 200
        response = client.post(
            reverse("council:report-create"),
            {
                "municipality": amsterdam.pk,
                "period_kind": "year",
                "year": "2025",
                "quarter": "",
                "notes": "",
            },
        )
        assert response.status_code == 302
        report = ResultsReport.objects.get()
        assert (report.period_start, report.period_end) == (
            dt.date(2025, 1, 1),
            dt.date(2025, 12, 31),
        )


@pytest.mark.parametrize("size", [1, 30])
def test_figures_take_the_same_queries_at_any_size(amsterdam, size, django_assert_num_queries):
    for person in registered(amsterdam, size):
        PlanFactory(in_effect=True, job_seeker=person)
    with django_assert_num_queries(11):
        report_tables(municipality=amsterdam, start=Q3[0], end=Q3[1], min_cell=10)


@pytest.mark.parametrize("size", [1, 10, 50])
def test_the_list_page_is_flat(amsterdam, policy_officer, size, django_assert_max_num_queries):
    for n in range(size):
        ResultsReportFactory(
            municipality=amsterdam,
            period_kind="year",
            period_start=dt.date(1970 + n, 1, 1),
            period_end=dt.date(1970 + n, 12, 31),
        )
    client = page_client(policy_officer)
    client.get(reverse("council:reports"))  # warm the session
    with django_assert_max_num_queries(12):
        response = client.get(reverse("council:reports"))
    assert response.content.decode().count('href="/raad/rapportages/') >= size
