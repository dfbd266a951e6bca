"""The market plan (EM9): which employers to visit first, with reasons, counts only."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.access import page_client
from tests.factories import EmployerFactory, JobSeekerFactory, VacancyFactory
from tests.matching.conftest import NOW
from tests.matching.factories import SearchProfileFactory
from werkpad.employers.workflow import Status as VacancyStatus
from werkpad.matching import selectors

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def _supply(amsterdam, code, n):
    for _ in range(n):
        SearchProfileFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam), occupation_codes=[code]
        )


def test_employers_are_ordered_by_supply_and_willingness(amsterdam, employer):
    advisor = employer.contact_person
    _supply(amsterdam, "9112", 3)
    _supply(amsterdam, "5223", 1)
    VacancyFactory(employer=employer, occupation_code="9112")
    shop = EmployerFactory(municipality=amsterdam, banenafspraak=False, contact_person=advisor)
    VacancyFactory(employer=shop, occupation_code="5223")
    past = EmployerFactory(municipality=amsterdam, contact_person=advisor)
    VacancyFactory(employer=past, occupation_code="5223", status=VacancyStatus.FILLED)
    EmployerFactory(municipality=amsterdam, banenafspraak=False, contact_person=advisor)
    rows = selectors.market_plan(user=advisor)
    assert [r.employer_id for r in rows] == [employer.pk, past.pk, shop.pk]
    first = rows[0]
    assert first.job_seekers == 3 and first.open_vacancies == 1
    assert any("9112" in reason for reason in first.reasons)
    assert any("banenafspraak" in reason for reason in first.reasons)
    assert any("eerdere vacature" in reason for reason in rows[1].reasons)


def test_the_page_shows_counts_and_no_names(amsterdam, employer):
    _supply(amsterdam, "9112", 2)
    VacancyFactory(employer=employer)
    names = list(JobSeekerFactory._meta.model.objects.values_list("last_name", flat=True))
    page = page_client(employer.contact_person).get("/matching/marktplan/").content.decode()
    assert employer.name in page
    assert not any(name in page for name in names)


@pytest.mark.parametrize("n", [1, 10, 30])
def test_a_flat_number_of_queries(amsterdam, employer, n, django_assert_num_queries):
    advisor = employer.contact_person
    _supply(amsterdam, "9112", n)
    for _ in range(n):
        VacancyFactory(
            employer=EmployerFactory(municipality=amsterdam, contact_person=advisor),
            expires_on=dt.date(2027, 1, 1),
        )
    advisor = type(advisor).objects.get(pk=advisor.pk)
    # grants, supply, vacancies, employers
    with django_assert_num_queries(4):
        rows = selectors.market_plan(user=advisor)
    assert len(rows) == n + 1
