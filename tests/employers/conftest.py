import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import EmployerFactory, OrganisationFactory, UserFactory
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM)


@pytest.fixture
def advisor(amsterdam):
    return UserFactory.with_role(
        Role.EMPLOYER_ADVISOR, municipality=amsterdam, username="werkgeversadviseur"
    )


@pytest.fixture
def employer(amsterdam, advisor):
    organisation = OrganisationFactory(
        municipality=amsterdam, kind=Organisation.Kind.EMPLOYER, name="Bakkerij Van der Molen B.V."
    )
    return EmployerFactory(
        municipality=amsterdam, organisation=organisation, contact_person=advisor
    )


@pytest.fixture
def employer_user(employer):
    return UserFactory.with_role(Role.EMPLOYER, organisation=employer.organisation)
