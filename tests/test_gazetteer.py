"""The one gazetteer's wide regions: what cluster identity treats as too coarse to tell two happenings apart."""

from storyfold.stages.cluster.identity import _coarse_places
from storyfold.text.gazetteer import city_populations, region_names


def test_regions_hold_countries_states_continents_and_unions_but_not_cities():
    regions = region_names()
    for name in ("Lithuania", "Ohio", "OH", "Europe", "European Union", "Britain"):
        assert name in regions, name
    for city in ("Toledo", "Dayton", "Kyiv"):
        assert city in city_populations() and city not in regions, city


def test_cluster_identity_reads_its_coarse_places_from_the_gazetteer():
    assert {"ohio", "europe", "united states"} <= _coarse_places()
    assert "toledo" not in _coarse_places()
