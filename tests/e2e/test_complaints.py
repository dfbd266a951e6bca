"""RI2 in a real browser: a job seeker files a complaint on a phone, seeing who handles
it before sending; the complaint handler acknowledges it, hears and decides; the job
seeker reads the decision. Every new page is checked with axe-core, the job seeker's at
a phone's width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import (
    JobSeekerFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.complaints.models import Subject
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db(transaction=True)


def narrow_enough(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{page.url} is {width}px wide"


@pytest.fixture
def people(amsterdam):
    handler = UserFactory.with_role(
        Role.COMPLAINT_HANDLER, municipality=amsterdam, username="klachtbehandelaar"
    )
    provider = ProviderFactory(municipality=amsterdam, name="De Werkbrug")
    job_seeker = JobSeekerFactory(
        municipality=amsterdam, first_name="Ilse", last_name="Timmerhuis-Oost"
    )
    TrajectoryFactory(
        job_seeker=job_seeker, programme=ProgrammeFactory(provider=provider), started=True
    )
    user = job_seeker_login(job_seeker)
    user.username = "werkzoekende"
    user.save()
    return handler, provider


def test_a_complaint_from_filing_on_a_phone_to_the_decision(phone_page, page, live_server, people):
    handler, _provider = people
    phone = phone_page
    login(phone, live_server, "werkzoekende")
    phone.goto(f"{live_server.url}/mijn/klagen/")
    phone.locator("#file-complaint").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Een klacht indienen")
    narrow_enough(phone)
    assert_accessible(phone)
    phone.get_by_label("Waar gaat uw klacht over?").select_option(Subject.MUNICIPALITY_CONDUCT)
    phone.get_by_label(handler.memberships.get().organisation.name).check()
    phone.get_by_label("Wat is er gebeurd?").fill("Mijn klantmanager belde drie weken niet terug.")
    phone.locator("#check").click()
    expect(phone.locator("#route")).to_contain_text("Uw klacht gaat naar")
    narrow_enough(phone)
    assert_accessible(phone)
    phone.locator("#send").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Mijn klacht")
    expect(phone.locator("#complaint-status")).to_have_text("Ontvangen")
    narrow_enough(phone)
    assert_accessible(phone)
    phone.goto(f"{live_server.url}/mijn/klachten/")
    narrow_enough(phone)
    assert_accessible(phone)

    login(page, live_server, "klachtbehandelaar")
    page.goto(f"{live_server.url}/klachten/")
    assert_accessible(page)
    page.locator("#complaints a").first.click()
    assert_accessible(page)
    page.locator("#acknowledge").click()
    expect(page.locator("#complaint-status")).to_have_text("In behandeling")
    page.get_by_label("Of: er is niet gehoord omdat").select_option("declined")
    page.locator("#hear").click()
    expect(page.locator("#complaint-status")).to_have_text("Gehoord")
    page.get_by_label("Resultaat").select_option("founded")
    page.get_by_label("Conclusies").fill("De klantmanager had moeten terugbellen.")
    page.get_by_label("Maatregelen").fill("Terugbellen binnen twee werkdagen.")
    page.locator("#decide").click()
    expect(page.locator("#complaint-status")).to_have_text("Besloten")
    assert_accessible(page)

    phone.goto(f"{live_server.url}/mijn/klachten/")
    phone.locator("#my-complaints a").first.click()
    expect(phone.locator("#outcome")).to_have_text("Gegrond")
    expect(phone.get_by_text("De klantmanager had moeten terugbellen.")).to_be_visible()
    expect(phone.locator("#letters")).to_contain_text("Besluit op de klacht")
    narrow_enough(phone)
    assert_accessible(phone)


def test_the_other_new_pages_are_accessible(page, live_server, people, amsterdam):
    handler, _provider = people
    employer_org = OrganisationFactory(
        municipality=amsterdam, kind=Organisation.Kind.EMPLOYER, name="Bakkerij Zuidas"
    )
    UserFactory.with_role(Role.EMPLOYER, organisation=employer_org, username="werkgever")
    UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam, username="beleid")
    UserFactory.with_role(Role.FUNCTIONAL_ADMIN, municipality=amsterdam, username="beheer")
    municipal = handler.memberships.get().organisation
    login(page, live_server, "werkgever")
    page.goto(f"{live_server.url}/werkgever/klachten/nieuw/")
    assert_accessible(page)
    page.get_by_label("Wat is er gebeurd?").fill("Wij hoorden niets over onze vacature.")
    page.locator("#check").click()
    page.locator("#send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn klacht")
    assert_accessible(page)
    page.goto(f"{live_server.url}/werkgever/klachten/")
    assert_accessible(page)

    page.context.clear_cookies()
    login(page, live_server, "klachtbehandelaar")
    for path in ("/klachten/nieuw/", "/klachten/lessen/", "/klachten/jaaroverzicht/"):
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
    page.context.clear_cookies()
    login(page, live_server, "beleid")
    page.goto(f"{live_server.url}/klachten/jaaroverzicht/")
    expect(page.locator("#overview")).to_contain_text("Klachten ontvangen")
    assert_accessible(page)
    page.context.clear_cookies()
    login(page, live_server, "beheer")
    page.goto(f"{live_server.url}/klachten/routering/")
    assert_accessible(page)
    assert municipal.kind == Organisation.Kind.MUNICIPALITY
