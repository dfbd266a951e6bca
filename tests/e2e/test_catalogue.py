"""The catalogue in a browser (PR2): a caseworker filters it and opens a programme; a job
seeker without a login reads the programme's public page. axe-core clean on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import OrganisationFactory, ProgrammeFactory, ProviderFactory, UserFactory
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue(amsterdam):
    OrganisationFactory(
        municipality=amsterdam,
        kind=Organisation.Kind.ADVISOR_OFFICE,
        name="Bureau Onafhankelijk Arbeidsadvies",
        phone="020-5550332",
    )
    provider = ProviderFactory(
        municipality=amsterdam,
        name="De Werkbrug",
        phone="020-5550193",
        complaint_regulation="Mail naar klacht@werkbrug.example.",
    )
    ProgrammeFactory(
        provider=provider, name="Werkfit in de logistiek", lot=1, rung_from=4, rung_to=5
    )
    ProgrammeFactory(provider=provider, name="Ervaring telt", lot=1, rung_from=5, rung_to=6)
    return ProgrammeFactory(
        provider=provider,
        name="Dagritme",
        slug="dagritme",
        lot=2,
        rung_from=1,
        rung_to=2,
        format="group",
        plain_summary="U komt een paar ochtenden per week naar onze werkplaats.",
    )


def test_caseworker_filters_the_catalogue_and_opens_a_programme(
    page, live_server, amsterdam, catalogue
):
    UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, username="klantmanager")
    login(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/trajectaanbod/")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(3)
    assert_accessible(page)

    page.locator("#id_lot").select_option("2")
    expect(rows).to_have_count(1)
    expect(page).to_have_url(re.compile(r"lot=2"))
    page.locator("#id_lot").select_option("")
    page.locator("#id_search").fill("logistiek")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Werkfit in de logistiek")
    page.locator("#id_search").fill("")
    page.locator("#id_lot").select_option("2")
    expect(rows).to_have_count(1)

    rows.first.get_by_role("link", name="Dagritme").click()
    expect(page).to_have_url(f"{live_server.url}/trajectaanbod/{catalogue.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dagritme")
    assert_accessible(page)


def test_anonymous_reads_the_public_page(browser, live_server, catalogue):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/aanbod/")
        assert_accessible(page)
        page.get_by_role("link", name="Dagritme").click()
        expect(page).to_have_url(f"{live_server.url}/aanbod/dagritme/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Dagritme")
        expect(page.locator("#klachten")).to_contain_text("Mail naar klacht@werkbrug.example.")
        expect(page.locator("#klachten")).to_contain_text("General Administrative Law Act")
        expect(page.locator("#privacy").get_by_role("link")).to_have_attribute("href", "/privacy/")
        expect(page.locator("#adviseur")).to_contain_text("Bureau Onafhankelijk Arbeidsadvies")
        expect(page.get_by_role("link", name="020-5550193")).to_be_visible()
        assert_accessible(page)
    finally:
        context.close()


def test_the_editing_pages_are_accessible(page, live_server, amsterdam, catalogue):
    """The policy officer's provider and programme forms and the administrator's instruments."""
    from werkpad.instruments.services import instrument_catalogue_seed

    instrument_catalogue_seed(municipality=amsterdam)
    UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam, username="beleid")
    UserFactory.with_role(Role.FUNCTIONAL_ADMIN, municipality=amsterdam, username="beheer")
    login(page, live_server, "beleid")
    page.goto(f"{live_server.url}/aanbieders/{catalogue.provider_id}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("De Werkbrug")
    assert_accessible(page)
    page.goto(f"{live_server.url}/aanbieders/{catalogue.provider_id}/wijzigen/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/trajectaanbod/{catalogue.pk}/wijzigen/")
    assert_accessible(page)
    page.locator("#id_duration_weeks").fill("30")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/trajectaanbod/{catalogue.pk}/")
    assert_accessible(page)

    page.context.clear_cookies()
    login(page, live_server, "beheer")
    page.goto(f"{live_server.url}/instrumenten/")
    expect(page.locator("main tbody tr")).to_have_count(18)
    assert_accessible(page)
    page.locator("main tbody tr").first.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/instrumenten/\d+/wijzigen/$"))
    assert_accessible(page)
