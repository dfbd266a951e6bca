"""/api/v1/programmes, /api/v1/providers and /api/v1/instruments: camelCase, strict input,
problem+json, optimistic locking, and list query counts that do not grow with the rows."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    InstrumentFactory,
    MunicipalitySettingsFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProviderFactory,
)
from werkpad.core.models import AuditEvent, Organisation
from werkpad.core.permissions import Role
from werkpad.providers.models import Programme

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]
PROBLEM = "application/problem+json"

NEW_PROGRAMME = {
    "name": "Werkfit in de zorg",
    "lot": 1,
    "goal": "Een baan in de zorg.",
    "content": "Leren en werken in een zorginstelling.",
    "plainSummary": "U leert het werk in de zorg kennen.",
    "targetGroups": ["everyone"],
    "rungFrom": 4,
    "rungTo": 5,
    "durationWeeks": 26,
    "price": "4800.00",
    "format": "both",
    "jobGuarantee": True,
    "jobGuaranteeTerms": "Een contract van een jaar.",
    "staffExpertise": ["older"],
}


@pytest.fixture
def officer(role_user):
    return role_user(Role.POLICY_OFFICER)


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Amstelwerk")


def test_programme_list_is_camel_case_and_paged(api, caseworker, provider):
    ProgrammeFactory.create_batch(3, provider=provider)
    response = api.as_user(caseworker).get("/api/v1/programmes")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3 and set(body) == {"count", "next", "previous", "results"}
    row = body["results"][0]
    assert row["provider"] == {"id": provider.pk, "name": "Amstelwerk"}
    assert {"plainSummary", "targetGroups", "rungFrom", "durationWeeks", "jobGuarantee"} <= set(row)
    assert response["API-Version"]


def test_programme_list_filters_in_camel_case(api, caseworker, provider):
    ProgrammeFactory(provider=provider, name="Oud", target_groups=["older"])
    ProgrammeFactory(provider=provider, name="Jong", target_groups=["young"], duration_weeks=8)
    client = api.as_user(caseworker)
    assert [
        r["name"] for r in client.get("/api/v1/programmes?targetGroup=older").json()["results"]
    ] == ["Oud"]
    assert [r["name"] for r in client.get("/api/v1/programmes?maxWeeks=10").json()["results"]] == [
        "Jong"
    ]


def test_an_invalid_filter_answers_problem_json_naming_it(api, caseworker):
    response = api.as_user(caseworker).get("/api/v1/programmes?rung=9")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert [p["name"] for p in response.json()["invalidParams"]] == ["rung"]


@pytest.mark.parametrize("rows", [1, 10, 50])
def test_programme_list_queries_stay_flat(api, caseworker, provider, rows):
    ProgrammeFactory.create_batch(rows, provider=provider)
    client = api.as_user(caseworker)
    client.get("/api/v1/programmes?pageSize=100")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/programmes?pageSize=100")
    assert len(response.json()["results"]) == rows
    # the count, the page's ids, the page's rows with their provider: whatever the rows
    assert len(queries) == 3, [q["sql"] for q in queries.captured_queries]


def test_create_a_programme(api, officer, provider):
    coaching = InstrumentFactory(municipality=provider.municipality)
    response = api.as_user(officer).post(
        "/api/v1/programmes",
        {**NEW_PROGRAMME, "provider": provider.pk, "instruments": [coaching.pk]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["slug"] == "werkfit-in-de-zorg" and body["version"] == 1
    assert body["instruments"] == [
        {"id": coaching.pk, "name": coaching.name, "type": "job_coaching"}
    ]
    assert body["municipality"]["id"] == provider.municipality_id
    assert (body["reportIntervalWeeks"], body["reportIntervalWeeksInEffect"]) == (None, 4)


def test_a_programme_follows_the_municipalitys_report_interval_until_it_sets_its_own(
    api, officer, provider
):
    """TR3: null is the municipality's interval; a number is the programme's own."""
    MunicipalitySettingsFactory(municipality=provider.municipality, report_interval_weeks=6)
    programme = ProgrammeFactory(provider=provider, report_interval_weeks=None)
    url = f"/api/v1/programmes/{programme.pk}"
    body = api.as_user(officer).get(url).json()
    assert (body["reportIntervalWeeks"], body["reportIntervalWeeksInEffect"]) == (None, 6)
    body = api.patch(url, {"version": 1, "reportIntervalWeeks": 2}, format="json").json()
    assert (body["reportIntervalWeeks"], body["reportIntervalWeeksInEffect"]) == (2, 2)
    body = api.patch(url, {"version": 2, "reportIntervalWeeks": None}, format="json").json()
    assert (body["reportIntervalWeeks"], body["reportIntervalWeeksInEffect"]) == (None, 6)


def test_unknown_fields_are_refused_and_nothing_is_written(api, officer, provider):
    response = api.as_user(officer).post(
        "/api/v1/programmes",
        {**NEW_PROGRAMME, "provider": provider.pk, "colour": "blue", "ethnicGroup": "x"},
        format="json",
    )
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    reasons = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert set(reasons) == {"colour", "ethnicGroup"}
    assert not Programme.objects.exists()


def test_a_domain_error_is_named_in_camel_case(api, officer, provider):
    response = api.as_user(officer).post(
        "/api/v1/programmes",
        {**NEW_PROGRAMME, "provider": provider.pk, "rungFrom": 6, "rungTo": 2},
        format="json",
    )
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["rungTo"]


def test_update_with_a_stale_version_answers_409(api, officer, provider):
    programme = ProgrammeFactory(provider=provider, version=2)
    client = api.as_user(officer)
    stale = client.patch(
        f"/api/v1/programmes/{programme.pk}", {"version": 1, "name": "X"}, format="json"
    )
    assert stale.status_code == 409 and stale["Content-Type"] == PROBLEM
    assert stale.json()["code"] == "stale-edit"
    missing = client.patch(f"/api/v1/programmes/{programme.pk}", {"name": "X"}, format="json")
    assert missing.status_code == 400
    fresh = client.patch(
        f"/api/v1/programmes/{programme.pk}", {"version": 2, "active": False}, format="json"
    )
    assert fresh.status_code == 200 and fresh.json()["version"] == 3
    assert fresh.json()["active"] is False


def test_a_programme_of_another_municipality_is_404(api, caseworker, zaandam):
    programme = ProgrammeFactory(provider=ProviderFactory(municipality=zaandam))
    response = api.as_user(caseworker).get(f"/api/v1/programmes/{programme.pk}")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM


def test_no_trailing_slash(api, caseworker):
    assert api.as_user(caseworker).get("/api/v1/programmes/").status_code == 404


# --- providers ----------------------------------------------------------------


def test_register_and_change_a_provider(api, officer, amsterdam):
    organisation = OrganisationFactory(
        municipality=amsterdam,
        kind=Organisation.Kind.PROVIDER,
        name="Werkwijs",
        kvk_number="87654321",
    )
    agency = OrganisationFactory(municipality=amsterdam, kind=Organisation.Kind.EMPLOYER)
    client = api.as_user(officer)
    created = client.post(
        "/api/v1/providers",
        {
            "organisation": organisation.pk,
            "certified": True,
            "certificationExpiresOn": "2026-12-31",
            "affiliatedOrganisations": [agency.pk],
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["name"] == "Werkwijs" and body["kvkNumber"] == "87654321"
    assert body["certificationStatus"] == "expiring"
    assert body["affiliatedOrganisations"] == [{"id": agency.pk, "name": agency.name}]
    changed = client.patch(
        f"/api/v1/providers/{body['id']}",
        {"version": 1, "certificationExpiresOn": "2028-01-31"},
        format="json",
    )
    assert changed.status_code == 200 and changed.json()["certificationStatus"] == "valid"
    listed = client.get("/api/v1/providers").json()
    assert [p["name"] for p in listed["results"]] == ["Werkwijs"]


def test_an_invalid_provider_answers_problem_json(api, officer, provider):
    response = api.as_user(officer).patch(
        f"/api/v1/providers/{provider.pk}", {"version": 1, "kvkNumber": "12"}, format="json"
    )
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["kvkNumber"]


# --- instruments ----------------------------------------------------------------


def test_instrument_list_filters_by_type_and_active(api, amsterdam, caseworker):
    InstrumentFactory(municipality=amsterdam, type="job_coaching", name="Jobcoach")
    InstrumentFactory(municipality=amsterdam, type="training", name="Heftruck", inactive=True)
    client = api.as_user(caseworker)
    names = lambda url: [r["name"] for r in client.get(url).json()["results"]]  # noqa: E731
    assert names("/api/v1/instruments") == ["Jobcoach", "Heftruck"]
    assert names("/api/v1/instruments?type=training") == ["Heftruck"]
    assert names("/api/v1/instruments?active=true") == ["Jobcoach"]
    assert client.get("/api/v1/instruments?type=magic").status_code == 400


def test_the_functional_admin_adds_changes_and_deactivates(api, amsterdam, role_user):
    client = api.as_user(role_user(Role.FUNCTIONAL_ADMIN))
    created = client.post(
        "/api/v1/instruments",
        {"type": "training", "name": "VCA", "legalBasis": "Participatiewet art. 10"},
        format="json",
    )
    assert created.status_code == 201 and created.json()["legalBasis"] == "Participatiewet art. 10"
    id = created.json()["id"]
    changed = client.patch(
        f"/api/v1/instruments/{id}", {"version": 1, "name": "VCA-basis"}, format="json"
    )
    assert changed.status_code == 200 and changed.json()["version"] == 2
    stale = client.post(f"/api/v1/instruments/{id}/deactivation", {"version": 1}, format="json")
    assert stale.status_code == 409
    done = client.post(f"/api/v1/instruments/{id}/deactivation", {"version": 2}, format="json")
    assert done.status_code == 200 and done.json()["active"] is False
    assert AuditEvent.objects.filter(object_type="instrument", origin="api").count() == 3
