"""Entities and quotes over many real articles: time of each stage, and what they found.

    PYTHONPATH=src python benchmarks/entities_scale.py [DATA_DIR] [LIMIT]

Texts: the outlets' articles of the AllSides roundups (``DATA_DIR/neus-allsides``, DATA_DIR
defaults to ``../shared/data``), one paragraph per line, at most LIMIT articles (default: all).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from storyfold.config import load_settings
from storyfold.pipeline import Context
from storyfold.records import Article
from storyfold.stages.entities.entities import EntitiesStage
from storyfold.stages.entities.entity_merge import merge_entities
from storyfold.stages.quotes.quote_merge import merge_quotes
from storyfold.stages.quotes.quotes import find_quotes
from storyfold.text.embed import load_embedder


def load(data_dir: Path, limit: int | None) -> list[Article]:
    articles = []
    with (data_dir / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            for side in json.loads(line).get("news", {}).values():
                text = "\n".join(p.strip() for p in side.get("newBody", []) if p.strip())
                if text:
                    aid = hashlib.sha1(text.encode()).hexdigest()[:16]
                    articles.append(Article(id=aid, source=side.get("newsLink") or aid, text=text))
    unique = list({a.id: a for a in articles}.values())
    return unique[:limit] if limit else unique


def main(data_dir: Path, limit: int | None) -> None:
    articles = load(data_dir, limit)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words")
    ctx = Context(settings=load_settings())
    stage = EntitiesStage()
    stage.setup(ctx)
    timings = {}
    t0 = time.perf_counter()
    mentions = []
    for i in range(0, len(articles), 32):
        batch = articles[i : i + 32]
        mentions += [o["entity_mentions"] for o in stage.process_batch(batch, [{}] * len(batch), ctx)]
    timings["entities"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    variants = {a.id: find_quotes(a, m) for a, m in zip(articles, mentions, strict=True)}
    timings["quotes"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    entities = merge_entities({a.id: a.text for a in articles}, {a.id: m for a, m in zip(articles, mentions, strict=True)})
    timings["entity_merge"] = time.perf_counter() - t0
    embedder = load_embedder()
    t0 = time.perf_counter()
    quotes = merge_quotes(variants, entities, embedder.encode)
    timings["quote_merge (embedder loaded)"] = time.perf_counter() - t0
    for name, seconds in timings.items():
        print(f"  {name:30s} {seconds:7.2f} s   {words / seconds:9,.0f} words/s")
    n_variants = sum(len(v) for v in variants.values())
    direct = sum(v.direct for vs in variants.values() for v in vs)
    with_speaker = sum(v.speaker is not None for vs in variants.values() for v in vs)
    linked = sum(q.speaker_entity_id is not None for q in quotes)
    print(f"  {sum(len(m) for m in mentions)} mentions -> {len(entities)} entities; "
          f"{n_variants} quote variants ({direct} direct, {with_speaker} with a speaker) -> {len(quotes)} quotes "
          f"({sum(len(q.variants) > 1 for q in quotes)} with several variants, {linked} linked to an entity)")
    types = Counter(e.type.value for e in entities)
    print("  entities by type:", dict(types.most_common()))
    print("  most mentioned:", ", ".join(f"{e.name} ({len(e.mentions)})" for e in entities[:12]))


if __name__ == "__main__":
    shared = os.environ.get("STORYFOLD_SHARED") or str(Path(__file__).resolve().parent.parent.parent / "shared")
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(shared) / "data", int(sys.argv[2]) if len(sys.argv) > 2 else None)
