"""Lineages in the export: the list, each article's ``lineage_id``, and views that count sources
the way the reconcile stage does."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyfold.present.export import validate_export
from storyfold.present.views import DocIndex
from storyfold.stages.copies.lineage import outlet_key

pytestmark = pytest.mark.slow  # folds the seeds with every stage


def test_every_article_names_its_lineage_and_000_shares_001s(folded_seeds):
    _db, data = folded_seeds
    validate_export(data)
    name = {a["id"]: Path(a["source"]).name[:3] for a in data["articles"]}
    lineages = {ln["id"]: ln for ln in data["lineages"]}
    assert sorted(sorted(name[a] for a in ln["article_ids"]) for ln in lineages.values()) == [
        ["000", "001"], ["002"], ["003"], ["004"]]
    for a in data["articles"]:
        assert a["id"] in lineages[a["lineage_id"]]["article_ids"]
    shared = lineages[next(a["lineage_id"] for a in data["articles"] if name[a["id"]] == "000")]
    assert name[shared["root"]] == "001" and shared["outlets"] == ["inews.co.uk"]


def test_views_count_independent_sources_as_the_claims_do(folded_seeds):
    _db, data = folded_seeds
    ix = DocIndex(data)
    claims = [c for c in data["claims"] if len(c["article_ids"]) > 1]
    assert claims, "the seeds corroborate some claims across articles"
    for c in claims:
        assert ix.independent(c["article_ids"]) == c["independent_sources"], c["text"]
    ids = [a["id"] for a in data["articles"]]
    assert ix.independent(ids) == 4  # 000 rewrites 001; 002, 003, 004 report independently


def test_an_outlet_is_its_name_else_its_web_host():
    assert outlet_key(" Reuters ") == outlet_key("reuters") == "reuters"
    assert outlet_key(None, "https://www.BBC.co.uk/news/1") == "bbc.co.uk"
    assert outlet_key("", "not a url") is None and outlet_key(None, None) is None
    assert outlet_key("AP", "https://apnews.com/x") == "ap"
