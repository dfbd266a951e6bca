"""The caseworker's main flow in a real browser, every page checked with axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import JobSeekerFactory, UserFactory
from werkpad.core.permissions import Role
from werkpad.jobseekers.models import JobSeeker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def caseload(amsterdam):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER,
        municipality=amsterdam,
        username="klantmanager",
        first_name="Sanne",
        last_name="de Vries",
    )
    JobSeekerFactory.create_batch(30, municipality=amsterdam, contact_person=caseworker)
    target = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        first_name="Fatima",
        last_name="Zwanenburg",
        ladder_rung=2,
    )
    return caseworker, target


def test_caseworker_finds_a_job_seeker_changes_the_rung_and_sees_it_in_the_history(
    page, live_server, caseload
):
    """JS1: the rung is kept current with its history; every page passes axe-core."""
    _caseworker, target = caseload
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page)

    login(page, live_server, "klantmanager")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sanne")
    assert_accessible(page)

    page.get_by_role("link", name="Werkzoekenden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkzoekenden")
    assert_accessible(page)

    page.get_by_label("Zoek op naam of BSN").fill("Zwanenburg")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("1 werkzoekende gevonden")).to_be_visible()
    page.get_by_role("link", name="Zwanenburg, Fatima").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fatima Zwanenburg")
    assert_accessible(page)

    page.get_by_role("link", name="Dossier wijzigen").click()
    assert_accessible(page)
    page.get_by_label("Trede op de participatieladder").select_option("4")
    page.get_by_label("Waarom veranderde de trede?").fill(
        "Doet vrijwilligerswerk bij de voedselbank"
    )
    page.get_by_role("button", name="Wijzigingen opslaan").click()

    expect(page.get_by_text("De wijzigingen zijn opgeslagen.")).to_be_visible()
    history = page.locator("#rung-history tbody tr").first
    expect(history).to_contain_text("Doet vrijwilligerswerk bij de voedselbank")
    expect(history).to_contain_text("Sanne de Vries")
    assert_accessible(page)
    target.refresh_from_db()
    assert target.ladder_rung == 4
    assert target.rung_history.first().from_rung == 2


def test_a_stale_edit_is_refused_in_the_browser_and_nothing_is_overwritten(
    page, live_server, caseload
):
    """Optimistic locking: the second of two concurrent edits is refused with a clear message."""
    _caseworker, target = caseload
    login(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/werkzoekenden/{target.pk}/wijzigen/")
    # Someone else saves first.
    JobSeeker.objects.filter(pk=target.pk).update(version=target.version + 1, city="Haarlem")
    page.get_by_label("Woonplaats").fill("Zaandam")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Er is niets opgeslagen")
    assert_accessible(page)
    target.refresh_from_db()
    assert target.city == "Haarlem"


def test_composition_dashboard_has_a_table_beside_every_chart(page, live_server, caseload):
    """JS6: the composition with charts and their tables, and supply beside demand by
    occupation, accessible."""
    login(page, live_server, "klantmanager")
    page.get_by_role("link", name="Inzicht").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Samenstelling van het werkzoekendenbestand"
    )
    charts = page.locator(".wp-chart").count()
    assert charts >= 9
    assert page.locator(".wp-chart + details table.wp-table").count() == charts
    supply = page.locator("#supply-demand")
    expect(supply.get_by_role("table", name="Beroepen (ISCO-08 hoofdgroep)")).to_be_visible()
    expect(supply.get_by_role("row", name="Geen zoekprofiel")).to_be_visible()
    assert_accessible(page)
