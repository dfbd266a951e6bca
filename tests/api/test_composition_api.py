"""/api/v1/insights/composition (JS6): exact for the municipality, suppressed for the council."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings

from tests.factories import JobSeekerFactory
from werkpad.core.permissions import Role

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]
URL = "/api/v1/insights/composition"


@pytest.fixture
def population(amsterdam, zaandam):
    """A small municipality: 23 files, several cells under 10."""
    JobSeekerFactory.create_batch(12, municipality=amsterdam, ladder_rung=2, gender="female")
    JobSeekerFactory.create_batch(6, municipality=amsterdam, ladder_rung=5, gender="male")
    JobSeekerFactory.create_batch(3, municipality=amsterdam, sheltered=True, gender="x")
    JobSeekerFactory.create_batch(2, municipality=amsterdam, ladder_rung=6, benefit_type="ww")
    JobSeekerFactory.create_batch(40, municipality=zaandam)


def cells(body, key):
    (dimension,) = [d for d in body["dimensions"] if d["key"] == key]
    return {cell["key"]: cell for cell in dimension["cells"]}


def test_a_policy_officer_sees_exact_counts_that_add_up(api, role_user, amsterdam, population):
    body = api.as_user(role_user(Role.POLICY_OFFICER)).get(URL).json()
    assert body["municipalityId"] == amsterdam.pk
    assert body["total"] == 23
    assert body["suppressed"] is False
    assert body["minCell"] == 10
    for dimension in body["dimensions"]:
        assert sum(cell["count"] for cell in dimension["cells"]) == 23, dimension["key"]
        assert sum(cell["share"] for cell in dimension["cells"]) == pytest.approx(1.0)
        assert not any(cell["suppressed"] for cell in dimension["cells"])
    assert cells(body, "gender")["x"]["count"] == 3
    assert cells(body, "ladderRung")["6"]["count"] == 2
    assert cells(body, "policy")["labour_market"]["count"] == 8
    assert cells(body, "benefitType")["ww"]["share"] == pytest.approx(2 / 23)


def test_a_caseworker_and_a_functional_admin_see_exact_counts_too(api, role_user, population):
    for role in (Role.CASEWORKER, Role.FUNCTIONAL_ADMIN):
        body = api.as_user(role_user(role)).get(URL).json()
        assert (body["total"], body["suppressed"]) == (23, False)


def test_a_council_member_sees_no_cell_under_the_minimum(api, role_user, population):
    body = api.as_user(role_user(Role.COUNCIL_MEMBER)).get(URL).json()
    assert body["suppressed"] is True
    assert body["total"] == 23
    for dimension in body["dimensions"]:
        for cell in dimension["cells"]:
            if cell["suppressed"]:
                assert (cell["count"], cell["share"]) == (None, None)
            else:
                assert cell["count"] == 0 or cell["count"] >= 10, (dimension["key"], cell)
        withheld = [c for c in dimension["cells"] if c["suppressed"]]
        assert len(withheld) != 1, dimension["key"]
    assert cells(body, "gender")["x"]["count"] is None
    assert cells(body, "gender")["male"]["count"] is None
    # 14 women shown would leave 6 men + 3 x = 9 people, a group under the minimum
    assert cells(body, "gender")["female"]["count"] is None


@pytest.mark.parametrize("min_cell", [3, 5, 15])
def test_the_minimum_is_a_setting(api, role_user, population, min_cell):
    with override_settings(WERKPAD_MIN_CELL=min_cell):
        body = api.as_user(role_user(Role.COUNCIL_MEMBER)).get(URL).json()
    assert body["minCell"] == min_cell
    for dimension in body["dimensions"]:
        for cell in dimension["cells"]:
            assert cell["count"] is None or cell["count"] == 0 or cell["count"] >= min_cell


def test_a_population_under_the_minimum_shows_no_number_at_all(api, role_user, amsterdam):
    JobSeekerFactory.create_batch(4, municipality=amsterdam)
    with override_settings(WERKPAD_MIN_CELL=5):
        body = api.as_user(role_user(Role.COUNCIL_MEMBER)).get(URL).json()
    assert body["total"] is None
    assert all(c["count"] is None for d in body["dimensions"] for c in d["cells"])


def test_another_municipality_is_refused(api, role_user, zaandam, population):
    response = api.as_user(role_user(Role.POLICY_OFFICER)).get(URL, {"municipality": zaandam.pk})
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["municipality"]


def test_a_municipality_that_is_not_a_number_is_refused(api, role_user, population):
    response = api.as_user(role_user(Role.POLICY_OFFICER)).get(URL, {"municipality": "GM0363"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_a_policy_officer_of_two_municipalities_chooses(
    api, role_user, amsterdam, zaandam, population
):
    from werkpad.accounts.services import membership_grant
    from werkpad.core.models import Organisation

    officer = role_user(Role.POLICY_OFFICER)
    organisation = Organisation.objects.create(
        name="Zaanstad", kind=Organisation.Kind.MUNICIPALITY, municipality=zaandam
    )
    membership_grant(user=officer, organisation=organisation, role=Role.POLICY_OFFICER)
    client = api.as_user(officer)
    assert client.get(URL).json()["total"] == 23
    assert client.get(URL, {"municipality": zaandam.pk}).json()["total"] == 40


@pytest.mark.parametrize(
    "role",
    [
        Role.JOB_SEEKER,
        Role.COACH,
        Role.EMPLOYER_ADVISOR,
        Role.EMPLOYER,
        Role.ADVISOR,
        Role.COMPLAINT_HANDLER,
    ],
)
def test_roles_without_insight_get_403(api, role_user, population, role):
    response = api.as_user(role_user(role)).get(URL)
    assert response.status_code == 403
    assert response.json()["code"] == "composition-denied"


def test_the_api_says_why_a_cell_is_hidden(api, role_user, amsterdam):
    """177 men hidden only to protect 1 X and 1 unknown: complementary, not small."""
    make = JobSeekerFactory.create_batch
    make(177, municipality=amsterdam, gender="male")
    make(251, municipality=amsterdam, gender="female")
    make(1, municipality=amsterdam, gender="x")
    make(1, municipality=amsterdam, gender="unknown")
    body = api.as_user(role_user(Role.COUNCIL_MEMBER)).get(URL).json()
    gender = cells(body, "gender")
    assert {key: (c["count"], c["suppressed"]) for key, c in gender.items()} == {
        "male": (None, "complementary"),
        "female": (251, None),
        "x": (None, "small"),
        "unknown": (None, "small"),
    }
    exact = api.as_user(role_user(Role.POLICY_OFFICER)).get(URL).json()
    assert {c["suppressed"] for c in cells(exact, "gender").values()} == {None}


def test_the_reason_is_documented_in_the_schema(api, role_user):
    document = api.as_user(role_user(Role.POLICY_OFFICER)).get(
        "/api/v1/openapi.json", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    schemas = document.json()["components"]["schemas"]
    suppressed = schemas["Cell"]["properties"]["suppressed"]
    assert suppressed["nullable"] is True
    assert "complementary" in suppressed["description"]
    enums = [schemas[part["$ref"].rsplit("/", 1)[-1]]["enum"] for part in suppressed["oneOf"]]
    assert ["small", "complementary"] in enums
