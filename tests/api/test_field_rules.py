"""Field-level rules of the API: lengths, one-line text, birth dates, websites, names."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tests.factories import JobSeekerFactory, ProviderFactory, UserFactory
from werkpad.core.api import camel, problem_exception_handler
from werkpad.core.errors import DomainError, InvalidInputError
from werkpad.core.permissions import Role
from werkpad.jobseekers.models import JobSeeker
from werkpad.providers.models import Provider

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]

NEW_FILE = {
    "bsn": "123456782",
    "firstName": "Sanne",
    "lastName": "de Vries",
    "birthDate": "1988-06-02",
    "educationLevel": "mbo3",
    "benefitType": "participatiewet",
    "unemployedSince": "2024-03-01",
    "ladderRung": 2,
}


def names(response) -> set[str]:
    assert response.status_code == 400, response.json()
    assert response["Content-Type"] == "application/problem+json"
    return {p["name"] for p in response.json()["invalidParams"]}


@pytest.mark.parametrize(
    "value",
    [
        "Sanne\nde Vries",
        "Sanne\x00",
        "San\tne",
        "San\x1bne",
        "San\x7fne",
        "\u202eennaS",
        "Sanne\u2066",
        "Sanne\u2069",
    ],
)
def test_a_name_refuses_control_and_direction_characters(api, caseworker, value):
    response = api.as_user(caseworker).post(
        "/api/v1/job-seekers", NEW_FILE | {"lastName": value}, format="json"
    )
    assert names(response) == {"lastName"}
    assert not JobSeeker.objects.exists()


def test_one_line_fields_take_ordinary_text(api, caseworker):
    body = NEW_FILE | {"lastName": "van 't Hoff-Çelik", "city": "Den Haag", "postcode": "2511 AB"}
    response = api.as_user(caseworker).post("/api/v1/job-seekers", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["lastName"] == "van 't Hoff-Çelik"


def test_an_address_refuses_a_direction_override_on_update(api, caseworker, job_seeker):
    response = api.as_user(caseworker).patch(
        f"/api/v1/job-seekers/{job_seeker.pk}",
        {"version": job_seeker.version, "city": "Amster\u202edam"},
        format="json",
    )
    assert names(response) == {"city"}
    job_seeker.refresh_from_db()
    assert job_seeker.version == 1 and "\u202e" not in job_seeker.city


def test_free_text_has_a_maximum_length(api, caseworker):
    client = api.as_user(caseworker)
    at_limit = client.post("/api/v1/job-seekers", NEW_FILE | {"wishes": "w" * 4000}, format="json")
    assert at_limit.status_code == 201, at_limit.json()
    beyond = client.post(
        "/api/v1/job-seekers",
        NEW_FILE | {"bsn": "111222333", "wishes": "w" * 4001},
        format="json",
    )
    assert names(beyond) == {"wishes"}
    assert JobSeeker.objects.count() == 1


def test_multi_line_text_keeps_its_line_breaks(api, caseworker):
    body = NEW_FILE | {"wishes": "Zorg.\nVier dagen per week.\n\tLiefst dichtbij."}
    response = api.as_user(caseworker).post("/api/v1/job-seekers", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["wishes"] == body["wishes"]


@pytest.mark.parametrize(
    ("birth_date", "accepted"),
    [
        ("1899-12-31", False),
        ("1900-01-01", True),
        ("2011-11-24", False),  # 14 today: fifteen tomorrow
        ("2011-11-23", True),  # 15 today
    ],
)
def test_birth_date_before_1900_or_under_15_is_refused(api, caseworker, birth_date, accepted):
    with translation.override("nl"):
        response = api.as_user(caseworker).post(
            "/api/v1/job-seekers", NEW_FILE | {"birthDate": birth_date}, format="json"
        )
    if accepted:
        assert response.status_code == 201, response.json()
        return
    assert names(response) == {"birthDate"}
    reason = response.json()["invalidParams"][0]["reason"]
    assert reason in {
        "Een geboortedatum vóór 1 januari 1900 kan niet kloppen.",
        "Een werkzoekende is op de dag van inschrijving minstens 15 jaar oud.",
    }
    assert not JobSeeker.objects.exists()


def test_the_youngest_age_counts_on_the_day_of_registration(
    api, caseworker, amsterdam, time_machine
):
    """A file registered at 15 stays editable; a birth date that made the person
    younger than 15 on that day is refused, also later."""
    job_seeker = JobSeekerFactory(
        municipality=amsterdam,
        birth_date=dt.date(2011, 11, 23),
    )
    client = api.as_user(caseworker)
    moved = client.patch(
        f"/api/v1/job-seekers/{job_seeker.pk}",
        {"version": 1, "birthDate": "2011-11-25"},
        format="json",
    )
    assert names(moved) == {"birthDate"}
    time_machine.move_to(dt.datetime(2027, 3, 1, 10, tzinfo=ZoneInfo("Europe/Amsterdam")))
    later = client.patch(
        f"/api/v1/job-seekers/{job_seeker.pk}",
        {"version": 1, "birthDate": "2011-11-25"},
        format="json",
    )
    assert names(later) == {"birthDate"}
    kept = client.patch(
        f"/api/v1/job-seekers/{job_seeker.pk}", {"version": 1, "city": "Diemen"}, format="json"
    )
    assert kept.status_code == 200, kept.json()


@pytest.fixture
def policy_officer(amsterdam):
    return UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam)


@pytest.mark.parametrize(
    ("website", "accepted"),
    [
        ("https://werkkracht.example.nl/", True),
        ("http://werkkracht.example.nl", True),
        ("ftp://werkkracht.example.nl", False),
        ("javascript:alert(1)", False),
        ("werkkracht", False),
        ("https://" + "w" * 200 + ".nl", False),
    ],
)
def test_a_website_is_an_http_or_https_address(api, policy_officer, amsterdam, website, accepted):
    provider = ProviderFactory(municipality=amsterdam)
    response = api.as_user(policy_officer).patch(
        f"/api/v1/providers/{provider.pk}",
        {"version": provider.version, "website": website},
        format="json",
    )
    provider.refresh_from_db()
    if accepted:
        assert response.status_code == 200, response.json()
        assert provider.website == website
    else:
        assert names(response) == {"website"}
        assert provider.website != website and provider.version == 1


def test_a_provider_name_is_one_line(api, policy_officer, amsterdam):
    provider = ProviderFactory(municipality=amsterdam)
    response = api.as_user(policy_officer).patch(
        f"/api/v1/providers/{provider.pk}",
        {"version": provider.version, "name": "Werkkracht\r\nBV"},
        format="json",
    )
    assert names(response) == {"name"}
    assert Provider.objects.get(pk=provider.pk).name == provider.name


class TestCamelCaseNames:
    """Services name fields as the models do; invalidParams names them in camelCase."""

    def handle(self, error):
        response = problem_exception_handler(error, {"request": None})
        return [p["name"] for p in response.data["invalidParams"]]

    def test_a_refusal_naming_one_field(self):
        error = DomainError("Te laag.", code="below-minimum-wage", field="hourly_wage")
        assert self.handle(error) == ["hourlyWage"]

    def test_a_refusal_naming_a_nested_field(self):
        error = DomainError(
            "Onbekend.", code="minimum-wage-unknown", field="end_report.work_start_date"
        )
        assert self.handle(error) == ["endReport.workStartDate"]

    def test_invalid_input_from_a_service(self):
        error = InvalidInputError(
            {"work_start_date": ["Verplicht."], "cao_conform": ["Verplicht."]}
        )
        assert sorted(self.handle(error)) == ["caoConform", "workStartDate"]

    def test_camel(self):
        assert camel("contact_person") == "contactPerson"
        assert camel("endReport.hourly_wage") == "endReport.hourlyWage"
        assert camel("alternatives.0") == "alternatives.0"
