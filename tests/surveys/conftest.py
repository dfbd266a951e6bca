import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import UserFactory
from werkpad.core.permissions import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def policy_officer(amsterdam):
    return UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam, username="beleid")


@pytest.fixture
def council_member(amsterdam):
    return UserFactory.with_role(Role.COUNCIL_MEMBER, municipality=amsterdam, username="raadslid")
