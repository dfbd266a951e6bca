"""Answering a survey (RI6): anonymous by construction, once per invitation, only by the
person (or employer) it was sent to, only while the survey is open."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import models

from tests.factories import EmployerFactory, JobSeekerFactory, UserFactory, job_seeker_login
from tests.surveys.factories import InvitationFactory, QuestionFactory, SurveyFactory
from werkpad.core.errors import ConflictError, InvalidInputError, NotFoundError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.surveys import services
from werkpad.surveys.models import Answer, Invitation, Response

pytestmark = pytest.mark.django_db

#: What a response or an answer may refer to: nothing that leads to a person.
ALLOWED_TARGETS = {"surveys.survey", "surveys.response", "surveys.question"}


@pytest.mark.parametrize("model", [Response, Answer])
def test_no_column_of_a_response_or_an_answer_identifies_the_person_or_the_invitation(model):
    for field in model._meta.get_fields():
        if field.is_relation and field.concrete:
            assert field.related_model._meta.label_lower in ALLOWED_TARGETS, field.name
        if field.concrete:
            assert not isinstance(field, models.DateTimeField), field.name
            assert field.name not in {"token", "user", "job_seeker", "employer", "invitation"}
    assert isinstance(model._meta.pk, models.UUIDField), "a counter would give the order"


def test_an_invitation_keeps_the_day_it_was_used_not_the_moment():
    field = Invitation._meta.get_field("used_on")
    assert isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)


@pytest.fixture
def survey(amsterdam):
    survey = SurveyFactory(municipality=amsterdam, open=True)
    QuestionFactory(survey=survey, order=1)
    QuestionFactory(survey=survey, order=2, yes_no=True)
    QuestionFactory(survey=survey, order=3, open_text=True)
    return survey


@pytest.fixture
def person(amsterdam):
    return JobSeekerFactory(municipality=amsterdam)


@pytest.fixture
def respondent(person):
    return job_seeker_login(person)


@pytest.fixture
def invitation(survey, person):
    return InvitationFactory(survey=survey, job_seeker=person)


def answers_for(survey, scale="4", yes_no="yes", text="Sneller terugbellen."):
    q1, q2, q3 = survey.questions.all()
    return {f"q{q1.pk}": scale, f"q{q2.pk}": yes_no, f"q{q3.pk}": text}


def test_an_answer_is_stored_without_the_person_and_the_invitation_is_used(
    survey, invitation, respondent
):
    services.invitation_answer(user=respondent, token=invitation.token, answers=answers_for(survey))
    invitation.refresh_from_db()
    assert invitation.used_on == dt.date(2026, 11, 23)
    response = Response.objects.get()
    assert (response.survey_id, response.submitted_on) == (survey.pk, dt.date(2026, 11, 23))
    assert sorted(
        (a.question.order, a.number, a.text) for a in response.answers.select_related("question")
    ) == [(1, 4, ""), (2, 1, ""), (3, None, "Sneller terugbellen.")]
    event = AuditEvent.objects.get(object_type="survey-answer")
    assert event.object_id == str(survey.pk)
    assert str(response.pk) not in (event.detail + event.object_id)


def test_an_empty_open_answer_stores_no_row(survey, invitation, respondent):
    services.invitation_answer(
        user=respondent, token=invitation.token, answers=answers_for(survey, text="")
    )
    assert Answer.objects.count() == 2


def test_each_closed_question_is_validated_and_nothing_is_stored(survey, invitation, respondent):
    with pytest.raises(InvalidInputError) as refused:
        services.invitation_answer(
            user=respondent,
            token=invitation.token,
            answers=answers_for(survey, scale="6", yes_no="misschien"),
        )
    q1, q2, _q3 = survey.questions.all()
    assert refused.value.errors == {
        f"q{q1.pk}": ["Kies een cijfer van 1 tot en met 5."],
        f"q{q2.pk}": ["Kies ja of nee."],
    }
    assert not Response.objects.exists()
    assert Invitation.objects.get(pk=invitation.pk).used_on is None


def test_a_used_token_cannot_answer_twice(survey, invitation, respondent):
    services.invitation_answer(user=respondent, token=invitation.token, answers=answers_for(survey))
    with pytest.raises(ConflictError) as refused:
        services.invitation_answer(
            user=respondent, token=invitation.token, answers=answers_for(survey, scale="1")
        )
    assert refused.value.code == "invitation-used"
    assert Response.objects.count() == 1


def test_two_posts_of_the_same_link_store_one_response(client, survey, invitation, respondent):
    client.force_login(respondent)
    url = f"/enquetes/antwoord/{invitation.token}/"
    first = client.post(url, answers_for(survey))
    second = client.post(url, answers_for(survey, scale="1"))
    assert first.status_code == 302
    assert second.status_code == 409
    assert "U heeft deze vragenlijst al ingevuld." in second.content.decode()
    assert Response.objects.count() == 1
    assert Answer.objects.filter(number=1, question__order=1).count() == 0


def test_the_guard_holds_when_the_row_was_used_meanwhile(
    survey, invitation, respondent, monkeypatch
):
    """Where the database takes no row lock, the second of two requests read the
    invitation unused; marking it used then finds it used and stores nothing."""
    real = services.answerable

    def stale(inv):
        Invitation.objects.filter(pk=inv.pk).update(used_on=dt.date(2026, 11, 23))
        return real(Invitation(survey=inv.survey, used_on=None))

    monkeypatch.setattr(services, "answerable", stale)
    with pytest.raises(ConflictError):
        services.invitation_answer(
            user=respondent, token=invitation.token, answers=answers_for(survey)
        )
    assert not Response.objects.exists()


def test_someone_elses_link_does_not_exist(survey, invitation, amsterdam):
    other = job_seeker_login(JobSeekerFactory(municipality=amsterdam))
    with pytest.raises(NotFoundError):
        services.invitation_answer(user=other, token=invitation.token, answers=answers_for(survey))
    assert Invitation.objects.get(pk=invitation.pk).used_on is None


def test_a_closed_survey_says_so(survey, invitation, respondent):
    survey.status = "closed"
    survey.closed_on = dt.date(2026, 11, 20)
    survey.save()
    with pytest.raises(ConflictError) as refused:
        services.invitation_answer(
            user=respondent, token=invitation.token, answers=answers_for(survey)
        )
    assert refused.value.code == "survey-not-open"
    assert refused.value.message == "Dit onderzoek is gesloten: u kunt het niet meer invullen."


def test_a_survey_past_its_closing_day_is_closed_to_answers(survey, invitation, respondent):
    survey.closes_on = dt.date(2026, 11, 22)
    survey.save()
    with pytest.raises(ConflictError):
        services.invitation_answer(
            user=respondent, token=invitation.token, answers=answers_for(survey)
        )


def test_any_user_of_the_employer_answers_its_invitation_once(amsterdam):
    survey = SurveyFactory(municipality=amsterdam, open=True, for_employers=True)
    question = QuestionFactory(survey=survey)
    employer = EmployerFactory(municipality=amsterdam)
    invitation = InvitationFactory(survey=survey, employer=employer)
    first = UserFactory.with_role(Role.EMPLOYER, organisation=employer.organisation)
    second = UserFactory.with_role(Role.EMPLOYER, organisation=employer.organisation)
    stranger = UserFactory.with_role(Role.EMPLOYER, organisation=EmployerFactory().organisation)
    with pytest.raises(NotFoundError):
        services.invitation_answer(
            user=stranger, token=invitation.token, answers={f"q{question.pk}": "3"}
        )
    services.invitation_answer(user=first, token=invitation.token, answers={f"q{question.pk}": "3"})
    with pytest.raises(ConflictError):
        services.invitation_answer(
            user=second, token=invitation.token, answers={f"q{question.pk}": "5"}
        )
    assert Response.objects.count() == 1
