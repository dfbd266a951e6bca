"""A job seeker answers a satisfaction survey on a phone (RI6): from the line on their home
to the questions, a missing answer said in Dutch at its question, then thanks; the link
answers once. axe-core clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import JobSeekerFactory, job_seeker_login
from tests.surveys.factories import InvitationFactory, QuestionFactory, SurveyFactory
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
