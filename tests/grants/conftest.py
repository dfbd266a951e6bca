import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import InstrumentFactory, UserFactory
from werkpad.core.permissions import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM)


@pytest.fixture
def instrument(amsterdam):
    return InstrumentFactory(municipality=amsterdam, type="job_coaching", name="Jobcoaching")


@pytest.fixture
def policy_officer(amsterdam):
    return UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam)
