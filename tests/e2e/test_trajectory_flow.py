"""A referral in a real browser: the caseworker refers with a reason, the coach accepts
and writes a progress report, the job seeker reads it (TR1, TR2, TR3). Every page is
checked with axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD, assert_accessible
from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.core.permissions import Role
from werkpad.trajectories.models import Trajectory

pytestmark = pytest.mark.django_db(transaction=True)

REASON = "Wil in de zorg werken; dit traject heeft een stage in een verpleeghuis."


@pytest.fixture
def english_page(browser, live_server):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    host = live_server.url.split("://", 1)[1].split(":")[0]
    context.add_cookies([{"name": "django_language", "value": "en", "domain": host, "path": "/"}])
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, live_server, username: str) -> None:
    page.context.clear_cookies(name="sessionid")
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def sign_out(page) -> None:
    page.locator("form[action$='/logout/'] button").click()
    page.wait_for_load_state()


@pytest.fixture
def cast(amsterdam):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager", first_name="Sanne"
    )
    provider = ProviderFactory(municipality=amsterdam, name="Werkkracht BV")
    ProgrammeFactory(provider=provider, name="Werkfit Zorg", staff_expertise=["older"])
    coach = UserFactory.with_role(
        Role.COACH, organisation=provider.organisation, username="coach", first_name="Jeroen"
    )
    person = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        first_name="Fatima",
        last_name="Zwanenburg",
        phone="0612345678",
        wishes="Werken in de zorg",
        possibilities="Vier dagen per week",
    )
    user = job_seeker_login(person)
    user.username = "fatima"
    user.save()
    return caseworker, coach, person


def test_referral_acceptance_and_a_report_the_job_seeker_reads(english_page, live_server, cast):
    page = english_page
    _caseworker, _coach, person = cast

    # The caseworker refers from the file, with the reason.
    sign_in(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/werkzoekenden/{person.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Refer to a programme").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Fatima Zwanenburg")
    expect(page.locator("#expertise-match")).to_contain_text("Werkfit Zorg")
    assert_accessible(page)
    page.locator("#id_programme").select_option(label="Werkfit Zorg (Werkkracht BV)")
    page.locator("#id_reason").fill(REASON)
    page.get_by_role("button", name="Send referral").click()
    expect(page).to_have_url(re.compile(r"/trajecten/\d+/$"))
    expect(page.locator("#status")).to_have_text("Referred")
    assert_accessible(page)
    trajectory = Trajectory.objects.get()
    sign_out(page)

    # The coach finds it in the worklist, accepts it, starts, and writes a report.
    sign_in(page, live_server, "coach")
    expect(page.locator("#section-referrals-inbox")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/trajecten/")
    expect(page.locator("#trajectory-list")).to_contain_text("Werkfit Zorg")
    assert_accessible(page)
    page.goto(f"{live_server.url}/trajecten/{trajectory.pk}/")
    expect(page.locator("#handover")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("button", name="Accept referral").click()
    expect(page.locator("#status")).to_have_text("Accepted")
    expect(page.locator("#handover")).to_contain_text("Werken in de zorg")
    assert_accessible(page)
    page.get_by_role("button", name="Start trajectory").click()
    expect(page.locator("#status")).to_have_text("Started")
    page.locator("#id_progress").fill("Twee sollicitatiegesprekken gevoerd.")
    page.get_by_role("button", name="Save progress report").click()
    expect(page.locator(".progress-report")).to_contain_text("Twee sollicitatiegesprekken")
    assert_accessible(page)
    sign_out(page)

    # The job seeker reads the reason and the report on their own pages.
    sign_in(page, live_server, "fatima")
    page.goto(f"{live_server.url}/mijn/")
    expect(page.locator("#h-trajectory")).to_be_visible()
    expect(page.get_by_text(REASON)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Werkfit Zorg").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkfit Zorg")
    expect(page.locator(".progress-report")).to_contain_text("Twee sollicitatiegesprekken")
    assert_accessible(page)
