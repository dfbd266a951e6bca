"""Evidence for 1.1 and 1.2 (CO1, CO3): advice requests sent to the council in the last
12 months and how many left it its full term before the decision; 1.2 for by-laws only."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tests.council.advice.factories import AdviceRequestFactory
from werkpad.council.evidence import covered, evidence_for
from werkpad.council.models import AdviceRequest

AMS = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=AMS)

pytestmark = [pytest.mark.time_machine(NOW, tick=False), pytest.mark.django_db]


def evidence(municipality, qid):
    with translation.override("en"):
        found = evidence_for(municipality=municipality, question_ids=[qid])[qid]
    return {f.label: f.value for f in found.figures}, found


def sent(municipality, *, days_ago, in_time, kind=AdviceRequest.Kind.REGULATION, **extra):
    return AdviceRequestFactory(
        municipality=municipality,
        kind=kind,
        sent=True,
        sent_at=NOW - dt.timedelta(days=days_ago),
        consulted_in_time=in_time,
        **extra,
    )


@pytest.fixture
def requests(amsterdam, zaandam):
    sent(amsterdam, days_ago=10, in_time=True)
    sent(amsterdam, days_ago=100, in_time=False)
    sent(amsterdam, days_ago=200, in_time=True, kind=AdviceRequest.Kind.POLICY_PLAN)
    sent(amsterdam, days_ago=300, in_time=False, kind=AdviceRequest.Kind.PROPOSAL)
    # Not counted: sent more than 12 months ago, unasked advice, a draft, another
    # municipality's request.
    sent(amsterdam, days_ago=400, in_time=False)
    AdviceRequestFactory(municipality=amsterdam, own_initiative=True)
    AdviceRequestFactory(municipality=amsterdam)
    sent(zaandam, days_ago=10, in_time=False)


def test_1_1_counts_every_request_sent_in_the_last_12_months(amsterdam, requests):
    figures, found = evidence(amsterdam, "1.1")

    assert figures["Advice requests sent to the council (last 12 months)"] == "4"
    assert figures["Sent in time, with the council's term left"] == "2"
    assert figures["Sent too late for the council's term"] == "2"
    assert "2 left the council its full term before the decision (50%)" in found.summary


def test_1_2_counts_the_requests_about_a_by_law_only(amsterdam, requests):
    figures, _ = evidence(amsterdam, "1.2")

    assert figures["Advice requests sent to the council (last 12 months)"] == "2"
    assert figures["Sent in time, with the council's term left"] == "1"
    assert figures["Sent too late for the council's term"] == "1"


def test_no_request_says_so(amsterdam):
    _, found = evidence(amsterdam, "1.1")

    assert found.summary == (
        "The municipality sent the council no advice request in the last 12 months."
    )


def test_the_questions_the_brief_names_all_have_their_evidence():
    # Point 1 (advice in time, results reports), 2, 5, 6 (contact person, survey),
    # 9 (candidate file, 72 hours, survey) and 11 (instruments, non-benefit budget).
    assert {"1.1", "1.2", "1.3", "2.1", "5.1", "5.2", "6.2", "6.9", "9.1", "9.6", "9.9"} <= (
        covered()
    )
    assert {"11.1", "11.2"} <= covered()
