"""Small word lists the entity and quote stages share: titles, speech verbs, places the small
English model is known to mislabel, country aliases, and name normalisation.

These are general news vocabulary, not answers for any one corpus. Each list is short on purpose:
a word goes in when leaving it out makes a systematic error (see ``docs/entities.md``).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ACRONYM_ORGS",
    "COUNTRY_ALIASES",
    "DEPARTMENT_WORDS",
    "HONORIFICS",
    "KNOWN_PLACES",
    "PERSON_TITLES",
    "SHIP_PREFIXES",
    "SPEECH_VERBS",
    "TITLE_HEADS",
    "name_key",
    "title_before",
]

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

# Organisations written as a word in British style ("Nato") that the model can miss or mistag.
ACRONYM_ORGS = frozenset(
    "NATO Nato OPEC Opec ASEAN Asean UNESCO Unesco UNICEF Unicef NASA Nasa FIFA Fifa Interpol Europol "
    "Frontex Ofcom Ofgem Ofsted Unhcr UNHCR".split()
)

# Spelling variants that are one country: the key (see name_key) -> canonical name.
_COUNTRY_GROUPS = {
    "United States": ("US", "USA", "United States", "United States of America", "America", "U.S.", "U.S.A."),
    "United Kingdom": ("UK", "United Kingdom", "Britain", "Great Britain", "U.K."),
    "European Union": ("EU", "European Union", "E.U."),
    "United Nations": ("UN", "United Nations", "U.N."),
    "Russia": ("Russia", "Russian Federation"),
    "China": ("China", "People's Republic of China", "PRC"),
    "South Korea": ("South Korea", "Republic of Korea"),
    "North Korea": ("North Korea", "DPRK"),
    "Netherlands": ("Netherlands", "Holland"),
    "Czechia": ("Czechia", "Czech Republic"),
    "Turkey": ("Turkey", "Türkiye", "Turkiye"),
    "Kyiv": ("Kyiv", "Kiev"),
}

# Titles before a name ("Prime Minister Keir Starmer"); the head words end a title.
TITLE_HEADS = frozenset(
    """president vice-president prime premier minister secretary secretary-general chancellor king queen
    prince princess pope governor mayor senator congressman congresswoman representative ambassador
    spokesman spokeswoman spokesperson chief director chairman chairwoman chair ceo adviser advisor
    commissioner general admiral colonel commander leader envoy judge justice speaker""".split()
)
# Titles that, first in a span tagged ORG or GPE, show the rest is a person's name.
PERSON_TITLES = frozenset(
    """spokeswoman spokesman spokesperson president senator ceo minister mr mrs ms dr sir lord lady dame
    chairman chairwoman governor mayor ambassador prime congressman congresswoman""".split()
)
HONORIFICS = frozenset("sir dame lord lady baroness baron mr mrs ms miss dr prof professor rev".split())
# Words that name a ministry in a title ("Defence Secretary"); the model tags them ORG.
DEPARTMENT_WORDS = frozenset(
    """defence defense health home foreign finance interior justice education environment energy trade
    treasury transport culture business work pensions labour security culture agriculture""".split()
)
SHIP_PREFIXES = ("HMS", "USS", "HMAS", "HMCS", "HMNZS", "RFA", "INS", "JS", "RV", "MV", "SS")

# Speech verbs: "said", "told", ... Inflected forms, lower case.
SPEECH_VERBS = frozenset(
    """say says said saying tell tells told telling state states stated stating add adds added adding
    remark remarks remarked announce announces announced warn warns warned stress stresses stressed note
    notes noted explain explains explained insist insists insisted claim claims claimed argue argues argued
    declare declares declared acknowledge acknowledges acknowledged admit admits admitted assert asserts
    asserted confirm confirms confirmed deny denies denied reveal reveals revealed report reports reported
    write writes wrote emphasise emphasised emphasize emphasized emphasizes emphasises suggest suggests
    suggested predict predicts predicted comment comments commented reply replies replied inform informs
    informed urge urges urged ask asks asked pledge pledges pledged promise promises promised vow vows vowed
    describe describes described indicate indicates indicated""".split()
)

_DOTS = re.compile(r"\.(?=\w|$)")
_NON_WORD = re.compile(r"[^\w]+")


def name_key(text: str) -> str:
    """A comparison key: accents folded, dots and punctuation dropped, lower case, a leading
    "the" and a trailing possessive removed. "The U.S.'s" -> "us"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’']s$", "", text.strip())
    text = _DOTS.sub("", text)
    words = _NON_WORD.sub(" ", text).lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


COUNTRY_ALIASES: dict[str, str] = {name_key(v): canon for canon, vs in _COUNTRY_GROUPS.items() for v in vs}



def title_before(text: str, start: int) -> str:
    """The title written right before position ``start`` ("UK Prime Minister " -> "prime minister"):
    words back from ``start`` while each is a title word, a department or an honorific."""
    words: list[str] = []
    pos = start
    while len(words) < 5:
        chunk = text[max(0, pos - 40) : pos]
        m = re.search(r"([A-Za-z][A-Za-z-]*)\s+$", chunk)
        if not m:
            break
        word = m.group(1).lower()
        if word in TITLE_HEADS or word in DEPARTMENT_WORDS or word in HONORIFICS or (words and word == "deputy"):
            words.insert(0, word)
            pos -= len(chunk) - m.start()
        else:
            break
    return " ".join(w for w in words if w not in HONORIFICS)
