"""EM2-EM3 in the browser: the employer reports a vacancy on its own pages at a phone's
width (/werkgever/vacatures/nieuw/), lands on /werkgever/; the employer advisor finds it
in the worklist, answers it within the 72 hours on /vacatures/<id>/, and the employer
reads what it was told. axe-core finds no violation on any of these pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, fits_the_phone, login
from tests.factories import EmployerFactory, OrganisationFactory, UserFactory
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role
from werkpad.employers.models import Vacancy

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(amsterdam):
    advisor = UserFactory.with_role(
        Role.EMPLOYER_ADVISOR, municipality=amsterdam, username="werkgeversadviseur"
    )
    organisation = OrganisationFactory(
        municipality=amsterdam, kind=Organisation.Kind.EMPLOYER, name="Bakkerij Van der Molen B.V."
    )
    employer = EmployerFactory(
        municipality=amsterdam, organisation=organisation, contact_person=advisor
    )
    UserFactory.with_role(Role.EMPLOYER, organisation=organisation, username="werkgever")
    return employer


def test_the_employer_reports_and_the_advisor_answers_in_time(
    browser, phone_page, live_server, world
):
    page = phone_page
    login(page, live_server, "werkgever")
    expect(page).to_have_url(f"{live_server.url}/werkgever/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Onze vacatures")
    assert_accessible(page)
    page.get_by_role("link", name="Vacature melden").first.click()
    fits_the_phone(page)
    assert_accessible(page)
    page.get_by_label("Titel").fill("Medewerker bakkerij (ochtend)")
    page.get_by_label("Beroep (ISCO-08)").select_option("7512")
    page.get_by_label("Uren per week").fill("24")
    page.get_by_label("Staand werk").check()
    expires = timezone.localdate() + dt.timedelta(days=60)
    page.get_by_label("Vervalt op").fill(expires.isoformat())
    page.get_by_role("button", name="Vacature melden").click()
    expect(page.get_by_text("het werkgeversservicepunt antwoordt u binnen 72 uur")).to_be_visible()
    expect(page.locator("#vacancy-status")).to_have_text("Ontvangen, te beantwoorden")
    fits_the_phone(page)
    assert_accessible(page)
    vacancy = Vacancy.objects.get()
    assert vacancy.channel == "web" and vacancy.conditions == ["standing"]

    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    staff = desk.new_page()
    login(staff, live_server, "werkgeversadviseur")
    expect(staff.get_by_role("heading", name="Vacatures te beantwoorden")).to_be_visible()
    staff.get_by_role(
        "link", name="Bakkerij Van der Molen B.V. · Medewerker bakkerij (ochtend)"
    ).click()
    expect(staff).to_have_url(f"{live_server.url}/vacatures/{vacancy.pk}/")
    assert_accessible(staff)
    staff.get_by_role("button", name="Antwoord versturen").click()
    expect(staff.locator(".wp-error").first).to_be_visible()
    assert_accessible(staff)
    staff.get_by_label("Invulmogelijkheden").fill(
        "Wij hebben drie kandidaten in beeld en sturen u eerst een voorselectie."
    )
    fill_by = timezone.localdate() + dt.timedelta(weeks=4)
    staff.get_by_label("Naar verwachting vervuld op").fill(fill_by.isoformat())
    staff.get_by_role("button", name="Antwoord versturen").click()
    expect(staff.locator("#vacancy-status")).to_have_text("Loopt")
    assert_accessible(staff)
    staff.goto(f"{live_server.url}/vacatures/")
    assert_accessible(staff)
    desk.close()
    vacancy.refresh_from_db()
    assert vacancy.answered_at is not None and vacancy.answered_at <= vacancy.answer_due_at

    page.goto(f"{live_server.url}/werkgever/")
    expect(page.get_by_text("drie kandidaten in beeld")).to_be_visible()
    expect(page.get_by_text(fill_by.strftime("%d-%m-%Y"))).to_be_visible()
    fits_the_phone(page)
    assert_accessible(page)
