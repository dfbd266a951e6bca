import pytest

from tests.factories import ProgrammeFactory, ProviderFactory, TrajectoryFactory, UserFactory
from werkpad.core.permissions import Role


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Werkkracht BV")


@pytest.fixture
def trajectory(job_seeker, provider):
    return TrajectoryFactory(
        job_seeker=job_seeker, programme=ProgrammeFactory(provider=provider), started=True
    )


@pytest.fixture
def coach(provider):
    return UserFactory.with_role(Role.COACH, organisation=provider.organisation)
