import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import ProgrammeFactory, ProviderFactory, UserFactory
from werkpad.core.permissions import Role

#: Monday 23 November 2026, 10:00 in Amsterdam: three working days ahead is Thursday 26.
MONDAY = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Werkkracht BV")


@pytest.fixture
def programme(provider):
    return ProgrammeFactory(provider=provider, name="Werkfit Zorg")


@pytest.fixture
def coach(provider):
    return UserFactory.with_role(
        Role.COACH, organisation=provider.organisation, username="trajectbegeleider"
    )
