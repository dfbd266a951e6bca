"""Issue RI1-RI5 in one browser flow: the job seeker files a complaint and asks for a
second opinion on a phone, sharing part of the file with the advisor; the advisor reads
that part and advises; the caseworker's rejection without a motivation is refused and
with one accepted; the job seeker reads the outcome, finds both on "what I filed" and
withdraws the consent, after which the advisor no longer reads that part. axe-core finds
no violation on any page; the job seeker's at a phone's width."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.e2e.test_second_opinion_flow import ADVICE, MOTIVATION, fits_the_phone
from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from tests.secondopinions.factories import advisor_office
from werkpad.complaints.models import Complaint, Subject
from werkpad.consents.models import Consent
from werkpad.core.permissions import Role
from werkpad.secondopinions.models import SecondOpinion

pytestmark = pytest.mark.django_db(transaction=True)

SKILLS = "Heftruckcertificaat en ervaring met kassawerk"


@pytest.fixture
def cast(amsterdam):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager"
    )
    UserFactory.with_role(Role.ADVISOR, organisation=advisor_office(amsterdam), username="adviseur")
    job_seeker = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        last_name="Timmerhuis-Oost",
        skills=SKILLS,
    )
    user = job_seeker_login(job_seeker)
    user.username = "werkzoekende"
    user.save()
    provider = ProviderFactory(municipality=amsterdam, name="Werkkracht BV")
    TrajectoryFactory(
        job_seeker=job_seeker,
        programme=ProgrammeFactory(provider=provider, name="Werkfit Zorg"),
        started=True,
    )
    return caseworker, job_seeker


def test_complaint_second_opinion_outcome_and_consent_withdrawn(
    browser, phone_page, live_server, cast
):
    caseworker, job_seeker = cast
    phone = phone_page
    login(phone, live_server, "werkzoekende")

    # A complaint about the municipality, from "what I filed".
    phone.goto(f"{live_server.url}/mijn/ingediend/")
    fits_the_phone(phone)
    assert_accessible(phone)
    phone.get_by_role("link", name="Een klacht indienen").click()
    phone.get_by_label("Waar gaat uw klacht over?").select_option(Subject.MUNICIPALITY_CONDUCT)
    phone.get_by_label(caseworker.memberships.get().organisation.name).check()
    phone.get_by_label("Wat is er gebeurd?").fill("Mijn klantmanager belde drie weken niet terug.")
    phone.locator("#check").click()
    expect(phone.locator("#route")).to_contain_text("Uw klacht gaat naar")
    phone.locator("#send").click()
    expect(phone.locator("#complaint-status")).to_have_text("Ontvangen")
    complaint = Complaint.objects.get()

    # A second opinion, sharing work and skills with the advisor.
    phone.goto(f"{live_server.url}/mijn/adviezen/aanvragen/")
    fits_the_phone(phone)
    assert_accessible(phone)
    phone.get_by_label("Waarover gaat uw vraag?").select_option(label="Werkfit Zorg (Gestart)")
    phone.get_by_label("Waaraan twijfelt u, of waarmee bent u het niet eens?").fill(
        "Ik werk liever niet in een groep."
    )
    phone.get_by_label("Werk en vaardigheden").check()
    phone.get_by_role("button", name="Mijn vraag versturen").click()
    expect(phone.locator("#so-status")).to_have_text("Bij de adviseur")
    second_opinion = SecondOpinion.objects.get(job_seeker=job_seeker)

    # The advisor reads the shared part of the file and advises.
    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    staff = desk.new_page()
    login(staff, live_server, "adviseur")
    staff.goto(f"{live_server.url}/adviezen/{second_opinion.pk}/")
    expect(staff.locator("#file")).to_contain_text(SKILLS)
    assert_accessible(staff)
    staff.locator("#id_advice").fill(ADVICE)
    staff.get_by_role("button", name="Advies opslaan").click()
    expect(staff.locator("#so-status")).to_have_text("Advies gegeven")
    desk.close()

    # The caseworker: the meeting, then a rejection refused without and accepted with a
    # motivation.
    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    staff = desk.new_page()
    login(staff, live_server, "klantmanager")
    staff.goto(f"{live_server.url}/adviezen/{second_opinion.pk}/")
    staff.get_by_label("Datum van het gesprek").fill(dt.date.today().isoformat())
    staff.get_by_label("Wie waren erbij").fill("De werkzoekende en de klantmanager")
    staff.get_by_label("Wat is besproken").fill("Het advies en de twijfel over de groep.")
    staff.get_by_role("button", name="Gesprek vastleggen").click()
    staff.locator("#decide-link").click()
    staff.get_by_label("Volgt het advies niet").check()
    staff.get_by_role("button", name="Besluit opslaan").click()
    expect(staff.locator("#form-errors")).to_contain_text("Geef de motivering")
    staff.get_by_label("Volgt het advies niet").check()
    staff.get_by_label("Motivering").fill(MOTIVATION)
    staff.get_by_role("button", name="Besluit opslaan").click()
    expect(staff.locator("#decision")).to_contain_text("Volgt het advies niet")
    desk.close()

    # The job seeker reads the outcome and finds both on "what I filed".
    phone.goto(f"{live_server.url}/mijn/adviezen/{second_opinion.pk}/")
    expect(phone.locator("#outcome")).to_contain_text("werkritme")
    phone.goto(f"{live_server.url}/mijn/ingediend/")
    filed = phone.locator("#filed")
    expect(filed).to_contain_text(complaint.reference)
    expect(filed).to_contain_text("Onafhankelijk advies: Werkfit Zorg")
    fits_the_phone(phone)
    assert_accessible(phone)

    # ... and withdraws the consent: the advisor's next read no longer has it.
    phone.goto(f"{live_server.url}/mijn/toestemming/")
    part = phone.locator(f"#part-advisor-{second_opinion.advisor_office_id}-work")
    part.get_by_role("button", name="Intrekken").click()
    expect(phone.get_by_text("Uw toestemming is ingetrokken.")).to_be_visible()
    fits_the_phone(phone)
    assert_accessible(phone)
    assert Consent.objects.get(recipient="advisor", part="work").status == "withdrawn"

    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    staff = desk.new_page()
    login(staff, live_server, "adviseur")
    staff.goto(f"{live_server.url}/adviezen/{second_opinion.pk}/")
    expect(staff.locator("#file")).to_be_visible()
    expect(staff.locator("#file")).not_to_contain_text(SKILLS)
    desk.close()
