"""RI3 and RI4 in the browser: the job seeker asks for a second opinion on a phone, the
advisor advises, the caseworker's rejection without a motivation is refused and with one
accepted, the job seeker reads the outcome; mediation asked for and handled. axe-core
finds no violation on any of these pages; the job seeker's at a phone's width."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, fits_the_phone, login
from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from tests.secondopinions.factories import advisor_office
from werkpad.core.permissions import Role
from werkpad.secondopinions.models import SecondOpinion

pytestmark = pytest.mark.django_db(transaction=True)

ADVICE = (
    "Ik adviseer een individueel scholingstraject in de zorg in plaats van het groepstraject "
    "Werkfit. Mevrouw heeft ervaring als verzorgende en een praktijkopleiding sluit aan."
)
MOTIVATION = (
    "Wij volgen het advies voor een individueel scholingstraject in de zorg nu niet. Uit de "
    "competentietest blijkt dat eerst werkritme nodig is, en het groepstraject Werkfit biedt "
    "dat in acht weken. Daarna volgt de praktijkopleiding als verzorgende, zoals geadviseerd."
)


@pytest.fixture
def people(amsterdam):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager"
    )
    advisor = UserFactory.with_role(
        Role.ADVISOR, organisation=advisor_office(amsterdam), username="adviseur"
    )
    job_seeker = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, last_name="Timmerhuis-Oost"
    )
    user = job_seeker_login(job_seeker)
    user.username = "werkzoekende"
    user.save()
    provider = ProviderFactory(municipality=amsterdam, name="Werkkracht BV")
    programme = ProgrammeFactory(provider=provider, name="Werkfit Zorg")
    trajectory = TrajectoryFactory(job_seeker=job_seeker, programme=programme, started=True)
    return caseworker, advisor, job_seeker, programme, trajectory


def test_second_opinion_from_request_to_outcome(browser, phone_page, live_server, people):
    _caseworker, advisor, job_seeker, _programme, _trajectory = people

    # The job seeker asks, on a phone, from the page that explains the right.
    page = phone_page
    login(page, live_server, "werkzoekende")
    page.goto(f"{live_server.url}/mijn/onafhankelijk-advies/")
    page.locator("#ask-second-opinion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een second opinion vragen")
    fits_the_phone(page)
    assert_accessible(page)
    page.get_by_label("Waarover gaat uw vraag?").select_option(label="Werkfit Zorg (Gestart)")
    page.get_by_label("Waaraan twijfelt u, of waarmee bent u het niet eens?").fill(
        "Ik werk liever niet in een groep."
    )
    page.get_by_role("button", name="Mijn vraag versturen").click()
    expect(page.locator("#so-status")).to_have_text("Bij de adviseur")
    fits_the_phone(page)
    assert_accessible(page)
    page.goto(f"{live_server.url}/mijn/adviezen/")
    fits_the_phone(page)
    assert_accessible(page)
    second_opinion = SecondOpinion.objects.get()
    assert second_opinion.advisor == advisor

    # The advisor sees it in their list and writes the advice.
    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    staff = desk.new_page()
    login(staff, live_server, "adviseur")
    staff.goto(f"{live_server.url}/adviezen/")
    assert_accessible(staff)
    staff.get_by_role("link", name=job_seeker.full_name).click()
    assert_accessible(staff)
    staff.locator("#id_advice").fill(ADVICE)
    staff.get_by_role("button", name="Advies opslaan").click()
    expect(staff.locator("#so-status")).to_have_text("Advies gegeven")
    desk.close()

    # The caseworker records the meeting and decides: a rejection without a motivation is
    # refused, with one it is accepted.
    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    staff = desk.new_page()
    login(staff, live_server, "klantmanager")
    staff.goto(f"{live_server.url}/adviezen/{second_opinion.pk}/")
    assert_accessible(staff)
    staff.get_by_label("Datum van het gesprek").fill(dt.date.today().isoformat())
    staff.get_by_label("Wie waren erbij").fill("De werkzoekende en de klantmanager")
    staff.get_by_label("Wat is besproken").fill("Het advies en de twijfel over de groep.")
    staff.get_by_role("button", name="Gesprek vastleggen").click()
    staff.locator("#decide-link").click()
    assert_accessible(staff)
    expect(staff.locator("#advice")).to_contain_text("scholingstraject")
    staff.get_by_label("Volgt het advies niet").check()
    staff.get_by_role("button", name="Besluit opslaan").click()
    expect(staff.locator("#form-errors")).to_contain_text("Geef de motivering")
    assert_accessible(staff)
    second_opinion.refresh_from_db()
    assert second_opinion.status == "discussed"
    staff.get_by_label("Volgt het advies niet").check()
    staff.get_by_label("Motivering").fill(MOTIVATION)
    staff.get_by_role("button", name="Besluit opslaan").click()
    expect(staff.locator("#decision")).to_contain_text("Volgt het advies niet")
    desk.close()

    # The job seeker reads the advice and the decision with its reasons.
    page.goto(f"{live_server.url}/mijn/adviezen/{second_opinion.pk}/")
    expect(page.locator("#advice")).to_contain_text("scholingstraject")
    expect(page.locator("#outcome")).to_contain_text("Uw contactpersoon volgt het advies niet.")
    expect(page.locator("#outcome")).to_contain_text("werkritme")
    fits_the_phone(page)
    assert_accessible(page)


def test_the_other_new_pages_are_accessible(browser, phone_page, live_server, people, amsterdam):
    _caseworker, _advisor, job_seeker, _programme, _trajectory = people
    UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam, username="beleid")

    # The job seeker asks for mediation about the running trajectory, on a phone.
    page = phone_page
    login(page, live_server, "werkzoekende")
    page.goto(f"{live_server.url}/mijn/bemiddeling/")
    page.locator("#ask-mediation").click()
    fits_the_phone(page)
    assert_accessible(page)
    page.get_by_label("Waarover bent u het niet eens?").fill("De verplichte groepsdagen.")
    page.get_by_role("button", name="Mijn aanvraag versturen").click()
    expect(page.locator("#mediation-status")).to_have_text("Aangevraagd")
    fits_the_phone(page)
    assert_accessible(page)
    page.goto(f"{live_server.url}/mijn/bemiddelingen/")
    fits_the_phone(page)
    assert_accessible(page)

    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    staff = desk.new_page()
    login(staff, live_server, "klantmanager")
    for path in (
        f"/werkzoekenden/{job_seeker.pk}/",
        f"/adviezen/doorverwijzen/{job_seeker.pk}/",
        f"/bemiddelingen/aanvragen/{job_seeker.pk}/",
        "/bemiddelingen/",
    ):
        staff.goto(f"{live_server.url}{path}")
        assert_accessible(staff)
    staff.get_by_role("link", name="Werkfit Zorg").click()
    staff.locator("#id_name").fill("Mr. J. de Boer")
    staff.locator("#id_organisation").fill("Werkkracht BV")
    staff.get_by_role("button", name="Aanstellen").click()
    expect(staff.locator("#form-errors")).to_contain_text("onafhankelijk")
    assert_accessible(staff)
    staff.locator("#id_organisation").fill("Mediationbureau Noord")
    staff.get_by_role("button", name="Aanstellen").click()
    expect(staff.locator("#mediation-status")).to_have_text("Bemiddelaar aangesteld")
    assert_accessible(staff)
    desk.close()

    desk = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    staff = desk.new_page()
    login(staff, live_server, "beleid")
    staff.goto(f"{live_server.url}/adviezen/cijfers/")
    expect(staff.locator("#figures")).to_be_visible()
    assert_accessible(staff)
    desk.close()
