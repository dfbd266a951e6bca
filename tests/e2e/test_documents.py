"""WT3 in the browser: the job seeker uploads a CV on a phone (390x844) at
/mijn/documenten/, the caseworker finds it on the file and downloads it, adds a
certificate on the upload page, and the coach reads the CV in the handover. No axe
violation on any of these pages; the job seeker's page no wider than the phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.documents.factories import PDF
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
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.documents.models import Document

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_cv_uploaded_on_a_phone_is_downloaded_by_the_caseworker(
    browser, phone_page, page, live_server, amsterdam, tmp_path
):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager"
    )
    job_seeker = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, last_name="Timmerhuis-Oost"
    )
    user = job_seeker_login(job_seeker)
    user.username = "werkzoekende"
    user.save()
    provider = ProviderFactory(municipality=amsterdam, name="Werkkracht BV")
    trajectory = TrajectoryFactory(
        job_seeker=job_seeker, programme=ProgrammeFactory(provider=provider), started=True
    )
    give_consent(job_seeker, part="work", organisation=provider.organisation)
    UserFactory.with_role(Role.COACH, organisation=provider.organisation, username="coach")
    cv = tmp_path / "Mijn cv.pdf"
    cv.write_bytes(PDF)

    # The job seeker, on a phone.
    phone = phone_page
    login(phone, live_server, "werkzoekende")
    phone.goto(f"{live_server.url}/mijn/")
    phone.locator("main").get_by_role("link", name="Mijn documenten").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Mijn documenten")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(phone)
    phone.get_by_label("Kies een bestand of maak een foto").set_input_files(str(cv))
    phone.get_by_label("Wat is het?").select_option("cv")
    phone.get_by_role("button", name="Document bewaren").click()
    expect(phone.get_by_text("Uw document is bewaard.")).to_be_visible()
    expect(phone.get_by_role("link", name="Mijn cv.pdf")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(phone)
    # A file that is not what its name says is refused, in Dutch, and nothing is kept.
    fake = tmp_path / "diploma.pdf"
    fake.write_bytes(b"MZ this is a program")
    phone.get_by_label("Kies een bestand of maak een foto").set_input_files(str(fake))
    phone.get_by_role("button", name="Document bewaren").click()
    expect(phone.locator("#form-errors")).to_contain_text("is niet wat de naam zegt")
    assert_accessible(phone)
    assert Document.objects.count() == 1

    # The caseworker finds it on the file and downloads it.
    login(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/werkzoekenden/{job_seeker.pk}/")
    section = page.locator("section", has=page.locator("#h-documents"))
    expect(section.get_by_role("link", name="Mijn cv.pdf")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        section.get_by_role("link", name="Mijn cv.pdf").click()
    assert download.value.suggested_filename == "Mijn cv.pdf"
    assert Path(download.value.path()).read_bytes() == PDF
    assert AuditEvent.objects.filter(
        actor=caseworker, purpose="document content", job_seeker_id=job_seeker.pk
    ).exists()

    # The caseworker adds a certificate to the trajectory on the upload page.
    page.goto(f"{live_server.url}/trajecten/{trajectory.pk}/")
    assert_accessible(page)
    page.locator("section", has=page.locator("#h-trajectory-documents")).get_by_role(
        "link", name="Document toevoegen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Document toevoegen")
    assert_accessible(page)
    certificate = tmp_path / "Certificaat.pdf"
    certificate.write_bytes(PDF)
    page.get_by_label("Bestand").set_input_files(str(certificate))
    page.get_by_label("Soort document").select_option("certificate")
    page.get_by_role("button", name="Document bewaren").click()
    expect(page.get_by_text("Het document is bewaard.")).to_be_visible()
    expect(page.get_by_role("link", name="Certificaat.pdf")).to_be_visible()

    # The job seeker sees in "who looked at my file" that the caseworker downloaded it.
    phone.goto(f"{live_server.url}/mijn/inzage/")
    expect(phone.get_by_text("document downloaden").first).to_be_visible()

    # The coach reads the CV in the handover: the job seeker shares "work".
    coach_context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    coach = coach_context.new_page()
    login(coach, live_server, "coach")
    coach.goto(f"{live_server.url}/trajecten/{trajectory.pk}/")
    expect(coach.locator("#handover-cv").get_by_role("link", name="Mijn cv.pdf")).to_be_visible()
    assert_accessible(coach)
    coach_context.close()
