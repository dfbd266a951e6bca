import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import (
    EmployerFactory,
    InstrumentFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    VacancyFactory,
)
from werkpad.core.permissions import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 3, 2, 10, tzinfo=AMSTERDAM)


@pytest.fixture
def employer(amsterdam):
    return EmployerFactory(municipality=amsterdam)


@pytest.fixture
def vacancy(employer):
    return VacancyFactory(employer=employer, positions=1)


@pytest.fixture
def employer_advisor(employer):
    return employer.contact_person


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Werkkracht BV")


@pytest.fixture
def running_trajectory(job_seeker, provider):
    return TrajectoryFactory(
        job_seeker=job_seeker, programme=ProgrammeFactory(provider=provider), status="accepted"
    )


@pytest.fixture
def subsidy(amsterdam):
    return InstrumentFactory(
        municipality=amsterdam, type="wage_cost_subsidy_lasting", name="Loonkostensubsidie"
    )


@pytest.fixture
def employer_user(employer):
    return UserFactory.with_role(Role.EMPLOYER, organisation=employer.organisation)
