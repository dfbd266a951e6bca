"""Evidence for the checklist (CO3): each computation on known data, exact figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tests.council.reports.factories import ResultsReportFactory
from tests.factories import (
    EmployerFactory,
    InstrumentFactory,
    JobSeekerFactory,
    PlanFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    VacancyFactory,
)
from tests.grants.factories import BudgetFactory, GrantFactory
from tests.matching.factories import SearchProfileFactory, in_candidate_file
from werkpad.accounts.models import Membership
from werkpad.core.permissions import Role
from werkpad.council.evidence import evidence_for
from werkpad.employers.models import Source
from werkpad.placements.models import SelfEmploymentRoute

AMS = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=AMS)

pytestmark = [pytest.mark.time_machine(NOW, tick=False), pytest.mark.django_db]


def figures(municipality, qid):
    with translation.override("en"):
        found = evidence_for(municipality=municipality, question_ids=[qid])[qid]
    return {f.label: (f.value, f.withheld) for f in found.figures}, found


@pytest.fixture
def min_cell(settings):
    settings.WERKPAD_MIN_CELL = 3
    return 3


def test_every_evidence_is_dated_and_explained(amsterdam):
    found = evidence_for(municipality=amsterdam)
    assert set(found) >= {
        "1.3",
        "2.1",
        "3.1",
        "5.1",
        "5.2",
        "6.2",
        "6.6",
        "9.1",
        "9.6",
        "11.1",
        "14.4",
    }
    for qid, item in found.items():
        assert item.question_id == qid
        assert item.computed_at == NOW
        assert item.summary and item.method


def test_the_surveys_inform_6_9_and_9_9_and_nothing_claims_targets_werkpad_lacks():
    from werkpad.council.evidence import covered

    assert {"6.9", "9.9"} <= covered()
    # 4.2 asks for measurable results: werkpad records no targets, so it has no evidence.
    assert "4.2" not in covered()


def test_file_size_and_composition(amsterdam, zaandam, min_cell):
    JobSeekerFactory.create_batch(3, municipality=amsterdam, ladder_rung=2)
    JobSeekerFactory.create_batch(
        3,
        municipality=amsterdam,
        ladder_rung=5,
        benefit_type="none",
        unemployed_since=dt.date(2026, 6, 1),
    )
    JobSeekerFactory.create_batch(4, municipality=amsterdam, ladder_rung=3, profile_overdue=True)
    JobSeekerFactory.create_batch(2, municipality=amsterdam, left=True)
    JobSeekerFactory.create_batch(7, municipality=zaandam)
    shown, item = figures(amsterdam, "2.1")
    assert shown["Job seekers in the file"] == ("10", False)
    assert shown["On rungs 1-4 (activation)"] == ("70%", False)
    assert shown["Without benefit"] == ("30%", False)
    assert shown["Unemployed one year or longer"] == ("70%", False)
    assert shown["Profile review up to date"] == ("60%", False)
    assert "10" in item.summary


def test_small_counts_are_withheld(amsterdam):
    # default minimum of 10: 4 job seekers, 1 of them with a plan
    PlanFactory(in_effect=True, job_seeker=JobSeekerFactory(municipality=amsterdam))
    JobSeekerFactory.create_batch(3, municipality=amsterdam)
    shown, item = figures(amsterdam, "5.1")
    assert shown["Job seekers in the file"] == ("fewer than 10", True)
    assert shown["With a plan in effect"][1] is True
    assert "4" not in item.summary and "25%" not in item.summary


def test_share_withheld_when_the_rest_is_small(amsterdam):
    # 12 job seekers, 11 with a contact person: the one without could be worked out
    caseworker = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    JobSeekerFactory.create_batch(11, municipality=amsterdam, contact_person=caseworker)
    JobSeekerFactory(municipality=amsterdam)
    shown, _item = figures(amsterdam, "6.2")
    assert shown["Job seekers in the file"] == ("12", False)
    assert shown["With a fixed contact person"] == ("withheld", True)


def test_plans_current_and_agreed(amsterdam, zaandam, min_cell):
    agreed = [
        PlanFactory(in_effect=True, job_seeker=JobSeekerFactory(municipality=amsterdam))
        for _ in range(3)
    ]
    disagreed = [
        PlanFactory(in_effect=True, job_seeker=JobSeekerFactory(municipality=amsterdam))
        for _ in range(3)
    ]
    for plan in disagreed:
        plan.current_version.disagreement_reason = "Ik wil liever een opleiding."
        plan.current_version.save()
    PlanFactory.create_batch(3, proposed=True, job_seeker__municipality=amsterdam)
    JobSeekerFactory.create_batch(3, municipality=amsterdam)
    PlanFactory.create_batch(4, in_effect=True, job_seeker__municipality=zaandam)
    assert len(agreed) == 3
    shown, _item = figures(amsterdam, "5.1")
    assert shown["Job seekers in the file"] == ("12", False)
    assert shown["With a plan in effect"] == ("50%", False)
    shown, _item = figures(amsterdam, "5.2")
    assert shown["Job seekers with a plan in effect"] == ("6", False)
    assert shown["Of which agreed by the job seeker"] == ("50%", False)


def test_fixed_contact_person(amsterdam, min_cell):
    caseworker = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    JobSeekerFactory.create_batch(6, municipality=amsterdam, contact_person=caseworker)
    JobSeekerFactory.create_batch(4, municipality=amsterdam)
    shown, _item = figures(amsterdam, "6.2")
    assert shown["With a fixed contact person"] == ("60%", False)


def test_uwv_registration_help(amsterdam, min_cell):
    JobSeekerFactory.create_batch(
        3, municipality=amsterdam, uwv_registered=True, uwv_registration_help=True
    )
    JobSeekerFactory.create_batch(3, municipality=amsterdam, uwv_registered=True)
    JobSeekerFactory.create_batch(4, municipality=amsterdam)
    shown, _item = figures(amsterdam, "6.3")
    assert shown["Helped to register with UWV digitally"] == ("3", False)
    assert shown["Registered with UWV"] == ("60%", False)


def test_vacancies_of_the_region_and_the_register(amsterdam, zaandam):
    employer = EmployerFactory(municipality=amsterdam, sbi_section="Q")
    VacancyFactory.create_batch(3, employer=employer)
    VacancyFactory(employer=employer, source=Source.IMPORTED, distribution="region_and_uwv")
    VacancyFactory(employer=employer, status="filled")
    VacancyFactory(employer=employer, received_at=NOW - dt.timedelta(days=400))
    other = EmployerFactory(municipality=zaandam, sbi_section="N")  # same region
    VacancyFactory(employer=other)
    shown, _item = figures(amsterdam, "3.1")
    assert shown["Open vacancies in the region"] == ("6", False)
    assert shown["Vacancies received in the last 12 months"] == ("6", False)
    assert shown["Of which imported (UWV, other sources)"] == ("17%", False)
    assert shown["Largest sectors among open vacancies (SBI section)"][0] == "Q (5), N (1)"
    shown, _item = figures(amsterdam, "6.6")
    assert shown["Open vacancies in the register"] == ("5", False)
    assert shown["Of which imported"] == ("1", False)
    assert shown["Of which shared with the region and UWV"] == ("1", False)


def test_employer_answers_within_72_hours(amsterdam, zaandam):
    employer = EmployerFactory(municipality=amsterdam)
    received = NOW - dt.timedelta(days=10)
    due = received + dt.timedelta(hours=72)
    VacancyFactory.create_batch(
        3,
        employer=employer,
        received_at=received,
        answer_due_at=due,
        answered_at=received + dt.timedelta(hours=5),
    )
    VacancyFactory(
        employer=employer,
        received_at=received,
        answer_due_at=due,
        answered_at=due + dt.timedelta(hours=1),
    )
    VacancyFactory(employer=employer, received_at=NOW, answer_due_at=NOW + dt.timedelta(hours=72))
    VacancyFactory(
        employer=employer,
        received_at=NOW - dt.timedelta(days=400),
        answer_due_at=NOW - dt.timedelta(days=397),
    )
    VacancyFactory(
        employer=EmployerFactory(municipality=zaandam), received_at=received, answer_due_at=due
    )
    shown, _item = figures(amsterdam, "9.1")
    assert shown["Vacancies whose 72-hour term has passed (last 12 months)"] == ("4", False)
    assert shown["Answered within 72 hours"] == ("75%", False)


def test_candidate_file_access(amsterdam, min_cell):
    employer = EmployerFactory(municipality=amsterdam)
    login = UserFactory()
    Membership.objects.create(user=login, organisation=employer.organisation, role=Role.EMPLOYER)
    EmployerFactory(municipality=amsterdam)  # no login
    for _ in range(4):
        in_candidate_file(SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam)))
    SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam))  # no consent
    shown, _item = figures(amsterdam, "9.6")
    assert shown["Employers with access to the candidate file"] == ("1", False)
    assert shown["Candidates in the file (consent given, profile current)"] == ("4", False)


def test_instruments_budget_and_non_benefit(amsterdam, zaandam, min_cell):
    coaching = InstrumentFactory(municipality=amsterdam)
    carving = InstrumentFactory(municipality=amsterdam, type="job_carving", name="Jobcarving")
    InstrumentFactory(municipality=amsterdam, inactive=True)
    BudgetFactory(
        instrument=coaching, year=2026, amount=Decimal("50000"), non_benefit_amount=Decimal("5000")
    )
    BudgetFactory(instrument=carving, year=2026, amount=Decimal("10000"), non_benefit_amount=0)
    BudgetFactory(instrument=coaching, year=2025, amount=Decimal("99000"))
    for _ in range(3):
        GrantFactory(
            instrument=coaching,
            job_seeker=JobSeekerFactory(municipality=amsterdam, benefit_type="none"),
            amount=Decimal("1000"),
        )
    GrantFactory(
        instrument=carving,
        job_seeker=JobSeekerFactory(municipality=amsterdam),
        amount=Decimal("500"),
    )
    GrantFactory(
        instrument=carving, job_seeker=JobSeekerFactory(municipality=amsterdam), status="cancelled"
    )
    GrantFactory(
        instrument=InstrumentFactory(municipality=zaandam),
        job_seeker=JobSeekerFactory(municipality=zaandam),
    )
    shown, _item = figures(amsterdam, "11.1")
    assert shown["Instruments in the catalogue"] == ("2", False)
    assert shown["Instruments with a budget this year"] == ("2", False)
    assert shown["Budget this year"][0] == "€ 60,000"
    assert shown["Granted this year"][0] == "€ 3,500"
    shown, _item = figures(amsterdam, "11.2")
    assert shown["Budget for non-benefit job seekers this year"][0] == "€ 5,000"
    assert shown["Granted to non-benefit job seekers this year"][0] == "€ 3,000"
    assert shown["Non-benefit job seekers with a grant this year"] == ("3", False)
    shown, item = figures(amsterdam, "11.4")
    assert shown["Job carving: instruments in the catalogue"] == ("1", False)
    assert shown["Social return on investment (SROI): instruments in the catalogue"] == ("0", False)
    assert shown["Job carving: grants this year"] == ("fewer than 3", True)
    assert "Job carving" in item.summary


def test_providers_and_self_employment(amsterdam, zaandam, min_cell):
    certified = ProviderFactory(municipality=amsterdam)
    expired = ProviderFactory(municipality=amsterdam, certification_expired=True)
    ProviderFactory(municipality=amsterdam)  # not used
    for provider in (certified, expired):
        TrajectoryFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam),
            programme=ProgrammeFactory(provider=provider),
            referred_on=dt.date(2026, 9, 1),
        )
    TrajectoryFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam), referred_on=dt.date(2025, 9, 1)
    )
    shown, _item = figures(amsterdam, "14.4")
    assert shown["Providers referred to (last 12 months)"] == ("2", False)
    assert shown["Of which Blik op Werk certified today"] == ("1", False)


def test_self_employment_routes(amsterdam, zaandam, min_cell):
    def route(municipality, **kwargs):
        person = JobSeekerFactory(municipality=municipality)
        values = {"information_given_on": dt.date(2026, 3, 1)} | kwargs
        return SelfEmploymentRoute.objects.create(
            municipality=municipality, job_seeker=person, **values
        )

    for _ in range(3):
        route(amsterdam, bbz_referred_on=dt.date(2026, 4, 1), outcome="started")
    route(amsterdam, bbz_referred_on=dt.date(2026, 4, 1))
    for _ in range(3):
        route(amsterdam)
    route(amsterdam, information_given_on=dt.date(2025, 10, 1), outcome="started")  # too long ago
    route(zaandam, outcome="started")
    shown, _item = figures(amsterdam, "6.8")
    assert shown["Job seekers informed about self-employment (last 12 months)"] == ("7", False)
    assert shown["Of whom referred to the Bbz desk"] == ("4", False)
    assert shown["Of whom started as self-employed"] == ("3", False)

    # In Zaanstad 3 of 5 were referred: the 2 not referred would be the 5 minus the 3.
    for _ in range(3):
        route(zaandam, bbz_referred_on=dt.date(2026, 5, 1))
    route(zaandam)
    shown, _item = figures(zaandam, "6.8")
    assert shown["Job seekers informed about self-employment (last 12 months)"] == ("5", False)
    assert shown["Of whom referred to the Bbz desk"] == ("withheld", True)


def test_the_plans_in_effect_are_withheld_when_those_without_are_few(amsterdam, min_cell):
    # 5.1 shows the 12 in the file; 5.2 showing 11 plans would give away the 1 without.
    for _ in range(11):
        PlanFactory(in_effect=True, job_seeker=JobSeekerFactory(municipality=amsterdam))
    JobSeekerFactory(municipality=amsterdam)
    shown, _item = figures(amsterdam, "5.1")
    assert shown["Job seekers in the file"] == ("12", False)
    assert shown["With a plan in effect"] == ("withheld", True)
    shown, _item = figures(amsterdam, "5.2")
    assert shown["Job seekers with a plan in effect"] == ("withheld", True)


def test_what_a_few_non_benefit_job_seekers_were_granted_is_withheld(amsterdam, min_cell):
    coaching = InstrumentFactory(municipality=amsterdam)
    BudgetFactory(instrument=coaching, year=2026, amount=Decimal("9000"))
    GrantFactory(
        instrument=coaching,
        job_seeker=JobSeekerFactory(municipality=amsterdam, benefit_type="none"),
        amount=Decimal("2750"),
    )
    shown, _item = figures(amsterdam, "11.2")
    assert shown["Non-benefit job seekers with a grant this year"] == ("fewer than 3", True)
    assert shown["Granted to non-benefit job seekers this year"] == ("fewer than 3", True)


def test_results_reports_published_to_the_council(amsterdam, zaandam):
    ResultsReportFactory(
        municipality=amsterdam, published=True, published_at=NOW - dt.timedelta(days=40)
    )
    ResultsReportFactory(
        municipality=amsterdam,
        published=True,
        period_start=dt.date(2026, 4, 1),
        period_end=dt.date(2026, 6, 30),
        published_at=NOW - dt.timedelta(days=130),
    )
    ResultsReportFactory(
        municipality=amsterdam,
        published=True,
        period_kind="year",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        published_at=NOW - dt.timedelta(days=500),
    )
    ResultsReportFactory(
        municipality=amsterdam, period_start=dt.date(2026, 10, 1), period_end=dt.date(2026, 12, 31)
    )  # a draft
    ResultsReportFactory(municipality=zaandam, published=True)
    shown, _item = figures(amsterdam, "1.3")
    assert shown["Results reports published to the council (last 12 months)"] == ("2", False)
    assert shown["Latest published on"][0] == "10/14/2026"


def test_another_municipality_is_ignored(amsterdam, zaandam, min_cell):
    JobSeekerFactory.create_batch(5, municipality=zaandam)
    PlanFactory.create_batch(5, in_effect=True, job_seeker__municipality=zaandam)
    shown, _item = figures(amsterdam, "2.1")
    assert shown["Job seekers in the file"] == ("0", False)
    shown, _item = figures(amsterdam, "5.1")
    assert shown["With a plan in effect"] == ("-", False)


def _populate(municipality, n):
    caseworker = UserFactory.with_role(Role.CASEWORKER, municipality=municipality)
    for _ in range(n):
        PlanFactory(
            in_effect=True,
            job_seeker=JobSeekerFactory(municipality=municipality, contact_person=caseworker),
        )


def test_query_count_does_not_grow_with_the_file(amsterdam):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (2, 20):
        _populate(amsterdam, size)
        with CaptureQueriesContext(connection) as queries:
            evidence_for(municipality=amsterdam)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 30
