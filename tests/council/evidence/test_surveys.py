"""Evidence for 6.9 and 9.9 (CO3, RI6): a satisfaction survey set up with the council,
opened in the last 12 months, of job seekers and of employers respectively."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tests.surveys.factories import QuestionFactory, SurveyFactory, respond
from werkpad.council.evidence import evidence_for

AMS = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=AMS)

pytestmark = [pytest.mark.time_machine(NOW, tick=False), pytest.mark.django_db]


def evidence(municipality, qid):
    with translation.override("en"):
        found = evidence_for(municipality=municipality, question_ids=[qid])[qid]
    return {f.label: (f.value, f.withheld) for f in found.figures}, found


def answered(survey, n):
    question = QuestionFactory(survey=survey)
    for _ in range(n):
        respond(survey, {question: 4})


def test_a_job_seeker_survey_with_the_council_this_year_counts_for_6_9(amsterdam, zaandam):
    answered(SurveyFactory(municipality=amsterdam, by_council=True, closed=True), 12)
    # Not counted: opened more than 12 months ago, withdrawn, still a draft, of employers,
    # or of another municipality.
    answered(
        SurveyFactory(municipality=amsterdam, closed=True, opened_on=dt.date(2025, 11, 1)),
        30,
    )
    SurveyFactory(municipality=amsterdam, withdrawn=True)
    SurveyFactory(municipality=amsterdam)
    answered(SurveyFactory(municipality=amsterdam, for_employers=True, closed=True), 11)
    answered(SurveyFactory(municipality=zaandam, closed=True), 40)

    figures, found = evidence(amsterdam, "6.9")

    assert figures["Surveys with the council opened (last 12 months)"] == ("1", False)
    assert figures["Latest opened on"][0] == "09/01/2026"
    assert figures["Responses"] == ("12", False)
    assert "opened in the last 12 months" in found.summary
    assert found.computed_at == NOW


def test_the_employers_survey_counts_for_9_9_and_few_responses_are_withheld(amsterdam):
    answered(SurveyFactory(municipality=amsterdam, for_employers=True, open=True), 4)

    figures, found = evidence(amsterdam, "9.9")

    assert figures["Surveys with the council opened (last 12 months)"] == ("1", False)
    assert figures["Responses"] == ("fewer than 10", True)
    assert "fewer than 10" in found.summary


def test_no_survey_says_so(amsterdam):
    figures, found = evidence(amsterdam, "6.9")

    assert figures["Surveys with the council opened (last 12 months)"] == ("0", False)
    assert found.summary == (
        "No satisfaction survey set up with the council was opened in the last 12 months."
    )
