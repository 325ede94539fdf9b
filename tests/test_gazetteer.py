"""The one gazetteer's wide regions: what cluster identity treats as too coarse to tell two happenings apart."""

from hypothesis import given
from hypothesis import strategies as st

from storyfold.stages.cluster.identity import _coarse_places
from storyfold.text.gazetteer import city_populations, region_names, without_possessive


def test_regions_hold_countries_states_continents_and_unions_but_not_cities():
    regions = region_names()
    for name in ("Lithuania", "Ohio", "OH", "Europe", "European Union", "Britain"):
        assert name in regions, name
    for city in ("Toledo", "Dayton", "Kyiv"):
        assert city in city_populations() and city not in regions, city


def test_cluster_identity_reads_its_coarse_places_from_the_gazetteer():
    assert {"ohio", "europe", "united states"} <= _coarse_places()
    assert "toledo" not in _coarse_places()


def test_currency_signs_are_cldrs_as_the_tool_writes_them():
    """``text/currency_signs.tsv`` is what ``tools/currency_signs.py`` derives from the installed
    Babel's CLDR data: rerun the tool after a Babel update."""
    import importlib.util
    from pathlib import Path

    from storyfold.text.gazetteer import CURRENCY_CODES, CURRENCY_SIGNS

    path = Path(__file__).resolve().parents[1] / "tools" / "currency_signs.py"
    spec = importlib.util.spec_from_file_location("currency_signs", path)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    derived = {}
    for sign, code, _source in tool.signs():
        derived.setdefault(sign, code)
    assert derived == CURRENCY_SIGNS
    assert {"$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB"}.items() <= CURRENCY_SIGNS.items()
    assert set(CURRENCY_SIGNS.values()) <= CURRENCY_CODES


def test_country_adjectives_are_wordnets_pertainyms_as_the_tool_writes_them():
    """``text/country_adjectives.tsv`` is what ``tools/country_adjectives.py`` derives from WordNet
    3.0's pertainyms and the gazetteer: rerun the tool after an update of either."""
    import importlib.util
    from pathlib import Path

    from storyfold.text.gazetteer import country_adjectives, country_names

    path = Path(__file__).resolve().parents[1] / "tools" / "country_adjectives.py"
    spec = importlib.util.spec_from_file_location("country_adjectives", path)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert dict(tool.adjectives()) == country_adjectives()
    names = country_names()
    # forms the demonyms of countryinfo lack ("Icelander", "Slovene"), now names of their country
    assert {"Icelandic": "Iceland", "Slovenian": "Slovenia", "Saudi": "Saudi Arabia"}.items() <= names.items()
    # old and figurative names WordNet ties to a country are left out
    assert not {"Gallic", "Norse", "Hellenic", "Soviet", "Cambrian"} & set(names)
    assert names["French"] == "France"  # a demonym is still the demonym's


@given(st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=12), st.sampled_from(["'s", "’s"]))
def test_a_possessive_folds_onto_its_name_and_nothing_else_is_cut(word, mark):
    assert without_possessive(word + mark) == word
    if not word.endswith("s") or word[-2:-1] not in ("'", "’"):
        assert without_possessive(word) == word
    assert without_possessive("Japan’s") == "Japan" and without_possessive("Jones") == "Jones"
