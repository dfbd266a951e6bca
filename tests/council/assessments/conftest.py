import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from tests.council.assessments.factories import CouncilFactory
from tests.factories import MunicipalityFactory, RegionFactory, UserFactory
from werkpad.core.permissions import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM)


@pytest.fixture
def councils(amsterdam):
    """Amsterdam's council, Diemen's beside it in the same region, and Utrecht's in
    another region; a member of each and Amsterdam's policy officer."""
    diemen = MunicipalityFactory(name="Diemen", cbs_code="GM0384", region=amsterdam.region)
    utrecht = MunicipalityFactory(
        name="Utrecht", cbs_code="GM0344", region=RegionFactory(code="UT01", name="Midden-Utrecht")
    )
    own = CouncilFactory(municipality=amsterdam, name="Cliëntenraad Amsterdam")
    neighbour = CouncilFactory(municipality=diemen, name="Cliëntenraad Diemen")
    far = CouncilFactory(municipality=utrecht, name="Cliëntenraad Utrecht")
    return SimpleNamespace(
        own=own,
        neighbour=neighbour,
        far=far,
        member=UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=own, username="raadslid"),
        neighbour_member=UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=neighbour),
        far_member=UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=far),
        policy_officer=UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam),
    )
