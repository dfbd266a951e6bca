"""The whole way in one browser session per person: the caseworker writes a plan, the
job seeker agrees to it, the caseworker refers, the coach accepts and writes a progress
report, and the job seeker reads it (PL3, TR1-TR3). Every page is checked with axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.e2e.test_plan_flow import english_context, sign_in
from tests.factories import (
    InstrumentFactory,
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.core.permissions import Role
from werkpad.plans.models import Plan
from werkpad.trajectories.models import Trajectory

pytestmark = pytest.mark.django_db(transaction=True)

GOALS = "Binnen een jaar betaald werk in de zorg."
REASON = "Past bij het plan: een stage in een verpleeghuis, daarna werk."
REPORT = "Stage begonnen; de eerste twee weken gaan goed."


@pytest.fixture
def cast(amsterdam):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager", first_name="Sanne"
    )
    InstrumentFactory(municipality=amsterdam, type="internship", name="Stage")
    provider = ProviderFactory(municipality=amsterdam, name="Werkkracht BV")
    ProgrammeFactory(provider=provider, name="Werkfit Zorg", rung_from=3, rung_to=5)
    UserFactory.with_role(Role.COACH, organisation=provider.organisation, username="coach")
    person = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        first_name="Fatima",
        last_name="Zwanenburg",
        ladder_rung=4,
        phone="0612345678",
        wishes="Werken in de zorg",
        possibilities="Vier dagen per week",
    )
    user = job_seeker_login(person)
    user.username = "fatima"
    user.save()
    return person


@pytest.fixture
def pages(browser, live_server):
    contexts = [
        english_context(browser, live_server, viewport={"width": 1280, "height": 900}),
        english_context(
            browser,
            live_server,
            viewport={"width": 390, "height": 844},
            is_mobile=True,
            has_touch=True,
        ),
        english_context(browser, live_server, viewport={"width": 1280, "height": 900}),
    ]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


def test_from_plan_to_a_progress_report_the_job_seeker_reads(pages, live_server, cast):
    caseworker, job_seeker, coach = pages
    person = cast

    # The caseworker writes the plan and shares it.
    sign_in(caseworker, live_server, "klantmanager")
    caseworker.goto(f"{live_server.url}/werkzoekenden/{person.pk}/")
    caseworker.get_by_role("link", name="Write a plan").click()
    caseworker.get_by_label("Kind of plan").select_option("integration")
    caseworker.get_by_label("Target rung").select_option("5")
    caseworker.get_by_label("Approach").select_option("supply")
    caseworker.get_by_label("Goals").fill(GOALS)
    caseworker.get_by_label("Agreed activities").fill("Stage in de zorg, daarna solliciteren.")
    caseworker.get_by_label("Rights and obligations").fill("U komt naar de afspraken.")
    caseworker.get_by_label("Stage").check()
    caseworker.get_by_role("button", name="Save draft").click()
    caseworker.get_by_role("button", name="Share with the job seeker").click()
    expect(caseworker.locator("#plan-status")).to_have_text("Proposed to the job seeker")
    assert_accessible(caseworker)

    # The job seeker agrees on a phone.
    sign_in(job_seeker, live_server, "fatima")
    job_seeker.get_by_role("link", name="Read your plan").click()
    expect(job_seeker.get_by_text(GOALS)).to_be_visible()
    job_seeker.get_by_role("button", name="I agree with this plan").click()
    expect(job_seeker.locator("#plan-status")).to_have_text("applies now")
    assert_accessible(job_seeker)
    assert Plan.objects.get(job_seeker=person).current_version is not None

    # The caseworker refers, with the reason.
    caseworker.goto(f"{live_server.url}/werkzoekenden/{person.pk}/")
    caseworker.get_by_role("link", name="Refer to a programme").click()
    caseworker.locator("#id_programme").select_option(label="Werkfit Zorg (Werkkracht BV)")
    caseworker.locator("#id_reason").fill(REASON)
    caseworker.get_by_role("button", name="Send referral").click()
    expect(caseworker).to_have_url(re.compile(r"/trajecten/\d+/$"))
    assert_accessible(caseworker)
    trajectory = Trajectory.objects.get(job_seeker=person)

    # The coach accepts, starts and writes a progress report.
    sign_in(coach, live_server, "coach")
    coach.goto(f"{live_server.url}/trajecten/{trajectory.pk}/")
    coach.get_by_role("button", name="Accept referral").click()
    coach.get_by_role("button", name="Start trajectory").click()
    coach.locator("#id_progress").fill(REPORT)
    coach.get_by_role("button", name="Save progress report").click()
    expect(coach.locator(".progress-report")).to_contain_text(REPORT)
    assert_accessible(coach)

    # The job seeker reads why this programme, and the report.
    job_seeker.goto(f"{live_server.url}/mijn/")
    expect(job_seeker.get_by_text(REASON)).to_be_visible()
    job_seeker.get_by_role("link", name="Werkfit Zorg").click()
    expect(job_seeker.locator(".progress-report")).to_contain_text(REPORT)
    assert_accessible(job_seeker)
