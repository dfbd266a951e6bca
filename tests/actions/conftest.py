import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import (
    PlanFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.core.permissions import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM)


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Werkkracht BV")


@pytest.fixture
def coach(provider):
    return UserFactory.with_role(Role.COACH, organisation=provider.organisation)


@pytest.fixture
def plan(job_seeker):
    return PlanFactory(job_seeker=job_seeker, in_effect=True)


@pytest.fixture
def trajectory(job_seeker, provider, coach):
    return TrajectoryFactory(
        job_seeker=job_seeker,
        programme=ProgrammeFactory(provider=provider),
        started=True,
        coach=coach,
    )


@pytest.fixture
def seeker(job_seeker):
    return job_seeker_login(job_seeker)
