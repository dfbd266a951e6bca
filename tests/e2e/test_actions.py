"""WT1 in the browser: the job seeker finds their agreed actions first on /mijn/ at a
phone's width (390x844) and marks one done; the caseworker agrees an action on the plan
and cancels one with the reason; the coach approves what the job seeker marked done;
the functional administrator keeps the templates. axe-core finds no violation on any
of these pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.actions.factories import ActionFactory, ActionTemplateFactory
from tests.e2e.conftest import assert_accessible, fits_the_phone, login
from tests.factories import (
    JobSeekerFactory,
    PlanFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.actions.models import Action
from werkpad.core.permissions import Role
from werkpad.trajectories.models import ProgressReport

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(amsterdam):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager"
    )
    provider = ProviderFactory(municipality=amsterdam, name="Werkkracht BV")
    coach = UserFactory.with_role(Role.COACH, organisation=provider.organisation, username="coach")
    UserFactory.with_role(Role.FUNCTIONAL_ADMIN, municipality=amsterdam, username="beheer")
    job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    user = job_seeker_login(job_seeker)
    user.username = "werkzoekende"
    user.save()
    plan = PlanFactory(job_seeker=job_seeker, in_effect=True)
    trajectory = TrajectoryFactory(
        job_seeker=job_seeker,
        programme=ProgrammeFactory(provider=provider, name="Werkfit"),
        started=True,
        coach=coach,
    )
    today = timezone.localdate()
    ProgressReport.objects.create(trajectory=trajectory, progress="Gaat goed.")
    ActionTemplateFactory(municipality=amsterdam, description="CV bijwerken", term_days=14)
    return {
        "plan": plan,
        "trajectory": trajectory,
        "cv": ActionFactory(plan=plan, description="CV bijwerken", due_on=today + dt.timedelta(3)),
        "late": ActionFactory(
            plan=plan, description="Inschrijven bij werk.nl", due_on=today - dt.timedelta(2)
        ),
        "to_approve": ActionFactory(
            plan=plan, owner="contact_person", description="Werkgever bellen", awaiting=True
        ),
        "letters": ActionFactory(
            trajectory=trajectory,
            description="Drie sollicitatiebrieven sturen",
            awaiting=True,
            due_on=today + dt.timedelta(5),
        ),
    }


def test_the_job_seeker_marks_an_action_done_on_a_phone(phone_page, live_server, world):
    page = phone_page
    login(page, live_server, "werkzoekende")
    page.goto(f"{live_server.url}/mijn/")
    first = page.locator("main section").first
    expect(first.get_by_role("heading", level=2)).to_have_text("Wat u hebt afgesproken")
    expect(first).to_contain_text("CV bijwerken")
    expect(first.locator(f"#action-{world['late'].pk}")).to_contain_text("te laat")
    fits_the_phone(page)
    assert_accessible(page)
    first.get_by_role("button", name="Klaar: CV bijwerken").click()
    expect(page.get_by_text("Goed gedaan: de actie staat op klaar.")).to_be_visible()
    fits_the_phone(page)
    assert_accessible(page)
    world["cv"].refresh_from_db()
    assert world["cv"].status == "done"
    # what the contact person marked done waits for the job seeker's approval
    page.get_by_role("button", name="Goedkeuren: Werkgever bellen").click()
    world["to_approve"].refresh_from_db()
    assert world["to_approve"].status == "done"
    page.goto(f"{live_server.url}/mijn/acties/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn acties")
    fits_the_phone(page)
    assert_accessible(page)


def test_the_staff_pages(browser, live_server, world):
    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    staff = desk.new_page()
    login(staff, live_server, "klantmanager")
    staff.goto(f"{live_server.url}/plannen/{world['plan'].pk}/")
    expect(staff.locator("#agreed-actions")).to_contain_text("CV bijwerken")
    assert_accessible(staff)
    staff.locator("#agreed-actions").get_by_role("link", name="Actie afspreken").click()
    assert_accessible(staff)
    staff.get_by_label("Wat er moet gebeuren").fill("Kennismaking werkgever")
    staff.get_by_label("Klaar op").fill((timezone.localdate() + dt.timedelta(10)).isoformat())
    staff.get_by_role("button", name="Actie afspreken").click()
    expect(staff.locator("#agreed-actions")).to_contain_text("Kennismaking werkgever")
    staff.goto(f"{live_server.url}/acties/")
    assert_accessible(staff)
    staff.goto(f"{live_server.url}/acties/{world['late'].pk}/")
    assert_accessible(staff)
    staff.get_by_role("button", name="Actie annuleren").click()
    expect(staff.locator(".wp-error").first).to_be_visible()
    assert_accessible(staff)
    staff.get_by_label("Waarom annuleren?").fill("Al ingeschreven.")
    staff.get_by_role("button", name="Actie annuleren").click()
    expect(staff.locator("#action-status")).to_have_text("Geannuleerd")
    desk.close()

    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    coach = desk.new_page()
    login(coach, live_server, "coach")
    coach.goto(f"{live_server.url}/trajecten/{world['trajectory'].pk}/")
    expect(coach.locator("#agreed-actions")).to_contain_text("Drie sollicitatiebrieven sturen")
    assert_accessible(coach)
    coach.goto(f"{live_server.url}/acties/traject/{world['trajectory'].pk}/nieuw/")
    assert_accessible(coach)
    coach.goto(f"{live_server.url}/acties/{world['letters'].pk}/")
    coach.locator("#h-approve").scroll_into_view_if_needed()
    coach.get_by_role("button", name="Antwoord opslaan").click()
    expect(coach.locator("#action-status")).to_have_text("Klaar")
    assert_accessible(coach)
    desk.close()

    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    admin = desk.new_page()
    login(admin, live_server, "beheer")
    admin.goto(f"{live_server.url}/acties/sjablonen/")
    assert_accessible(admin)
    admin.get_by_label("Wat er moet gebeuren").fill("Kennismaking werkgever")
    admin.get_by_label("Wie doet het meestal").select_option("contact_person")
    admin.get_by_label("Standaardtermijn (dagen)").fill("21")
    admin.get_by_role("button", name="Sjabloon toevoegen").click()
    expect(admin.locator("#template-list")).to_contain_text("Kennismaking werkgever")
    admin.locator("#template-list").get_by_role("link", name="CV bijwerken").click()
    assert_accessible(admin)
    desk.close()
    assert Action.objects.filter(description="Kennismaking werkgever").exists()
