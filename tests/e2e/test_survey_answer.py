"""Satisfaction surveys in a browser (RI6): a job seeker answers one on a phone, from the
line on their home to the questions, a missing answer said in Dutch at its question,
then thanks, the link answering once; a council member approves a proposal and reads
results with counts withheld. axe-core clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import JobSeekerFactory, UserFactory, job_seeker_login
from tests.surveys.factories import InvitationFactory, QuestionFactory, SurveyFactory, respond
from werkpad.core.permissions import Role
from werkpad.surveys.models import Answer, Invitation, Response

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_job_seeker_answers_a_survey_on_a_phone(phone_page, live_server, amsterdam):
    survey = SurveyFactory(
        municipality=amsterdam,
        open=True,
        title="Hoe tevreden bent u over de gemeente?",
        closes_on="2099-01-31",
    )
    QuestionFactory(survey=survey, order=1)
    QuestionFactory(survey=survey, order=2, yes_no=True)
    QuestionFactory(survey=survey, order=3, open_text=True)
    person = JobSeekerFactory(municipality=amsterdam)
    user = job_seeker_login(person)
    user.username = "werkzoekende"
    user.save()
    invitation = InvitationFactory(survey=survey, job_seeker=person)

    page = phone_page
    login(page, live_server, "werkzoekende")
    expect(page.locator("#survey-invitations")).to_contain_text("Er wacht een vragenlijst")
    page.get_by_role("link", name="Vul de vragenlijst in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vragenlijsten voor u")
    assert_accessible(page)
    page.get_by_role("link", name="Hoe tevreden bent u over de gemeente?").click()
    expect(page.get_by_text("Uw antwoorden zijn anoniem")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("group", name="1. Hoe tevreden bent u over uw klantmanager?").get_by_label(
        "4 · tevreden"
    ).check()
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()
    expect(page.get_by_text("Kies een antwoord op deze vraag.", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="2. Weet u wat uw traject inhoudt?").get_by_label("Ja").check()
    page.get_by_label("3. Wat kan beter?").fill("Sneller terugbellen.")
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()
    expect(page.get_by_text("Dank u wel voor uw antwoorden!")).to_be_visible()
    expect(page.locator("#answer-refusal")).to_contain_text("al ingevuld")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    assert Invitation.objects.get(pk=invitation.pk).used_on is not None
    response = Response.objects.get()
    assert sorted(response.answers.values_list("number", flat=True), key=str) == [1, 4, None]
    assert Answer.objects.filter(text="Sneller terugbellen.").exists()


def test_the_council_approves_a_proposal_and_reads_results_with_counts_withheld(
    page, live_server, amsterdam
):
    UserFactory.with_role(Role.COUNCIL_MEMBER, municipality=amsterdam, username="raadslid")
    proposal = SurveyFactory(municipality=amsterdam, proposed=True, title="Werkgevers 2027")
    QuestionFactory(survey=proposal)
    closed = SurveyFactory(municipality=amsterdam, closed=True, title="Werkzoekenden najaar")
    scale = QuestionFactory(survey=closed, order=1)
    for value in [5] * 20 + [4] * 15 + [1] * 2:
        respond(closed, {scale: value})

    login(page, live_server, "raadslid")
    page.goto(f"{live_server.url}/enquetes/")
    page.get_by_role("link", name="Werkgevers 2027").click()
    assert_accessible(page)
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.locator("#survey-status")).to_have_text("Goedgekeurd")
    assert_accessible(page)

    page.goto(f"{live_server.url}/enquetes/{closed.pk}/resultaten/")
    row = page.get_by_role("row", name="1", exact=False).first
    expect(row).to_be_visible()
    expect(page.locator("#suppression-legend")).to_contain_text("Minder dan 10 mensen")
    expect(page.get_by_text("afgeschermd").first).to_be_visible()
    assert_accessible(page)
