"""The survey pages (RI6): drafting with Dutch messages, the steps on the survey page,
results with withheld counts marked as on the composition page, the answer page, the
job seeker's and the employer's invitations, lists at a flat query count."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.factories import EmployerFactory, JobSeekerFactory, UserFactory, job_seeker_login
from tests.surveys.factories import InvitationFactory, QuestionFactory, SurveyFactory, respond
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.surveys.models import Survey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch(client):
    client.cookies["django_language"] = "nl"
    with translation.override("nl"):
        yield


def test_a_draft_without_a_title_shows_dutch_messages(client, policy_officer):
    client.force_login(policy_officer)
    response = client.post("/enquetes/nieuw/", {"title": "", "closes_on": "2026-11-01"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit veld is verplicht." in page
    assert not Survey.objects.exists()
    response = client.post(
        "/enquetes/nieuw/",
        {"title": "Tevredenheid", "audience": "job_seekers", "closes_on": "2026-11-01"},
    )
    assert response.status_code == 400
    assert "De sluitingsdatum ligt na vandaag." in response.content.decode()


def test_the_maker_adds_questions_and_proposes_on_the_survey_page(
    client, policy_officer, amsterdam
):
    survey = SurveyFactory(municipality=amsterdam)
    client.force_login(policy_officer)
    response = client.post(f"/enquetes/{survey.pk}/vragen/", {"text": "", "kind": "scale"})
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
    client.post(f"/enquetes/{survey.pk}/vragen/", {"text": "Tevreden?", "kind": "scale"})
    page = client.get(f"/enquetes/{survey.pk}/").content.decode()
    assert "Tevreden?" in page
    assert "ter goedkeuring voor aan de cliëntenraad" in page
    client.post(f"/enquetes/{survey.pk}/voorstellen/")
    assert Survey.objects.get(pk=survey.pk).status == "proposed"


def test_a_refused_step_says_why(client, policy_officer, amsterdam):
    survey = SurveyFactory(municipality=amsterdam)
    client.force_login(policy_officer)
    response = client.post(f"/enquetes/{survey.pk}/voorstellen/")
    assert response.status_code == 409
    assert "Voeg minstens één vraag toe" in response.content.decode()


def test_the_council_sees_the_proposal_in_its_worklist_and_approves(
    client, council_member, amsterdam
):
    survey = SurveyFactory(municipality=amsterdam, proposed=True, title="Werkzoekenden 2026")
    QuestionFactory(survey=survey)
    [section] = [s for s in worklist_for(council_member) if s.key == "surveys"]
    assert section.count == 1 and section.items[0].title == "Werkzoekenden 2026"
    client.force_login(council_member)
    page = client.get(f"/enquetes/{survey.pk}/").content.decode()
    assert "Keur ze goed" in page
    client.post(f"/enquetes/{survey.pk}/goedkeuren/")
    assert Survey.objects.get(pk=survey.pk).approved_by_party == "council"


def test_the_results_page_marks_withheld_counts_like_the_composition_page(
    client, council_member, amsterdam
):
    survey = SurveyFactory(municipality=amsterdam, closed=True)
    scale = QuestionFactory(survey=survey, order=1)
    tips = QuestionFactory(survey=survey, order=2, open_text=True)
    for value in [5] * 20 + [4] * 15 + [1] * 2:
        respond(survey, {scale: value, tips: "Meer persoonlijk contact."})
    client.force_login(council_member)
    page = client.get(f"/enquetes/{survey.pk}/resultaten/").content.decode()
    assert 'data-suppressed="small">&lt;10' in page
    assert 'data-suppressed="complementary"' in page
    assert 'id="suppression-legend"' in page
    assert "Meer persoonlijk contact." in page
    assert "37" in page


def test_the_answer_page_asks_each_question_and_thanks(client, amsterdam):
    survey = SurveyFactory(municipality=amsterdam, open=True)
    scale = QuestionFactory(survey=survey, order=1)
    yes_no = QuestionFactory(survey=survey, order=2, yes_no=True)
    person = JobSeekerFactory(municipality=amsterdam)
    invitation = InvitationFactory(survey=survey, job_seeker=person)
    client.force_login(job_seeker_login(person))
    url = f"/enquetes/antwoord/{invitation.token}/"
    page = client.get(url).content.decode()
    assert "<legend>1. Hoe tevreden bent u over uw klantmanager?</legend>" in page
    assert "zeer tevreden" in page
    response = client.post(url, {f"q{scale.pk}": "4"})
    assert response.status_code == 400
    assert "Kies een antwoord op deze vraag." in response.content.decode()
    response = client.post(url, {f"q{scale.pk}": "4", f"q{yes_no.pk}": "yes"}, follow=True)
    assert "Dank u wel voor uw antwoorden!" in response.content.decode()
    assert "U heeft deze vragenlijst al ingevuld." in response.content.decode()


def test_the_job_seeker_home_points_to_the_waiting_survey(client, amsterdam):
    survey = SurveyFactory(municipality=amsterdam, open=True, title="Hoe gaat het?")
    person = JobSeekerFactory(municipality=amsterdam)
    InvitationFactory(survey=survey, job_seeker=person)
    InvitationFactory(survey=SurveyFactory(municipality=amsterdam, closed=True), job_seeker=person)
    client.force_login(job_seeker_login(person))
    home = client.get("/mijn/").content.decode()
    assert "Er wacht een vragenlijst op uw antwoorden." in home
    own = client.get("/mijn/enquetes/").content.decode()
    assert "Hoe gaat het?" in own and own.count("/enquetes/antwoord/") == 1


def test_the_employer_home_shows_its_invitation(client, amsterdam):
    employer = EmployerFactory(municipality=amsterdam)
    survey = SurveyFactory(
        municipality=amsterdam, open=True, for_employers=True, title="Werkgevers"
    )
    invitation = InvitationFactory(survey=survey, employer=employer)
    client.force_login(UserFactory.with_role(Role.EMPLOYER, organisation=employer.organisation))
    home = client.get("/werkgever/").content.decode()
    assert "Vragenlijsten om in te vullen" in home
    assert f"/enquetes/antwoord/{invitation.token}/" in home


@pytest.mark.parametrize("count", [1, 10, 50])
def test_the_list_costs_the_same_queries_at_any_length(
    count, client, policy_officer, amsterdam, django_assert_max_num_queries
):
    for _ in range(count):
        survey = SurveyFactory(municipality=amsterdam, closed=True)
        QuestionFactory(survey=survey)
        respond(survey, {})
    client.force_login(policy_officer)
    with django_assert_max_num_queries(10):
        response = client.get("/enquetes/")
    assert response.content.decode().count("/resultaten/") == 0
    assert response.content.decode().count('href="/enquetes/') >= count


@pytest.mark.parametrize("count", [1, 10, 50])
def test_the_own_list_costs_the_same_queries_at_any_length(
    count, client, amsterdam, django_assert_max_num_queries
):
    person = JobSeekerFactory(municipality=amsterdam)
    for _ in range(count):
        InvitationFactory(
            survey=SurveyFactory(municipality=amsterdam, open=True), job_seeker=person
        )
    client.force_login(job_seeker_login(person))
    with django_assert_max_num_queries(9):
        response = client.get("/mijn/enquetes/")
    assert response.content.decode().count("/enquetes/antwoord/") == count


def test_the_list_counts_questions_invitations_and_responses(client, policy_officer, amsterdam):
    survey = SurveyFactory(municipality=amsterdam, open=True)
    questions = [QuestionFactory(survey=survey, order=n) for n in (1, 2)]
    for _ in range(3):
        InvitationFactory(survey=survey, job_seeker=JobSeekerFactory(municipality=amsterdam))
    respond(survey, dict.fromkeys(questions, 4))
    SurveyFactory(municipality=amsterdam)
    client.force_login(policy_officer)
    rows = {s.pk: s for s in client.get("/enquetes/").context["surveys"]}
    row = rows[survey.pk]
    assert (row.question_count, row.invitation_count, row.response_count) == (2, 3, 1)
    assert [
        (s.question_count, s.invitation_count, s.response_count)
        for pk, s in rows.items()
        if pk != survey.pk
    ] == [(0, 0, 0)]


def test_fewer_respondents_than_the_minimum_are_shown_as_such(client, council_member, amsterdam):
    survey = SurveyFactory(municipality=amsterdam, closed=True, title="Werkgevers 2026")
    scale = QuestionFactory(survey=survey, order=1)
    for _ in range(4):
        InvitationFactory(survey=survey, job_seeker=JobSeekerFactory(municipality=amsterdam))
    for value in (5, 4, 4, 2):
        respond(survey, {scale: value})
    client.force_login(council_member)

    listed = client.get("/enquetes/").content.decode()
    results = client.get(f"/enquetes/{survey.pk}/resultaten/").content.decode()

    row = listed.split("Werkgevers 2026", 1)[1].split("</tr>", 1)[0]
    assert 'data-suppressed="small">&lt;10' in row
    summary = results.split('id="results-summary"', 1)[1].split("</dl>", 1)[0]
    assert 'data-suppressed="small">&lt;10' in summary and "(100%)" not in summary
    assert "Minder dan 10 antwoorden" in results
    assert "4 antwoorden" not in results
