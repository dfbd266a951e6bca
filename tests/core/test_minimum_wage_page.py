"""TR6: the functional administrator's page for a newly published minimum wage."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tests.factories import JobSeekerFactory, TrajectoryFactory, UserFactory
from werkpad.core.minimum_wage import WageCheck
from werkpad.core.models import AuditEvent, MinimumWageRate
from werkpad.core.permissions import Role
from werkpad.trajectories import services
from werkpad.trajectories.models import EndReport

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 29, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]
URL = "/minimumloon/"


@pytest.fixture
def admin(role_user, settings):
    settings.WERKPAD_STAFF_2FA = False
    return role_user(Role.FUNCTIONAL_ADMIN)


@pytest.fixture
def waiting_report(amsterdam):
    trajectory = TrajectoryFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam), started=True
    )
    coach = UserFactory.with_role(Role.COACH, organisation=trajectory.provider.organisation)
    services.trajectory_complete(
        user=coach,
        trajectory_id=trajectory.pk,
        expected_version=1,
        end_report={
            "outcome": "work",
            "contract_type": "permanent",
            "hours_per_week": Decimal("32"),
            "hourly_wage": Decimal("14.90"),
            "employer_name": "Bakkerij Zuid",
            "work_start_date": dt.date(2026, 10, 5),
            "cao_conform": True,
        },
    )
    return EndReport.objects.get(trajectory=trajectory)


def test_the_page_names_the_missing_rate_and_offers_the_next_date(client, admin, waiting_report):
    client.force_login(admin)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Het minimumloon vanaf 1 juli 2026" in page
    assert "1 loontoets wacht erop" in page
    assert 'value="2026-07-01"' in page
    assert "€ 14.71" in page or "€ 14,71" in page


def test_entering_the_rate_on_the_page_runs_the_waiting_checks(client, admin, waiting_report):
    client.force_login(admin)
    response = client.post(
        URL, {"valid_from": "2026-07-01", "adult_hourly": "15.00", "source": "SZW besluit"}
    )
    assert response.status_code == 302 and response.url == URL
    assert MinimumWageRate.objects.filter(valid_from=dt.date(2026, 7, 1)).count() == 10
    waiting_report.refresh_from_db()
    assert waiting_report.wage_check == WageCheck.BELOW_MINIMUM
    assert waiting_report.minimum_wage == Decimal("15.00")
    assert AuditEvent.objects.get(object_type="minimum-wage").actor == admin
    assert AuditEvent.objects.filter(
        object_type="trajectory", actor=admin, detail__startswith="wage check: below_minimum"
    ).exists()
    page = client.get(URL).content.decode()
    assert "1 wachtende loontoets is opnieuw uitgevoerd; 1 ligt onder het minimumloon." in page
    assert "Elk minimumloon dat geldt, is ingevoerd." in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"valid_from": "2026-08-01", "adult_hourly": "15.00", "source": "SZW"},
            "Het minimumloon verandert alleen op 1 januari en 1 juli.",
        ),
        ({"valid_from": "2027-01-01", "adult_hourly": "15.00", "source": "SZW"}, "gat"),
        ({"valid_from": "2026-07-01", "adult_hourly": "0", "source": "SZW"}, "minstens 0.01"),
        ({"valid_from": "2026-07-01", "adult_hourly": "15.00", "source": ""}, "verplicht"),
    ],
)
def test_a_wrong_entry_is_refused_in_dutch_and_nothing_is_written(
    client, admin, waiting_report, data, message
):
    client.force_login(admin)
    response = client.post(URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not MinimumWageRate.objects.filter(valid_from__gt=dt.date(2026, 1, 1)).exists()
    waiting_report.refresh_from_db()
    assert waiting_report.wage_check == WageCheck.WAITING_FOR_RATE
