"""TR6 in a real browser: work after the minimum-wage table waits for its rate; the
functional administrator is asked for it on the worklist and enters it; the caseworker
then sees the finding on the trajectory. Every page is checked with axe-core."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import JobSeekerFactory, TrajectoryFactory, UserFactory
from werkpad.core.models import MinimumWageRate
from werkpad.core.permissions import Role
from werkpad.core.reference import load_minimum_wage
from werkpad.trajectories import services

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def waiting_trajectory(amsterdam):
    load_minimum_wage(MinimumWageRate)
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager"
    )
    trajectory = TrajectoryFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam, contact_person=caseworker),
        started=True,
        started_on=dt.date(2026, 7, 6),
    )
    coach = UserFactory.with_role(Role.COACH, organisation=trajectory.provider.organisation)
    services.trajectory_complete(
        user=coach,
        trajectory_id=trajectory.pk,
        expected_version=1,
        end_report={
            "outcome": "work",
            "contract_type": "permanent",
            "hours_per_week": Decimal("32"),
            "hourly_wage": Decimal("14.90"),
            "employer_name": "Bakkerij Zuid",
            "work_start_date": dt.date(2026, 10, 5),
            "cao_conform": True,
        },
    )
    return trajectory


def test_the_rate_is_asked_for_entered_and_the_finding_shown(
    page, live_server, amsterdam, waiting_trajectory
):
    UserFactory.with_role(Role.FUNCTIONAL_ADMIN, municipality=amsterdam, username="beheer")
    login(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/trajecten/{waiting_trajectory.pk}/")
    expect(page.locator("#wage-check")).to_contain_text(
        "De loontoets wacht op het wettelijk minimumloon vanaf 01-07-2026."
    )
    assert_accessible(page)

    page.context.clear_cookies()
    login(page, live_server, "beheer")
    link = page.get_by_role("link", name="Voer het minimumloon vanaf 1 juli 2026 in")
    expect(link).to_be_visible()
    assert_accessible(page)
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wettelijk minimumloon")
    expect(page.locator("#id_valid_from")).to_have_value("2026-07-01")
    assert_accessible(page)
    page.locator("#id_adult_hourly").fill("15.00")
    page.locator("#id_source").fill("Besluit SZW over het minimumloon per 1 juli 2026")
    page.get_by_role("button", name="Bedrag invoeren").click()
    expect(page.locator("main")).to_contain_text(
        "1 wachtende loontoets is opnieuw uitgevoerd; 1 ligt onder het minimumloon."
    )
    assert_accessible(page)

    page.context.clear_cookies()
    login(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/trajecten/{waiting_trajectory.pk}/")
    expect(page.locator("#wage-check")).to_contain_text(
        "Bevinding: het loon ligt onder het wettelijk minimumloon."
    )
    assert_accessible(page)
