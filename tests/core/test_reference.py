"""Reference data shipped as versioned data: the 35 labour-market regions."""

from __future__ import annotations

import pytest

from werkpad.core.models import LabourMarketRegion
from werkpad.core.reference import load_labour_market_regions, read_table

pytestmark = pytest.mark.django_db

SOME_REGIONS = {
    "Groningen",
    "Noord-Holland (Noord)",
    "Zaanstreek/Waterland",
    "Groot Amsterdam",
    "Stedendriehoek en Noordwest Veluwe",
    "Gooi- en Vechtstreek",
    "Rijk van Nijmegen",
    "Helmond-De Peel",
    "Zuid-Limburg",
}


def test_the_35_regions_are_loaded_with_source_and_data_version():
    regions = list(LabourMarketRegion.objects.all())
    assert len(regions) == 35
    assert [r.code for r in regions] == [f"AM{n:02d}" for n in range(1, 36)]
    assert len({r.name for r in regions}) == 35
    assert {r.name for r in regions} >= SOME_REGIONS
    for region in regions:
        assert region.source.startswith("CBS")
        assert region.data_version == "2024"


def test_the_table_names_its_source():
    rows, source = read_table("labour_market_regions.csv")
    assert len(rows) == 35
    assert "CBS" in source
    assert set(rows[0]) == {"code", "name", "data_version"}


def test_loading_again_changes_nothing():
    assert load_labour_market_regions(LabourMarketRegion) == 35
    assert LabourMarketRegion.objects.count() == 35
