"""The pages and API of referrals and placements (MA2-MA4): the conflict of interest on
the referral page and the Dutch message when it is not confirmed, the employer without
the after-care plan, the follow-ups in the caseworker's worklist turning overdue, the
wage refusal as problem+json, lists at a flat query count."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tests.factories import JobSeekerFactory
from tests.placements.conftest import NOW
from tests.placements.factories import PlacementFactory, VacancyReferralFactory
from werkpad.core.worklist import worklist_for
from werkpad.placements.models import VacancyReferral

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.WERKPAD_STAFF_2FA = False


def test_the_conflict_of_interest_is_shown_and_must_be_confirmed(
    client, caseworker, job_seeker, vacancy, provider, running_trajectory
):
    provider.affiliated_organisations.add(vacancy.employer.organisation)
    client.force_login(caseworker)
    html = client.get(f"/plaatsingen/verwijzen/{job_seeker.pk}/").content.decode()
    assert "Belangenverstrengeling" in html and "Werkkracht BV" in html
    response = client.post(f"/plaatsingen/verwijzen/{job_seeker.pk}/", {"vacancy": vacancy.pk})
    assert response.status_code == 400
    assert "Bevestig dat u dit hebt gezien" in response.content.decode()
    assert not VacancyReferral.objects.exists()
    response = client.post(
        f"/plaatsingen/verwijzen/{job_seeker.pk}/",
        {"vacancy": vacancy.pk, "conflict_confirmed": "on"},
        follow=True,
    )
    html = response.content.decode()
    assert "belangenverstrengeling" in html and "is gelieerd aan Werkkracht BV" in html


def test_the_employer_sees_its_placement_without_the_after_care_plan(
    client, employer_user, employer, job_seeker
):
    placement = PlacementFactory(
        job_seeker=job_seeker, employer=employer, aftercare_plan="Let op de rugklachten."
    )
    client.force_login(employer_user)
    html = client.get(f"/plaatsingen/{placement.pk}/").content.decode()
    assert "Medewerker productie" in html and "rugklachten" not in html


def test_the_api_gives_the_employer_no_after_care_plan(api, employer_user, caseworker, employer):
    placement = PlacementFactory(employer=employer, aftercare_plan="Let op de rugklachten.")
    body = api.as_user(employer_user).get(f"/api/v1/placements/{placement.pk}").json()
    assert body["aftercarePlan"] is None and len(body["followUps"]) == 2
    body = api.as_user(caseworker).get(f"/api/v1/placements/{placement.pk}").json()
    assert body["aftercarePlan"] == "Let op de rugklachten."


def test_a_wage_under_the_minimum_is_a_problem_with_a_clear_detail(api, caseworker, job_seeker):
    response = api.as_user(caseworker).post(
        "/api/v1/placements",
        {
            "jobSeeker": job_seeker.pk,
            "employerName": "Groothandel Noord",
            "jobTitle": "Magazijnmedewerker",
            "startDate": "2026-03-09",
            "contractType": "permanent",
            "hoursPerWeek": "32.0",
            "hourlyWage": "12.00",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "14,71" in response.json()["detail"]


def test_follow_ups_enter_the_worklist_and_turn_overdue(caseworker, job_seeker):
    placement = PlacementFactory(job_seeker=job_seeker, start_date=dt.date(2025, 9, 10))
    section = next(s for s in worklist_for(caseworker) if s.key == "placements-follow-ups")
    assert section.count == 1 and not section.items[0].overdue
    with time_machine.travel(dt.datetime(2026, 3, 11, 10, tzinfo=NOW.tzinfo), tick=False):
        section = next(s for s in worklist_for(caseworker) if s.key == "placements-follow-ups")
        assert section.items[0].overdue
        assert f"/plaatsingen/{placement.pk}/nazorg/" in section.items[0].url


def test_the_file_shows_the_referrals_and_placements(client, caseworker, job_seeker, vacancy):
    VacancyReferralFactory(job_seeker=job_seeker, vacancy=vacancy)
    PlacementFactory(job_seeker=job_seeker)
    client.force_login(caseworker)
    html = client.get(f"/werkzoekenden/{job_seeker.pk}/").content.decode()
    assert "Werk: verwijzingen en plaatsingen" in html
    assert "Schoonmaker kantoren" in html and "Medewerker productie" in html


@pytest.mark.parametrize("count", [1, 10, 50])
def test_the_placement_list_costs_the_same_queries_at_any_length(
    count, api, caseworker, amsterdam, employer, django_assert_max_num_queries
):
    for _ in range(count):
        PlacementFactory(employer=employer, job_seeker=JobSeekerFactory(municipality=amsterdam))
    api.as_user(caseworker)
    with django_assert_max_num_queries(10):
        response = api.get("/api/v1/placements?pageSize=50")
    assert response.status_code == 200 and len(response.json()["results"]) == count


@pytest.mark.parametrize("count", [1, 10, 50])
def test_the_referral_list_costs_the_same_queries_at_any_length(
    count, api, caseworker, amsterdam, vacancy, django_assert_max_num_queries
):
    for _ in range(count):
        VacancyReferralFactory(vacancy=vacancy, job_seeker=JobSeekerFactory(municipality=amsterdam))
    api.as_user(caseworker)
    with django_assert_max_num_queries(8):
        response = api.get("/api/v1/vacancy-referrals?pageSize=50")
    assert response.status_code == 200 and len(response.json()["results"]) == count


@pytest.mark.parametrize("count", [1, 10, 50])
def test_the_placements_page_costs_the_same_queries_at_any_length(
    count, client, caseworker, amsterdam, employer, django_assert_max_num_queries
):
    for _ in range(count):
        PlacementFactory(employer=employer, job_seeker=JobSeekerFactory(municipality=amsterdam))
    client.force_login(caseworker)
    with django_assert_max_num_queries(18):
        response = client.get("/plaatsingen/")
    assert response.status_code == 200
