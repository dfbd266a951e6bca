"""The job seeker on a phone finds their rights from their own pages (RI1): every page
opens from /mijn/ at 390x844, scrolls no wider than the screen and has no axe violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import JobSeekerFactory, UserFactory, job_seeker_login
from werkpad.core.models import MunicipalitySettings
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db(transaction=True)

#: The link on /mijn/ and the heading of the page it opens.
PAGES = [
    ("Uw rechten en plichten", "Uw rechten en plichten"),
    ("Klagen", "Klagen"),
    ("Onafhankelijk advies (second opinion)", "Onafhankelijk advies (second opinion)"),
    ("Bemiddeling", "Bemiddeling"),
    ("Privacyverklaring", "Privacy"),
]


def test_every_rights_page_on_a_phone(phone_page, live_server, amsterdam):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, first_name="Sanne", last_name="de Vries"
    )
    job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    user = job_seeker_login(job_seeker)
    user.username = "werkzoekende"
    user.save()
    settings = MunicipalitySettings.of(amsterdam)
    settings.complaint_term_weeks = 5
    settings.save()

    page = phone_page
    login(page, live_server, "werkzoekende")
    for link, heading in PAGES:
        page.goto(f"{live_server.url}/mijn/")
        page.locator("#rechten").get_by_role("link", name=link, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{page.url} is {width}px wide"
        assert_accessible(page)
        if link == "Klagen":
            expect(page.get_by_text("binnen 5 weken een antwoord")).to_be_visible()
            expect(page.get_by_text("Sanne de Vries")).to_be_visible()

    page.goto(f"{live_server.url}/mijn/")
    page.get_by_role("navigation").get_by_role("link", name="Mijn rechten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw rechten en plichten")
