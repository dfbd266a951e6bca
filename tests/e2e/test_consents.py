"""RI5, TR4 in the browser: the job seeker on a phone answers a question and withdraws a
consent on /mijn/toestemming/; the caseworker records a consent given on paper on the
file page. No axe violation on either page; the job seeker's page no wider than a phone."""

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
    give_consent,
    job_seeker_login,
)
from werkpad.consents.models import Consent
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_job_seeker_withdraws_a_consent_on_a_phone(phone_page, live_server, amsterdam):
    caseworker = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    job_seeker = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, last_name="Timmerhuis-Oost"
    )
    user = job_seeker_login(job_seeker)
    user.username = "werkzoekende"
    user.save()
    provider = ProviderFactory(municipality=amsterdam, name="Werkkracht BV")
    TrajectoryFactory(
        job_seeker=job_seeker, programme=ProgrammeFactory(provider=provider), started=True
    )
    give_consent(job_seeker, part="health", organisation=provider.organisation, status="requested")

    page = phone_page
    login(page, live_server, "werkzoekende")
    page.goto(f"{live_server.url}/mijn/")
    page.locator("#consent-requests").get_by_role("link", name="Beantwoord de vraag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie mag wat zien: uw toestemming")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)

    part = page.locator(f"#part-provider-{provider.organisation_id}-preferences")
    part.get_by_role("button", name="Intrekken").click()
    expect(page.get_by_text("Uw toestemming is ingetrokken.")).to_be_visible()
    assert Consent.objects.get(job_seeker=job_seeker, part="preferences").status == "withdrawn"
    expect(page.get_by_text("ingetrokken: niet gedeeld").first).to_be_visible()
    assert_accessible(page)

    page.locator("#vragen").get_by_role("button", name="Nee, niet delen").click()
    expect(page.get_by_text("Opgeslagen: u zei nee.")).to_be_visible()
    assert Consent.objects.get(job_seeker=job_seeker, part="health").status == "refused"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.goto(f"{live_server.url}/mijn/inzage/")
    expect(
        page.get_by_text("toestemming gevraagd, gegeven, geweigerd of ingetrokken").first
    ).to_be_visible()


def test_the_caseworker_records_a_paper_consent(page, live_server, amsterdam):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager"
    )
    job_seeker = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, last_name="Timmerhuis-Oost"
    )
    provider = ProviderFactory(municipality=amsterdam, name="Werkkracht BV")
    login(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/werkzoekenden/{job_seeker.pk}/")
    section = page.locator("#toestemming")
    section.get_by_label("Wat er gebeurde").select_option("give")
    section.get_by_label("Gedeeld met").select_option(f"provider:{provider.organisation_id}")
    section.get_by_label("Deel van het dossier").select_option("health")
    section.get_by_label("Hoe de werkzoekende het u liet weten").select_option("paper")
    section.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("De toestemming is vastgelegd.")).to_be_visible()
    consent = Consent.objects.get(job_seeker=job_seeker)
    assert (consent.part, consent.status, consent.channel) == ("health", "given", "paper")
    expect(page.locator("#toestemming").get_by_role("cell", name="op papier")).to_be_visible()
    assert_accessible(page)
