"""The pages and API of grants (IN2): the section on the file, the warning when a grant
goes beyond the budget, overspending shown on /budgetten/, lists at a flat query count."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories import JobSeekerFactory
from tests.grants.conftest import NOW
from tests.grants.factories import BudgetFactory, GrantFactory
from werkpad.grants.models import Grant

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.WERKPAD_STAFF_2FA = False


def test_the_file_shows_the_grants_and_a_link_to_grant(client, caseworker, job_seeker, instrument):
    GrantFactory(job_seeker=job_seeker, instrument=instrument, amount=Decimal("750"))
    client.force_login(caseworker)
    html = client.get(f"/werkzoekenden/{job_seeker.pk}/").content.decode()
    assert "Toegekende instrumenten" in html and "Jobcoaching" in html and "750,00" in html
    assert f"/subsidies/nieuw/{job_seeker.pk}/" in html


def test_granting_beyond_the_budget_warns_and_records(client, caseworker, job_seeker, instrument):
    BudgetFactory(instrument=instrument, amount=Decimal("100"), non_benefit_amount=0)
    client.force_login(caseworker)
    response = client.post(
        f"/subsidies/nieuw/{job_seeker.pk}/",
        {"instrument": instrument.pk, "amount": "250", "reason": "Training."},
        follow=True,
    )
    html = response.content.decode()
    assert "buiten het budget" in html
    assert Grant.objects.get().over_budget


def test_a_grant_without_a_reason_shows_a_dutch_message(client, caseworker, job_seeker, instrument):
    client.force_login(caseworker)
    response = client.post(
        f"/subsidies/nieuw/{job_seeker.pk}/", {"instrument": instrument.pk, "amount": "250"}
    )
    assert response.status_code == 400
    assert "Zeg waarom dit instrument wordt toegekend." in response.content.decode()


def test_the_budget_page_shows_overspending_and_the_non_benefit_line(
    client, policy_officer, amsterdam, instrument
):
    BudgetFactory(instrument=instrument, amount=Decimal("1000"), non_benefit_amount=Decimal("0"))
    GrantFactory(
        instrument=instrument,
        job_seeker=JobSeekerFactory(municipality=amsterdam, benefit_type="none"),
        amount=Decimal("1200"),
    )
    client.force_login(policy_officer)
    html = client.get("/budgetten/?year=2026").content.decode()
    assert "overschreden" in html and "-200,00" in html
    assert "Niet-uitkeringsgerechtigd" in html
    assert f"/budgetten/2026/{instrument.pk}/" in html


def test_the_api_answers_the_warning_when_beyond_the_budget(
    api, caseworker, job_seeker, instrument
):
    response = api.as_user(caseworker).post(
        "/api/v1/grants",
        {
            "jobSeeker": job_seeker.pk,
            "instrument": instrument.pk,
            "amount": "250.00",
            "reason": "Training.",
        },
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["overBudget"] is True and body["warning"]


def test_the_budget_list_api_has_the_figures(api, caseworker, instrument):
    BudgetFactory(instrument=instrument)
    GrantFactory(instrument=instrument, amount=Decimal("2500"))
    rows = api.as_user(caseworker).get("/api/v1/budgets?year=2026").json()
    [row] = [r for r in rows if r["instrumentId"] == instrument.pk]
    assert (row["amount"], row["granted"], row["remaining"]) == ("10000.00", "2500.00", "7500.00")


@pytest.mark.parametrize("count", [1, 10, 50])
def test_the_grant_list_costs_the_same_queries_at_any_length(
    count, api, caseworker, amsterdam, instrument, django_assert_max_num_queries
):
    for _ in range(count):
        GrantFactory(instrument=instrument, job_seeker=JobSeekerFactory(municipality=amsterdam))
    api.as_user(caseworker)
    with django_assert_max_num_queries(8):
        response = api.get("/api/v1/grants?pageSize=50")
    assert response.status_code == 200 and len(response.json()["results"]) == count


@pytest.mark.parametrize("count", [1, 10, 50])
def test_the_budget_page_costs_the_same_queries_at_any_length(
    count, client, policy_officer, amsterdam, django_assert_max_num_queries
):
    from tests.factories import InstrumentFactory

    for n in range(count):
        BudgetFactory(instrument=InstrumentFactory(municipality=amsterdam, name=f"I{n}"))
    client.force_login(policy_officer)
    with django_assert_max_num_queries(14):
        response = client.get("/budgetten/?year=2026")
    assert response.status_code == 200
