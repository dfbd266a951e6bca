"""A plan made together in a real browser (PL2, PL3, PL5): the caseworker writes a plan and
shares it, the job seeker reads it on a phone and agrees, the caseworker sees it in effect.
Every page is checked with axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD, assert_accessible
from tests.factories import InstrumentFactory, JobSeekerFactory, UserFactory, job_seeker_login
from werkpad.core.permissions import Role
from werkpad.plans.models import Plan
from werkpad.plans.workflow import Status

pytestmark = pytest.mark.django_db(transaction=True)

GOALS = "Binnen een jaar betaald werk in de groenvoorziening."


def english_context(browser, live_server, **options):
    context = browser.new_context(locale="en-GB", **options)
    host = live_server.url.split("://", 1)[1].split(":")[0]
    context.add_cookies([{"name": "django_language", "value": "en", "domain": host, "path": "/"}])
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def desk(browser, live_server):
    context = english_context(browser, live_server, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser, live_server):
    context = english_context(
        browser,
        live_server,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    yield context.new_page()
    context.close()


def sign_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


@pytest.fixture
def cast(amsterdam):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER,
        municipality=amsterdam,
        username="klantmanager",
        first_name="Sanne",
        last_name="de Vries",
        phone="020 555 0101",
    )
    InstrumentFactory(municipality=amsterdam, type="job_coaching", name="Jobcoaching")
    InstrumentFactory(municipality=amsterdam, type="schooling", name="Vakopleiding groen")
    person = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        first_name="Fatima",
        last_name="Zwanenburg",
        ladder_rung=4,
    )
    user = job_seeker_login(person)
    user.username = "fatima"
    user.save()
    return caseworker, person


def test_a_plan_is_written_shared_agreed_to_and_in_effect(desk, phone, live_server, cast):
    _caseworker, person = cast

    # The caseworker writes the plan from the job seeker's file.
    page = desk
    sign_in(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/werkzoekenden/{person.pk}/")
    expect(page.locator("#h-plan")).to_have_text("Plan")
    assert_accessible(page)
    page.get_by_role("link", name="Write a plan").click()
    expect(page).to_have_url(re.compile(rf"/plannen/nieuw/{person.pk}/$"))
    assert_accessible(page)
    page.get_by_label("Kind of plan").select_option("integration")
    page.get_by_label("Target rung").select_option("5")
    page.get_by_label("Approach").select_option("supply")
    page.get_by_label("Goals").fill(GOALS)
    page.get_by_label("Agreed activities").fill("Vakopleiding volgen, daarna vier weken stage.")
    page.get_by_label("Rights and obligations").fill(
        "U volgt de opleiding en komt naar afspraken; de gemeente betaalt de opleiding."
    )
    page.get_by_label("Vakopleiding groen").check()
    page.get_by_role("button", name="Save draft").click()

    plan = Plan.objects.get(job_seeker=person)
    expect(page).to_have_url(re.compile(rf"/plannen/{plan.pk}/$"))
    expect(page.locator("#plan-status")).to_have_text("Draft")
    assert_accessible(page)
    page.get_by_role("button", name="Share with the job seeker").click()
    expect(page.locator("#plan-status")).to_have_text("Proposed to the job seeker")
    assert_accessible(page)

    # The job seeker, on a phone, reads the plan on their own pages and agrees.
    mobile = phone
    sign_in(mobile, live_server, "fatima")
    expect(mobile.locator("#h-own-plan")).to_be_visible()
    assert_accessible(mobile)
    mobile.get_by_role("link", name="Read your plan").click()
    expect(mobile).to_have_url(re.compile(r"/mijn/plan/$"))
    expect(mobile.locator("#plan-waiting")).to_be_visible()
    expect(mobile.get_by_text(GOALS)).to_be_visible()
    expect(mobile.get_by_text("Vakopleiding groen")).to_be_visible()
    expect(
        mobile.get_by_role("heading", name="If you do not keep to the agreements")
    ).to_be_visible()
    expect(mobile.get_by_role("link", name="020 555 0101")).to_be_visible()
    assert_accessible(mobile)
    mobile.get_by_role("button", name="I agree with this plan").click()
    expect(mobile.locator("#plan-status")).to_have_text("applies now")
    assert_accessible(mobile)

    # The caseworker sees the plan in effect.
    page.reload()
    expect(page.locator("#plan-status")).to_have_text("In effect")
    expect(page.get_by_role("heading", name="In effect: version 1")).to_be_visible()
    current = page.locator("section[aria-labelledby=h-current]")
    expect(current.get_by_text("agreed", exact=True)).to_be_visible()
    assert_accessible(page)
    plan.refresh_from_db()
    assert plan.status == Status.IN_EFFECT and plan.current_version.number == 1


def test_an_agreement_to_a_plan_that_changed_meanwhile_shows_the_new_text(phone, live_server, cast):
    """PL3: the page posts the version it showed. When the caseworker changed the plan while
    the job seeker was reading, the agreement is refused with a message, the new text shows,
    and agreeing to that one works."""
    from werkpad.plans import services

    caseworker, person = cast
    plan = services.plan_create(
        user=caseworker,
        job_seeker_id=person.pk,
        data={
            "kind": "activation",
            "goals": GOALS,
            "target_rung": 4,
            "rights_and_obligations": "U komt naar afspraken.",
            "activities": "Twee ochtenden per week meedoen.",
        },
    )
    services.plan_propose(user=caseworker, plan_id=plan.pk)

    mobile = phone
    sign_in(mobile, live_server, "fatima")
    mobile.goto(f"{live_server.url}/mijn/plan/")
    expect(mobile.get_by_text(GOALS)).to_be_visible()

    # Meanwhile the caseworker takes the proposal back, changes it and shares it again.
    services.plan_withdraw(user=caseworker, plan_id=plan.pk)
    changed = "Drie ochtenden per week bij de kringloopwinkel."
    services.plan_update(
        user=caseworker,
        plan_id=plan.pk,
        expected_version=Plan.objects.get(pk=plan.pk).version,
        data={"goals": changed},
    )
    services.plan_propose(user=caseworker, plan_id=plan.pk)

    mobile.get_by_role("button", name="I agree with this plan").click()
    expect(mobile.get_by_text("Your plan changed after you opened it")).to_be_visible()
    expect(mobile.get_by_text(changed)).to_be_visible()
    expect(mobile.get_by_text(GOALS)).to_have_count(0)
    assert Plan.objects.get(pk=plan.pk).status == Status.PROPOSED
    assert_accessible(mobile)

    mobile.get_by_role("button", name="I agree with this plan").click()
    expect(mobile.locator("#plan-status")).to_have_text("applies now")
    plan.refresh_from_db()
    assert plan.status == Status.IN_EFFECT and plan.current_version.goals == changed
