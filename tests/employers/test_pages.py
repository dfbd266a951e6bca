"""The employer service's pages: lists with filters and a flat number of queries, the
steps on a vacancy, the employer's own pages and landing, the worklist, the import and
the demand side (EM1-EM5, EM7, EM8)."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.employers.conftest import NOW
from tests.factories import EmployerFactory, UserFactory, VacancyFactory
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.employers.models import Source, Vacancy
from werkpad.employers.workflow import Status

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def client_of(client, settings):
    settings.WERKPAD_STAFF_2FA = False

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.mark.parametrize("rows", [1, 10, 50])
def test_the_employer_list_costs_the_same_for_1_10_or_50(
    client_of, advisor, amsterdam, rows, django_assert_max_num_queries
):
    for _ in range(rows):
        VacancyFactory(employer=EmployerFactory(municipality=amsterdam, contact_person=advisor))
    client = client_of(advisor)
    client.get("/werkgevers/")
    with django_assert_max_num_queries(14):
        response = client.get("/werkgevers/")
    assert response.status_code == 200
    assert response.content.count(b'href="/werkgevers/') >= min(rows, 25)


@pytest.mark.parametrize("rows", [1, 10, 50])
def test_the_vacancy_list_costs_the_same_for_1_10_or_50(
    client_of, advisor, employer, rows, django_assert_max_num_queries
):
    for _ in range(rows):
        VacancyFactory(employer=employer)
    client = client_of(advisor)
    client.get("/vacatures/")
    with django_assert_max_num_queries(14):
        response = client.get("/vacatures/")
    assert response.status_code == 200


def test_the_employer_list_filters_by_sector_size_and_willingness(client_of, advisor, amsterdam):
    EmployerFactory(municipality=amsterdam, sbi_section="I", sbi_division="56", banenafspraak=False)
    EmployerFactory(municipality=amsterdam, sbi_section="N", sbi_division="81", size="large")
    client = client_of(advisor)
    page = client.get("/werkgevers/", {"sector": "I"})
    assert len(page.context["page"].object_list) == 1
    page = client.get("/werkgevers/", {"size": "large"})
    assert [e.size for e in page.context["page"].object_list] == ["large"]
    page = client.get("/werkgevers/", {"willing": "false"})
    assert [e.sbi_section for e in page.context["page"].object_list] == ["I"]
    page = client.get("/werkgevers/", {"sector": "Z"})
    assert len(page.context["page"].object_list) == 2  # the filter is left out, with a message


def test_overdue_vacancies_come_first_in_the_file(client_of, advisor, employer):
    VacancyFactory(employer=employer, title="Nieuw", received_at=NOW)
    late = VacancyFactory(
        employer=employer, title="Te laat", received_at=NOW - dt.timedelta(days=4)
    )
    page = client_of(advisor).get("/vacatures/")
    rows = list(page.context["page"].object_list)
    assert rows[0] == late and rows[0].is_overdue
    assert "te laat" in page.content.decode().lower()


def test_the_advisor_answers_on_the_vacancy_page(client_of, advisor, employer):
    vacancy = VacancyFactory(employer=employer)
    client = client_of(advisor)
    page = client.get(f"/vacatures/{vacancy.pk}/")
    assert "answer_form" in page.context and "answer" in page.context["offers"]
    response = client.post(
        f"/vacatures/{vacancy.pk}/antwoord/",
        {"text": "Drie kandidaten.", "expected_fill_by": "2026-12-20", "version": 1},
    )
    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.status == Status.IN_PROGRESS
    refused = client.post(
        f"/vacatures/{vacancy.pk}/antwoord/",
        {"text": "Nog eens.", "expected_fill_by": "2026-12-20", "version": 2},
    )
    assert refused.status_code == 409


def test_a_stale_answer_is_refused_and_nothing_changes(client_of, advisor, employer):
    vacancy = VacancyFactory(employer=employer)
    response = client_of(advisor).post(
        f"/vacatures/{vacancy.pk}/antwoord/",
        {"text": "Drie kandidaten.", "expected_fill_by": "2026-12-20", "version": 7},
    )
    assert response.status_code == 409
    vacancy.refresh_from_db()
    assert vacancy.status == Status.RECEIVED


def test_the_employer_lands_on_its_own_page_and_reports_a_vacancy(
    client_of, employer, employer_user
):
    client = client_of(employer_user)
    assert client.get("/").url == "/werkgever/"
    response = client.post(
        "/werkgever/vacatures/nieuw/",
        {
            "title": "Bakkersknecht",
            "occupation_code": "7512",
            "min_education_level": "none",
            "hours_per_week": "24",
            "positions": "1",
            "expires_on": "2027-01-31",
            "conditions": ["standing"],
        },
    )
    vacancy = Vacancy.objects.get()
    assert response.url == f"/werkgever/vacatures/{vacancy.pk}/"
    assert (vacancy.channel, vacancy.conditions) == ("web", ["standing"])
    home = client.get("/werkgever/")
    assert "Bakkersknecht" in home.content.decode()


def test_the_employer_home_shows_what_it_was_told(client_of, advisor, employer, employer_user):
    from werkpad.employers import services

    vacancy = VacancyFactory(employer=employer)
    services.vacancy_answer(
        user=advisor,
        vacancy_id=vacancy.pk,
        text="Wij sturen u drie cv's.",
        expected_fill_by=dt.date(2026, 12, 20),
    )
    page = client_of(employer_user).get("/werkgever/").content.decode()
    assert "Wij sturen u drie cv&#x27;s." in page
    assert "20-12-2026" in page


def test_the_worklist_shows_vacancies_to_answer_overdue_first(advisor, employer):
    VacancyFactory(employer=employer, title="Op tijd", received_at=NOW)
    VacancyFactory(employer=employer, title="Te laat", received_at=NOW - dt.timedelta(days=4))
    VacancyFactory(
        employer=employer, title="Verlopen", expires_on=NOW.date() - dt.timedelta(days=1)
    )
    sections = {s.key: s for s in worklist_for(advisor)}
    to_answer = sections["vacancies-to-answer"]
    assert to_answer.count == 3
    assert to_answer.items[0].overdue and "Te laat" in to_answer.items[0].title
    assert [i.overdue for i in to_answer.items] == [True, False, False]
    assert sections["vacancies-expired"].count == 1


def _csv(
    *rows,
    header="external_reference;employer_name;employer_kvk;title;occupation_code;skills;min_education_level;region;hours_per_week;conditions;positions;expires_on",
):
    return SimpleUploadedFile(
        "vacatures.csv", "\n".join([header, *rows]).encode(), content_type="text/csv"
    )


GOOD = 'UWV-1;Hotel Centraal;;Receptionist;4224;"Engels; klantvriendelijk";mbo3;AM10;32;customer_contact;1;31-01-2027'


def test_the_import_writes_all_rows_and_is_audited(client_of, advisor, employer):
    row2 = f"UWV-2;X;{employer.kvk_number};Schoonmaker;9112;;;AM10;20,5;;2;2027-02-28"
    response = client_of(advisor).post("/vacatures/importeren/", {"file": _csv(GOOD, row2)})
    assert response.status_code == 302
    first, second = Vacancy.objects.order_by("external_reference")
    assert (first.source, first.status, first.employer) == (
        Source.IMPORTED,
        Status.IN_PROGRESS,
        None,
    )
    assert first.skills == ["engels", "klantvriendelijk"] and first.min_education_level == "mbo3"
    assert second.employer == employer and str(second.hours_per_week) == "20.5"
    event = AuditEvent.objects.get(object_type="vacancy-import")
    assert event.result == "success" and "2 vacancies" in event.detail


def test_the_import_is_all_or_nothing_naming_row_and_column(client_of, advisor):
    bad = "UWV-2;Y;123;Kok;9999;;;AM99;80;juggling;1;2020-01-01"
    response = client_of(advisor).post("/vacatures/importeren/", {"file": _csv(GOOD, bad, GOOD)})
    assert response.status_code == 200 or response.status_code == 400
    errors = {(e.row, e.column) for e in response.context["result"].errors}
    assert {(3, "employer_kvk"), (4, "external_reference")} <= errors
    assert not Vacancy.objects.exists()


def test_the_import_refuses_unknown_columns(client_of, advisor):
    response = client_of(advisor).post(
        "/vacatures/importeren/",
        {
            "file": _csv(
                GOOD.replace(";31-01-2027", ";31-01-2027;x"),
                header="external_reference;employer_name;employer_kvk;title;occupation_code;skills;min_education_level;region;hours_per_week;conditions;positions;expires_on;nationality",
            )
        },
    )
    assert response.status_code == 400
    assert "nationality" in response.content.decode()
    assert not Vacancy.objects.exists()


def test_reimporting_a_reference_updates_the_open_vacancy_and_refuses_a_closed_one(
    client_of, advisor
):
    client = client_of(advisor)
    client.post("/vacatures/importeren/", {"file": _csv(GOOD)})
    client.post("/vacatures/importeren/", {"file": _csv(GOOD.replace(";32;", ";24;"))})
    vacancy = Vacancy.objects.get()
    assert (str(vacancy.hours_per_week), vacancy.version) == ("24.0", 2)
    Vacancy.objects.update(status=Status.FILLED)
    response = client.post("/vacatures/importeren/", {"file": _csv(GOOD)})
    assert [(e.row, e.column) for e in response.context["result"].errors] == [
        (2, "external_reference")
    ]


def test_the_import_from_xlsx(client_of, advisor):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "external_reference",
            "employer_name",
            "title",
            "occupation_code",
            "region",
            "hours_per_week",
            "expires_on",
        ]
    )
    sheet.append(["W-1", "Garage Oost", "Monteur", 7231, "AM10", 38, dt.datetime(2027, 3, 1)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("v.xlsx", buffer.getvalue())
    response = client_of(advisor).post("/vacatures/importeren/", {"file": upload})
    assert response.status_code == 302
    assert Vacancy.objects.get().occupation_code == "7231"


def test_the_import_command(advisor, tmp_path):
    from django.core.management import call_command

    path = tmp_path / "v.csv"
    path.write_text(
        "external_reference;employer_name;title;occupation_code;region;hours_per_week;expires_on\n"
        "C-1;Hotel;Kok;5120;AM10;32;2027-01-31\n"
    )
    out = io.StringIO()
    call_command(
        "import", "vacancies", str(path), "--as", advisor.username, stdout=out, stderr=io.StringIO()
    )
    assert "1" in out.getvalue()
    assert Vacancy.objects.get().external_reference == "C-1"


def test_the_demand_side_counts_sectors_and_trend(
    client_of, amsterdam, advisor, django_assert_max_num_queries
):
    policy = UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam)
    horeca = EmployerFactory(
        municipality=amsterdam, sbi_section="I", sbi_division="56", size="large"
    )
    cleaning = EmployerFactory(municipality=amsterdam)
    # the last four complete quarters: 2025-10-01 up to 2026-10-01; the four before from 2024-10-01
    for day in (
        dt.datetime(2026, 2, 1, tzinfo=NOW.tzinfo),
        dt.datetime(2026, 8, 1, tzinfo=NOW.tzinfo),
    ):
        VacancyFactory(employer=horeca, received_at=day, min_education_level="mbo2", positions=2)
    VacancyFactory(employer=cleaning, received_at=dt.datetime(2025, 3, 1, tzinfo=NOW.tzinfo))
    client = client_of(policy)
    client.get("/werkgevers/vraag/")
    with django_assert_max_num_queries(14):
        response = client.get("/werkgevers/vraag/")
    (region,) = response.context["regions"]
    rows = {s.section: s for s in region.sectors}
    assert (rows["I"].large, rows["I"].recent, rows["I"].before, rows["I"].trend) == (1, 2, 0, 2)
    assert (rows["N"].sme, rows["N"].recent, rows["N"].before) == (1, 0, 1)
    assert region.open_vacancies == 3 and region.open_positions == 5
