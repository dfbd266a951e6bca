import pytest
from django.utils import translation

from tests.factories import ProgrammeFactory, ProviderFactory, TrajectoryFactory, UserFactory
from tests.secondopinions.factories import advisor_office
from werkpad.core.permissions import Role


@pytest.fixture
def english():
    """Messages in English, so that tests can read them."""
    with translation.override("en"):
        yield


@pytest.fixture
def office(amsterdam):
    return advisor_office(amsterdam)


@pytest.fixture
def advisor(office):
    return UserFactory.with_role(Role.ADVISOR, organisation=office, username="adviseur")


@pytest.fixture
def second_advisor(office):
    """Another advisor of the same office."""
    return UserFactory.with_role(Role.ADVISOR, organisation=office, username="adviseur-twee")


@pytest.fixture
def other_office_advisor(zaandam):
    return UserFactory.with_role(
        Role.ADVISOR, organisation=advisor_office(zaandam), username="adviseur-zaanstad"
    )


@pytest.fixture
def programme(amsterdam):
    return ProgrammeFactory(
        provider=ProviderFactory(municipality=amsterdam, name="Werkkracht BV"), name="Werkfit"
    )


@pytest.fixture
def trajectory(job_seeker, programme):
    return TrajectoryFactory(job_seeker=job_seeker, programme=programme, started=True)
