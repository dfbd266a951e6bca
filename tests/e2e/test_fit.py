"""Which programme fits (PR3) in a browser: a caseworker goes from a job seeker's file to
every programme that fits, then to the gap page; a policy officer reads the referral
concentration (PR4). axe-core clean on every page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
)
from werkpad.core.permissions import Role
from werkpad.trajectories.models import EndReport, Trajectory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def offer(amsterdam, caseworker, settings):
    settings.WERKPAD_MIN_CELL = 3
    provider = ProviderFactory(municipality=amsterdam, name="De Werkbrug")
    proven = ProgrammeFactory(provider=provider, name="Werkfit in de zorg", rung_from=2, rung_to=4)
    ProgrammeFactory(provider=provider, name="Nieuw begin", rung_from=3, rung_to=3)
    ProgrammeFactory(provider=provider, name="Dagritme", rung_from=1, rung_to=2)
    for outcome in ("work", "work", "schooling", "none"):
        trajectory = TrajectoryFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam), programme=proven, completed=True
        )
        EndReport.objects.create(trajectory=trajectory, outcome=outcome)
    return JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, first_name="Fatima", ladder_rung=3
    )


def test_caseworker_opens_the_programmes_that_fit(page, live_server, caseworker, offer):
    login(page, live_server, "klantmanager")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto(f"{live_server.url}/werkzoekenden/{offer.pk}/")
    section = page.locator("#programme-fit")
    expect(section.get_by_role("heading", level=2)).to_have_text("Programmes that fit")
    expect(section.locator("tbody tr")).to_have_count(2)
    assert_accessible(page)

    section.locator("a[href$='/passend-aanbod/']").click()
    expect(page).to_have_url(f"{live_server.url}/werkzoekenden/{offer.pk}/passend-aanbod/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Programmes that fit")
    rows = page.locator("#programme-fit-table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Werkfit in de zorg")
    expect(rows.first).to_contain_text("50%")
    expect(rows.nth(1)).to_contain_text("Too few similar job seekers finished this programme")
    assert_accessible(page)

    page.goto(f"{live_server.url}/inzicht/hiaten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gaps in the programme offer")
    assert_accessible(page)


def test_policy_officer_reads_the_referral_concentration(page, live_server, amsterdam, offer):
    Trajectory.objects.update(referred_by=offer.contact_person)
    UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam, username="beleid")
    login(page, live_server, "beleid")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto(f"{live_server.url}/inzicht/hiaten/")
    page.get_by_role("link", name="Referral concentration").click()
    expect(page).to_have_url(f"{live_server.url}/inzicht/verwijzingen/")
    row = page.locator("#concentration tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("100%")
    assert_accessible(page)
