"""The web tests' database: the seeds plus one hostile article, with stand-in corpus records.

Every registered stage runs. For the kinds no registered stage provides yet (claims, commitments,
conflicts, the brief), :class:`SeedRecords` stands in: a test corpus stage that derives those records
from the seeds' real text by literal patterns (every record points at the sentence it was found in;
nothing is stored that the text does not contain). It runs after the registered stages.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from storyfold import api
from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs, Pipeline
from storyfold.records import (
    BriefSentence,
    Claim,
    ClaimStatus,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    Conflict,
    ConflictKind,
    Entity,
    EntityType,
    Evidence,
    Quote,
    QuoteVariant,
    Relation,
    RelationKind,
    SentencePair,
    Story,
)
from storyfold.stages import default_stages
from storyfold.text.sentences import sentence_spans

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"

# The hostile article: a copy of the first seed's opening with attacks in its title, text and metadata.
INJECTION = [
    'Japan <script>alert(1)</script> peacekeeping "><img src=x onerror=alert(1)>',
    "",
    "Japan is set to play a crucial role in a multinational peacekeeping force in Ukraine, joining the UK’s "
    "coalition aimed at securing a post-war settlement between Kyiv and Moscow.",
    "",
    "Readers wrote <script>window.__xss = 1; alert(1)</script> and \"><img src=x onerror=\"window.__xss=2;alert(1)\"> "
    "to the editor, and [click](javascript:alert(1)) or <a href=\"javascript:window.__xss=3\">here</a>.",
    "",
    "<svg onload=\"window.__xss=4\"></svg> The UK and France have already committed to sending forces on the ground.",
]
INJECTION_META = {"outlet": '"><img src=x onerror=window.__xss=5>', "url": "javascript:window.__xss=6",
                  "published": "2025-03-18"}


def _id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def _find(corpus: Corpus, pattern: str) -> list[Evidence]:
    """Evidence for every sentence (of every article) matching ``pattern``."""
    rx = re.compile(pattern, re.I)
    found = []
    for a in corpus.articles():
        for s, e in sentence_spans(a.text):
            sentence = a.text[s:e]
            if rx.search(sentence):
                lead = len(sentence) - len(sentence.lstrip())
                tail = len(sentence.rstrip())
                found.append(Evidence(article_id=a.id, start=s + lead, end=s + tail, text=sentence.strip()))
    return found


def _ids(evidence: list[Evidence]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ev.article_id for ev in evidence))


class SeedRecords(CorpusStage):
    name: ClassVar[str] = "seed_records"
    version: ClassVar[str] = "test"
    provides: ClassVar[Mapping[str, type]] = {
        "relations": Relation, "stories": Story, "entities": Entity, "quotes": Quote, "claims": Claim,
        "commitments": Commitment, "conflicts": Conflict, "brief": BriefSentence,
    }

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        articles = list(corpus.articles())
        story = Story(id=_id("story"), title="Japan’s role in a peacekeeping force for Ukraine",
                      article_ids=tuple(a.id for a in articles))
        if "stories" not in self.provides and corpus.has("stories"):  # a real clustering stage ran first
            story = max(corpus.outputs("stories"), key=lambda s: len(s.article_ids))
        # copies: two articles sharing a sentence word for word
        relations = []
        sentences = {a.id: {a.text[s:e].strip(): (s, e) for s, e in sentence_spans(a.text) if len(a.text[s:e]) > 60}
                     for a in articles}
        for i, a in enumerate(articles):
            for b in articles[i + 1 :]:
                shared = [t for t in sentences[a.id] if t in sentences[b.id]]
                if shared:
                    pairs = tuple(SentencePair(a_start=sentences[a.id][t][0], a_end=sentences[a.id][t][1],
                                               b_start=sentences[b.id][t][0], b_end=sentences[b.id][t][1],
                                               similarity=1.0) for t in shared)
                    relations.append(Relation(a=a.id, b=b.id, kind=RelationKind.NEAR_DUPLICATE, similarity=0.5,
                                              aligned=pairs))
        entities = []
        for name, kind in (("Japan", EntityType.PLACE), ("Ukraine", EntityType.PLACE), ("Russia", EntityType.PLACE),
                           ("Wes Streeting", EntityType.PERSON)):
            mentions = tuple(Evidence(article_id=a.id, start=m.start(), end=m.end(), text=m.group())
                             for a in articles for m in re.finditer(rf"\b{re.escape(name)}\b", a.text))
            if mentions:
                entities.append(Entity(id=_id("entity", name), name=name, type=kind, aliases=(name,),
                                       article_ids=_ids(list(mentions)), mentions=mentions))
        quotes = []
        for a in articles:
            for m in re.finditer(r"“([^”]{60,400})”", a.text):
                around = a.text[max(0, m.start() - 60) : m.start()] + " " + a.text[m.end() : m.end() + 60]
                who = re.search(r"(Wes Streeting|Streeting|Hayashi|Trump)", around)
                speaker = {"Streeting": "Wes Streeting"}.get(who.group(1), who.group(1)) if who else None
                quotes.append(Quote(id=_id("quote", a.id, str(m.start())), speaker=speaker, text=m.group(1),
                                    article_ids=(a.id,), speaker_entity_id=_id("entity", speaker)
                                    if speaker == "Wes Streeting" else None,
                                    variants=(QuoteVariant(article_id=a.id, text=m.group(1), start=m.start(1),
                                                           end=m.end(1), speaker=speaker),)))
        will = _find(corpus, r"Japan (is|was) (set|expected) to (play|contribute)|Japan Set to Contribute")
        undecided = _find(corpus, r"cannot say specifically|remain under deliberation|not known whether Japan")
        claims = []
        for text, ev in (("Japan will take part in a peacekeeping force in Ukraine", will),
                         ("Japan has not decided what it will contribute", undecided)):
            if ev:
                n = len({corpus.article(e.article_id).outlet or e.article_id for e in ev})
                claims.append(Claim(id=_id("claim", text), text=text, subject="Japan", predicate=None, object=None,
                                    article_ids=_ids(ev), evidence=tuple(ev), independent_sources=n,
                                    status=ClaimStatus.CONTESTED if will and undecided else
                                    ClaimStatus.CORROBORATED if n > 1 else ClaimStatus.SINGLE_SOURCE))
        commitments = []
        for actor, kind, status, pattern in (
            ("United Kingdom", CommitmentKind.GROUND_TROOPS, CommitmentStatus.COMMITTED,
             r"UK and France have (already|publicly) committed"),
            ("France", CommitmentKind.GROUND_TROOPS, CommitmentStatus.COMMITTED,
             r"UK and France have (already|publicly) committed"),
            ("United States", CommitmentKind.GROUND_TROOPS, CommitmentStatus.RULED_OUT,
             r"would not put .boots on the ground"),
            ("United States", CommitmentKind.AIR_SUPPORT, CommitmentStatus.CONSIDERING, r"might provide air support"),
            ("Japan", CommitmentKind.PEACEKEEPERS, CommitmentStatus.CONSIDERING,
             r"possible deployment of peacekeepers"),
        ):
            ev = _find(corpus, pattern)
            if ev:
                commitments.append(Commitment(id=_id("commitment", actor, kind), actor=actor, kind=kind,
                                              status=status, article_ids=_ids(ev), evidence=tuple(ev),
                                              recipient="Ukraine", independent_sources=len(_ids(ev))))
        conflicts = []
        if len(claims) == 2:
            conflicts.append(Conflict(id=_id("conflict"), kind=ConflictKind.CONTRADICTION,
                                      summary="Is Japan joining the force, or still deciding?",
                                      article_ids=tuple(dict.fromkeys(claims[0].article_ids + claims[1].article_ids)),
                                      claim_ids=(claims[0].id, claims[1].id),
                                      evidence=claims[0].evidence[:1] + claims[1].evidence[:1]))
        brief = [BriefSentence(text=c.text + ".", article_ids=c.article_ids, story_id=story.id, claim_ids=(c.id,),
                               evidence=c.evidence) for c in claims]
        return {"relations": tuple(relations), "stories": (story,), "entities": tuple(entities),
                "quotes": tuple(quotes), "claims": tuple(claims), "commitments": tuple(commitments),
                "conflicts": tuple(conflicts), "brief": tuple(brief)}


def seeds_pipeline() -> Pipeline:
    """Every registered stage, then the stand-in for the kinds no registered stage provides yet."""
    real = default_stages()
    have = {kind for stage in real for kind in stage.provides}

    class MissingRecords(SeedRecords):
        provides: ClassVar[Mapping[str, type]] = {k: v for k, v in SeedRecords.provides.items() if k not in have}

    return Pipeline([*real, MissingRecords()])


def fold_seeds(tmp: Path, *, pipeline: Pipeline | None = None) -> Path:
    """Fold the seeds and the hostile article into ``tmp/seeds.db``."""
    inputs = tmp / "inputs"
    inputs.mkdir()
    for f in SEEDS.iterdir():
        (inputs / f.name).write_bytes(f.read_bytes())
    (inputs / "900_injection.txt").write_text("\n".join(INJECTION) + "\n", encoding="utf-8")
    with (inputs / "manifest.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"file": "900_injection.txt", **INJECTION_META}) + "\n")
    db = tmp / "seeds.db"
    summary = api.fold([inputs], manifest=inputs / "manifest.jsonl", db=db,
                       pipeline=pipeline or seeds_pipeline())
    assert summary.stored == 6, summary.rejected
    return db
