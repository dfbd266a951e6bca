import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import OrganisationFactory, UserFactory
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: Monday 23 November 2026, 10:00.
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM)


@pytest.fixture
def council(amsterdam):
    return OrganisationFactory(
        municipality=amsterdam, kind=Organisation.Kind.COUNCIL, name="Cliëntenraad Amsterdam"
    )


@pytest.fixture
def other_council(zaandam):
    return OrganisationFactory(
        municipality=zaandam, kind=Organisation.Kind.COUNCIL, name="Cliëntenraad Zaanstad"
    )


@pytest.fixture
def member(council):
    return UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=council, username="raadslid")


@pytest.fixture
def other_member(other_council):
    return UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=other_council)


@pytest.fixture
def officer(amsterdam, council):
    return UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam, username="beleid")
