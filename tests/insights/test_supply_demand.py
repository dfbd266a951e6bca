"""Occupations and sectors in supply versus demand on the composition page (JS6)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import EmployerFactory, JobSeekerFactory, VacancyFactory
from tests.matching.factories import SearchProfileFactory
from werkpad.core.permissions import Role
from werkpad.employers.workflow import Status
from werkpad.insights.selectors import composition_get

AMS = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=AMS)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def market(amsterdam):
    """Supply: 12 seeking cleaning (9112) first, 3 seeking a warehouse job (4321) first and
    cleaning second, 2 without a search profile. Demand in the region: cleaning at a
    cleaning firm (N) with 3 positions and at a care home (Q), a warehouse job at a
    logistics firm (H); a filled and an expired vacancy do not count."""
    for _ in range(12):
        SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam))
    for _ in range(3):
        SearchProfileFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam), occupation_codes=["4321", "9112"]
        )
    JobSeekerFactory.create_batch(2, municipality=amsterdam)
    cleaning = EmployerFactory(municipality=amsterdam, sbi_section="N", sbi_division="81")
    care = EmployerFactory(municipality=amsterdam, sbi_section="Q", sbi_division="87")
    logistics = EmployerFactory(municipality=amsterdam, sbi_section="H", sbi_division="52")
    VacancyFactory(employer=cleaning, positions=3)
    VacancyFactory(employer=care)
    VacancyFactory(employer=logistics, occupation_code="4321", title="Magazijnmedewerker")
    VacancyFactory(employer=cleaning, status=Status.FILLED)
    VacancyFactory(employer=care, expires_on=dt.date(2026, 11, 1))


def rows(table):
    return {row.key: (row.supply.count, row.vacancies, row.positions) for row in table}


def test_supply_and_demand_by_occupation_add_up_to_the_file(role_user, market):
    sd = composition_get(user=role_user(Role.POLICY_OFFICER)).supply_demand
    by_group = rows(sd.occupations)
    assert by_group["9"] == (12, 2, 4)
    assert by_group["4"] == (3, 1, 1)
    assert by_group["none"] == (2, 0, 0)
    assert sum(count for count, _v, _p in by_group.values()) == 17
    assert (sd.open_vacancies, sd.open_positions) == (3, 5)


def test_a_sector_counts_the_job_seekers_seeking_what_it_asks_first(role_user, market):
    sd = composition_get(user=role_user(Role.POLICY_OFFICER)).supply_demand
    assert rows(sd.sectors) == {"H": (3, 1, 1), "N": (12, 1, 3), "Q": (12, 1, 1)}


@override_settings(WERKPAD_MIN_CELL=10)
def test_the_council_sees_no_small_group_of_job_seekers(role_user, market):
    sd = composition_get(user=role_user(Role.COUNCIL_MEMBER)).supply_demand
    occupations = {row.key: row.supply for row in sd.occupations}
    # 3 and 2 are small; 12 is then hidden too, so neither can be worked out from 17.
    assert occupations["4"].suppressed and occupations["4"].count is None
    assert occupations["none"].suppressed
    assert all(
        cell.count is None or cell.count == 0 or cell.count >= 10 for cell in occupations.values()
    )
    sectors = {row.key: row.supply for row in sd.sectors}
    assert sectors["H"].count is None and sectors["N"].count == 12
    # Vacancies are not people: the council sees the demand as it is.
    assert {row.key: row.positions for row in sd.sectors} == {"H": 1, "N": 3, "Q": 1}


def test_the_page_shows_supply_beside_demand(role_user, market, client):
    client.force_login(role_user(Role.POLICY_OFFICER))
    page = client.get(reverse("insights:composition")).content.decode()
    assert "Elementaire beroepen" in page
    assert "Administratief personeel" in page
    assert "Geen zoekprofiel" in page
