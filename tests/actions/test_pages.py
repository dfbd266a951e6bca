"""The pages of agreed actions: the job seeker's own first on /mijn/, the sections on the
plan and trajectory pages, a progress report's period; lists at a flat query count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.actions.conftest import NOW
from tests.actions.factories import ActionFactory
from werkpad.trajectories.models import ProgressReport

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def test_mijn_shows_the_job_seekers_own_actions_first_with_a_done_button(client, seeker, plan):
    action = ActionFactory(plan=plan, description="Bel de werkgever")
    client.force_login(seeker)
    html = client.get("/mijn/").content.decode()
    assert html.index("Wat u hebt afgesproken") < html.index("Uw contactpersoon")
    assert "Bel de werkgever" in html and f"/mijn/acties/{action.pk}/klaar/" in html
    response = client.post(f"/mijn/acties/{action.pk}/klaar/", {"next": "/mijn/"}, follow=True)
    assert "Goed gedaan" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "done"


def test_the_plan_page_has_the_actions_section(client, caseworker, plan, settings):
    settings.WERKPAD_STAFF_2FA = False
    ActionFactory(plan=plan, description="CV bijwerken")
    client.force_login(caseworker)
    html = client.get(f"/plannen/{plan.pk}/").content.decode()
    assert "Afgesproken acties" in html and "CV bijwerken" in html
    assert "Maak acties van de afgesproken activiteiten" in html


def test_the_trajectory_page_and_its_report_show_the_actions(client, coach, trajectory, settings):
    settings.WERKPAD_STAFF_2FA = False
    ActionFactory(trajectory=trajectory, description="Stage zoeken", due_on=dt.date(2026, 11, 10))
    ProgressReport.objects.create(
        trajectory=trajectory, progress="Gaat goed.", written_at=timezone.now()
    )
    client.force_login(coach)
    html = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    assert "Afgesproken acties" in html
    assert "Acties van deze periode" in html and "niet gedaan" in html


@pytest.mark.parametrize("count", [1, 10, 50])
def test_the_api_list_costs_the_same_queries_at_any_length(
    count, api, caseworker, plan, django_assert_max_num_queries
):
    ActionFactory.create_batch(count, plan=plan)
    api.as_user(caseworker)
    with django_assert_max_num_queries(8):
        response = api.get(f"/api/v1/plans/{plan.pk}/actions?pageSize=50")
    assert response.status_code == 200 and len(response.json()["results"]) == count


@pytest.mark.parametrize("count", [1, 10, 50])
def test_the_staff_list_costs_the_same_queries_at_any_length(
    count, client, caseworker, plan, settings, django_assert_max_num_queries
):
    settings.WERKPAD_STAFF_2FA = False
    ActionFactory.create_batch(count, plan=plan)
    client.force_login(caseworker)
    with django_assert_max_num_queries(14):
        response = client.get("/acties/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 10, 50])
def test_the_own_list_costs_the_same_queries_at_any_length(
    count, client, seeker, plan, django_assert_max_num_queries
):
    ActionFactory.create_batch(count, plan=plan)
    client.force_login(seeker)
    with django_assert_max_num_queries(12):
        response = client.get("/mijn/acties/")
    assert response.status_code == 200
