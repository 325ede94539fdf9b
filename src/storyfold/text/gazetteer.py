"""The one gazetteer: countries, unions of countries and cities with their other spellings,
demonyms and capitals, and the place names the small English model is known to mislabel.

Every stage that needs to know that "Britain", "the U.K." and "London" point at the United
Kingdom asks here: the entity stages for alias merging and mislabelled places, the commitments
stage for its actors, reconciliation for the names that do not tell two claims apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["KNOWN_PLACES", "PLACES", "Place", "PlaceKind", "country_names"]


class PlaceKind(StrEnum):
    COUNTRY = "country"
    UNION = "union"  # a union or organisation of countries named like a place ("the EU")
    CITY = "city"


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place under its canonical ``name``, with the other ways news text names it."""

    name: str
    kind: PlaceKind = PlaceKind.COUNTRY
    spellings: tuple[str, ...] = ()  # other names and abbreviations of the place itself
    demonyms: tuple[str, ...] = ()  # adjectives and nouns of its people ("Japanese")
    seats: tuple[str, ...] = ()  # capitals and seats of government used as metonyms ("Tokyo", "the Kremlin")


_C, _U, _CITY = PlaceKind.COUNTRY, PlaceKind.UNION, PlaceKind.CITY

PLACES: tuple[Place, ...] = (
    Place(name="United States", spellings=("US", "USA", "United States of America", "America", "U.S.", "U.S.A."),
          demonyms=("American", "Americans"), seats=("Washington",)),
    Place(name="United Kingdom", spellings=("UK", "Britain", "Great Britain", "U.K."), demonyms=("British",),
          seats=("London", "Whitehall")),
    Place(name="France", demonyms=("French",), seats=("Paris",)),
    Place(name="Germany", demonyms=("German",), seats=("Berlin",)),
    Place(name="Japan", demonyms=("Japanese",), seats=("Tokyo",)),
    Place(name="Finland", demonyms=("Finnish",), seats=("Helsinki",)),
    Place(name="Australia", demonyms=("Australian",), seats=("Canberra",)),
    Place(name="Canada", demonyms=("Canadian",), seats=("Ottawa",)),
    Place(name="Italy", demonyms=("Italian",), seats=("Rome",)),
    Place(name="Poland", demonyms=("Polish",), seats=("Warsaw",)),
    Place(name="Turkey", spellings=("Türkiye", "Turkiye"), demonyms=("Turkish",), seats=("Ankara",)),
    Place(name="New Zealand"),
    Place(name="Netherlands", spellings=("Holland",), demonyms=("Dutch",)),
    Place(name="Denmark", demonyms=("Danish",)),
    Place(name="Sweden", demonyms=("Swedish",)),
    Place(name="Norway", demonyms=("Norwegian",)),
    Place(name="Spain", demonyms=("Spanish",)),
    Place(name="South Korea", spellings=("Republic of Korea",), seats=("Seoul",)),
    Place(name="North Korea", spellings=("DPRK",)),
    Place(name="China", spellings=("People's Republic of China", "PRC"), demonyms=("Chinese",), seats=("Beijing",)),
    Place(name="Russia", spellings=("Russian Federation",), demonyms=("Russian",), seats=("Moscow", "Kremlin")),
    Place(name="Ukraine", demonyms=("Ukrainian",), seats=("Kyiv", "Kiev")),
    Place(name="Czechia", spellings=("Czech Republic",)),
    Place(name="European Union", kind=_U, spellings=("EU", "E.U.")),
    Place(name="United Nations", kind=_U, spellings=("UN", "U.N.")),
    Place(name="Kyiv", kind=_CITY, spellings=("Kiev",)),
)


def country_names() -> dict[str, str]:
    """Every name, spelling, demonym and seat of a country -> the country's canonical name."""
    found: dict[str, str] = {}
    for place in PLACES:
        if place.kind is PlaceKind.COUNTRY:
            for name in (place.name, *place.spellings, *place.demonyms, *place.seats):
                found[name] = place.name
    return found


# Countries and capitals the small model tags PERSON or ORG in news ("Kyiv" as a person). Names that
# are also common first names or surnames (Jordan, Chad, Georgia, Victoria) are left out.
KNOWN_PLACES = frozenset(
    """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahrain
    Bangladesh Belarus Belgium Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Burundi Cambodia
    Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Ecuador Egypt
    Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Germany Ghana Greece Guatemala Guinea
    Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan Kazakhstan
    Kenya Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania
    Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Moldova Monaco
    Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway
    Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda
    Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland
    Syria Taiwan Tajikistan Tanzania Thailand Togo Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay
    Uzbekistan Venezuela Vietnam Yemen Zambia Zimbabwe Crimea Donbas Donetsk Luhansk Kharkiv Kherson
    Zaporizhzhia Odesa Odessa Mariupol Bakhmut Gaza Kyiv Kiev Moscow Minsk Tbilisi Yerevan Baku Warsaw
    Vilnius Riga Tallinn Helsinki Stockholm Oslo Copenhagen Berlin Paris London Brussels Amsterdam Madrid
    Lisbon Rome Vienna Prague Budapest Bratislava Bucharest Sofia Belgrade Zagreb Ljubljana Athens Ankara
    Tehran Baghdad Damascus Beirut Amman Riyadh Doha Cairo Tripoli Tunis Algiers Rabat Nairobi Addis Abuja
    Pretoria Kabul Islamabad Delhi Dhaka Kathmandu Colombo Beijing Shanghai Taipei Seoul Pyongyang Tokyo
    Manila Hanoi Bangkok Jakarta Canberra Wellington Ottawa Washington Brasilia Caracas Bogota Lima Santiago
    Havana Kinshasa Khartoum Mogadishu Jerusalem Kyoto Osaka Hiroshima Nagasaki Okinawa Sapporo""".split()
)
