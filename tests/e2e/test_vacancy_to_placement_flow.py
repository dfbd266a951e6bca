"""From a vacancy to a placement in the browser (EM3, MA1, EM6, MA3): the employer
advisor answers a vacancy within its 72 hours and proposes a candidate from its ranking;
the employer finds the proposed candidate, by pseudonym only, in the candidate file and
asks for an introduction; the job seeker sees on a phone exactly what the employer would
see and agrees; only then does the employer see the name; the caseworker records the
placement, and a wage under the statutory minimum is refused before the right one is
recorded. axe-core finds no violation on any page on the way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import (
    EmployerFactory,
    JobSeekerFactory,
    OrganisationFactory,
    UserFactory,
    VacancyFactory,
)
from tests.matching.factories import SearchProfileFactory, in_candidate_file
from werkpad.core.models import MinimumWageRate, Organisation
from werkpad.core.permissions import Role
from werkpad.core.reference import load_minimum_wage
from werkpad.employers.workflow import Status as VacancyStatus
from werkpad.matching.models import IntroductionRequest
from werkpad.matching.workflow import Status as IntroductionStatus
from werkpad.placements.models import Placement

pytestmark = pytest.mark.django_db(transaction=True)

#: The start of the job: its minimum wage (age 46) is EUR 14.71 an hour, from 1 January 2026.
START = dt.date(2026, 6, 1)


@pytest.fixture
def world(amsterdam):
    # A transactional test starts from an empty table: the shipped rates are loaded again.
    load_minimum_wage(MinimumWageRate)
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager"
    )
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
    vacancy = VacancyFactory(
        employer=employer,
        title="Medewerker bakkerij (ochtend)",
        occupation_code="7512",
        skills=["deeg bereiden", "hygiëne"],
        hours_per_week=Decimal("24"),
        conditions=["standing"],
        channel="web",
        handled_by=advisor,
        received_at=timezone.now() - dt.timedelta(hours=20),
    )
    job_seeker = JobSeekerFactory(
        municipality=amsterdam,
        first_name="Noor",
        last_name="Bakkal",
        email="noor.bakkal@example.com",
        phone="0612345678",
        contact_person=caseworker,
        birth_date=dt.date(1980, 5, 17),
    )
    user = UserFactory.with_role(Role.JOB_SEEKER, municipality=amsterdam, username="werkzoekende")
    job_seeker.user = user
    job_seeker.save(update_fields=["user"])
    profile = SearchProfileFactory(
        job_seeker=job_seeker,
        pseudonym="K-BAK1",
        occupation_codes=["7512"],
        skills=["deeg bereiden", "hygiëne", "samenwerken"],
        confirmed_current_on=timezone.localdate(),
    )
    in_candidate_file(profile)
    return vacancy, job_seeker


def test_from_a_vacancy_to_a_placement(browser, page, phone_page, live_server, world):
    vacancy, job_seeker = world

    # The employer advisor answers within the term, then proposes the best candidate.
    login(page, live_server, "werkgeversadviseur")
    page.goto(f"{live_server.url}/vacatures/{vacancy.pk}/")
    page.get_by_label("Invulmogelijkheden").fill(
        "Wij hebben een passende kandidaat in beeld en stellen die voor."
    )
    page.get_by_label("Naar verwachting vervuld op").fill(
        (timezone.localdate() + dt.timedelta(weeks=3)).isoformat()
    )
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.locator("#vacancy-status")).to_have_text("Loopt")
    assert_accessible(page)
    page.goto(f"{live_server.url}/matching/vacatures/{vacancy.pk}/kandidaten/")
    row = page.get_by_role("row", name="K-BAK1")
    expect(row).to_contain_text("beroep past (7512)")
    # The employer advisor ranks by pseudonym: the name is for the file's own staff.
    expect(page.get_by_text("Bakkal")).to_have_count(0)
    assert_accessible(page)
    row.get_by_role("button", name="Voordragen").click()
    expect(page.get_by_role("row", name="K-BAK1").get_by_role("button", name="Terugnemen"))
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.IN_PROGRESS
    assert vacancy.answered_at <= vacancy.answer_due_at

    # The employer finds the proposed candidate without a name and asks to meet.
    page.context.clear_cookies()
    login(page, live_server, "werkgever")
    page.goto(f"{live_server.url}/kandidaten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kandidatenbestand")
    assert "Bakkal" not in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="K-BAK1").click()
    assert "Bakkal" not in page.content() and "0612345678" not in page.content()
    assert_accessible(page)
    page.get_by_label("Uw bericht aan de werkzoekende").fill(
        "Wij zoeken iemand voor de ochtenddienst in onze bakkerij. Komt u kennismaken?"
    )
    page.get_by_role("button", name="Verstuur het verzoek").click()
    introduction = IntroductionRequest.objects.get()
    assert introduction.status == IntroductionStatus.REQUESTED

    # The job seeker, on a phone, sees what would go to the employer and agrees.
    login(phone_page, live_server, "werkzoekende")
    phone_page.goto(f"{live_server.url}/mijn/kennismakingen/")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text(
        "Werkgevers die met u willen kennismaken"
    )
    expect(phone_page.get_by_text("ochtenddienst in onze bakkerij")).to_be_visible()
    assert_accessible(phone_page)
    phone_page.get_by_label("Ja, ik wil graag kennismaken").check()
    phone_page.get_by_label("Mijn e-mailadres delen").check()
    phone_page.get_by_role("button", name="Verstuur mijn antwoord").click()
    assert_accessible(phone_page)
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.AGREED

    # Only now does the employer see who it is, and only the e-mail address shared.
    page.goto(f"{live_server.url}/kandidaten/kennismakingen/{introduction.pk}/")
    expect(page.get_by_text("Noor Bakkal").first).to_be_visible()
    expect(page.get_by_text("noor.bakkal@example.com").first).to_be_visible()
    assert "0612345678" not in page.content()
    assert_accessible(page)

    # The caseworker records the placement; under the minimum wage it is refused.
    page.context.clear_cookies()
    login(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/plaatsingen/nieuw/{job_seeker.pk}/")
    assert_accessible(page)
    page.get_by_label("Werkgever uit het register").select_option(
        label="Bakkerij Van der Molen B.V."
    )
    page.get_by_label("Functie").fill("Medewerker bakkerij (ochtend)")
    page.get_by_label("Startdatum").fill(START.isoformat())
    page.get_by_label("Uren per week").fill("24")
    page.get_by_label("Uurloon (euro, bruto)").fill("14.50")
    page.get_by_role("button", name="Plaatsing vastleggen").click()
    expect(page.get_by_role("alert")).to_contain_text("minimumloon van € 14,71")
    assert_accessible(page)
    assert not Placement.objects.exists()
    page.get_by_label("Uurloon (euro, bruto)").fill("15.20")
    page.get_by_role("button", name="Plaatsing vastleggen").click()
    placement = Placement.objects.get()
    expect(page).to_have_url(f"{live_server.url}/plaatsingen/{placement.pk}/")
    assert_accessible(page)
    assert placement.hourly_wage == Decimal("15.20") and placement.job_seeker == job_seeker
    assert sorted(f.months for f in placement.follow_ups.all()) == [6, 12]
