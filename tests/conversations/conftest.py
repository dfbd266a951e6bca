import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import ProgrammeFactory, ProviderFactory, TrajectoryFactory, UserFactory
from werkpad.core.permissions import Role

#: Monday 23 November 2026, 10:00 in Amsterdam.
MONDAY = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Werkkracht BV")


@pytest.fixture
def coach(provider):
    return UserFactory.with_role(Role.COACH, organisation=provider.organisation, username="coach")


@pytest.fixture
def trajectory(job_seeker, provider, coach):
    return TrajectoryFactory(
        job_seeker=job_seeker,
        programme=ProgrammeFactory(provider=provider, name="Werkfit Zorg"),
        coach=coach,
        started=True,
    )


@pytest.fixture
def colleague(amsterdam):
    """Another caseworker of Amsterdam: the contact person's stand-in."""
    return UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, username="collega")
