"""Story and event clustering, measured on real data: ``python eval/clusters.py [DATA_DIR] [--work DIR] [--learn]``.

DATA_DIR defaults to ``../shared/data``. Prints:

(a) ECB+, all 772 train and dev documents folded into one database (so that similar sub-topics of
    different topics compete): B-cubed P/R/F1 of ``event_id`` against the gold sub-topic and of
    ``story_id`` against the gold topic, for train (tuned on), dev (never tuned on) and all, beside
    TF-IDF + k-means told the true number of clusters over the same 772 documents;
(b) the event stress set (``eval/gold/events_stress.json``): AllSides roundups of one topic tag
    published within a week of another roundup of that tag; the share of events that mix articles of
    two or more roundups, for the dev part (tuned on), the held-out part (never tuned on) and all;
    then the same against the gold happenings (``events_stress_pairs.jsonl``: roundups read as
    reporting one happening count as one), which is what ``--learn`` scores;
(c) AllSides, all roundups: stories and events against roundups;
(d) incremental vs full: the ECB+ dev set folded in ten batches against one full fold; the same
    replayed through the cluster stage alone, and ECB+ train (shuffled) and the stress set (in
    publication order) replayed in ten batches the same way;
(e) the seeds: one story, two events (000+001, 002+003+004).

Every corpus goes through the real path: a JSONL file read by ``storyfold.ingest.jsonl`` and folded
with ``storyfold.api.fold``. With ``--work DIR`` the databases are kept there, and a later run
that finds one recomputes only the cluster stage over it (every other stage's records are the
same); ``--learn`` prints the grid of identity settings and event thresholds over ECB+ train and
the stress set's dev part, and the best (what ``storyfold.stages.cluster.identity`` ships);
``--learn sums`` the grid of the costs of sums of money, the rest as shipped.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
import allsides  # noqa: E402  (eval/allsides.py)

from storyfold import api  # noqa: E402
from storyfold.config import Settings, load_settings  # noqa: E402
from storyfold.pipeline import Context, Corpus  # noqa: E402
from storyfold.stages import build_pipeline  # noqa: E402
from storyfold.stages.cluster.cluster import ClusterStage  # noqa: E402
from storyfold.stages.cluster.identity import IdentityModel  # noqa: E402
from storyfold.store import Store  # noqa: E402

STRESS = REPO / "eval" / "gold" / "events_stress.json"
STRESS_PAIRS = REPO / "eval" / "gold" / "events_stress_pairs.jsonl"  # which stress roundups report one happening
STRESS_CROSS = REPO / "eval" / "gold" / "events_stress_pairs_cross.jsonl"  # the same, for pooled pairs of two topic tags
STRESS_DAYS = 7  # a roundup joins the stress set when another of its topic tag is this close


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of clustering ``pred`` against ``gold`` (same items)."""
    by_pred: dict[Hashable, set[int]] = defaultdict(set)
    by_gold: dict[Hashable, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    p = r = 0.0
    for pi, gi in zip(pred, gold, strict=True):
        both = len(by_pred[pi] & by_gold[gi])
        p += both / len(by_pred[pi])
        r += both / len(by_gold[gi])
    n = len(pred)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def fmt(prf: tuple[float, float, float]) -> str:
    return f"P {prf[0]:.3f}  R {prf[1]:.3f}  F1 {prf[2]:.3f}"


def fold_jsonl(rows: Sequence[dict], workdir: Path, name: str, batches: int = 1) -> dict[str, dict]:
    """Fold ``rows`` (JSONL objects with a unique ``url``) into a fresh database, in ``batches``
    successive folds; returns the exported articles keyed by url."""
    db = workdir / f"{name}.db"
    db.unlink(missing_ok=True)
    settings = load_settings().with_(db=str(db))
    size = -(-len(rows) // batches)
    for b in range(batches):
        path = workdir / f"{name}-{b}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows[b * size : (b + 1) * size]), encoding="utf-8")
        api.fold([path], settings=settings)
    return {a["url"]: a for a in api.export(db, settings=settings)["articles"]}


class _Unclustered(Corpus):
    """The stored corpus as if it had never been clustered: the cluster stage starts from scratch.
    Articles whose url is in ``undated`` are read without their publication date."""

    undated: frozenset[str] = frozenset()

    def outputs(self, kind: str):  # noqa: ANN201 - same as Corpus.outputs
        return () if kind in ("stories", "events") else super().outputs(kind)

    def articles(self):  # noqa: ANN201 - same as Corpus.articles
        import dataclasses

        for a in super().articles():
            yield dataclasses.replace(a, published=None) if a.url in self.undated else a


def cluster_db(db: Path, model: IdentityModel | None = None, settings: Settings | None = None,
               undated: frozenset[str] = frozenset()) -> dict[str, dict]:
    """The cluster stage alone, from scratch, over a folded database: ``{url: {story_id, event_id}}``
    (what ``recluster`` gives, without rerunning the stages after it); the articles of ``undated``
    (urls) without their publication date."""
    settings = (settings or load_settings()).with_(db=str(db))
    with Store(db) as store:
        url = {a.id: a.url for a in store.iter_articles()}
        corpus = _Unclustered(store, build_pipeline(settings).kinds, url)
        corpus.undated = undated
        out = ClusterStage(model).process(corpus, Context(settings=settings))
    got: dict[str, dict] = {u: {} for u in url.values()}
    for level, records in (("story_id", out["stories"]), ("event_id", out["events"])):
        for r in records:
            for aid in r.article_ids:
                got[url[aid]][level] = r.id
    got["_events"] = {e.id: e for e in out["events"]}  # type: ignore[assignment]
    return got


def folded(rows: Sequence[dict], work: Path, name: str, model: IdentityModel | None = None) -> dict[str, dict]:
    """``rows`` folded into ``work/name.db`` (kept when ``work`` is kept), clustered with ``model``."""
    db = work / f"{name}.db"
    stamp = work / f"{name}.urls"
    want = hashlib.sha256("\n".join(r["url"] + (f" {r['published']}" if r.get("published") else "")
                                     for r in rows).encode()).hexdigest()
    if not (db.is_file() and stamp.is_file() and stamp.read_text() == want):
        fold_jsonl(rows, work, name)
        stamp.write_text(want)
    return cluster_db(db, model)


def ecb_rows(data: Path) -> list[dict]:
    """Every ECB+ document of this copy (train and dev topics), as JSONL rows plus gold keys."""
    docs = [json.loads(line) for line in (data / "ecbplus" / "texts.jsonl").open(encoding="utf-8")]
    return [
        {"id": d["doc_id"], "url": f"ecbplus:{d['doc_id']}", "text": "\n".join(d["sentences"]), "topic": d["topic"],
         "subtopic": d["subtopic"], "split": d["split"]}
        for d in docs
    ]


def _jsonl(rows: Sequence[dict], keys: Sequence[str]) -> list[dict]:
    return [{k: r[k] for k in keys if r.get(k) is not None} for r in rows]


def kmeans_labels(rows: Sequence[dict], key: str, seeds: int = 5) -> list[list[int]]:
    """TF-IDF + k-means told the true k, one labelling per seed."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([r["text"] for r in rows])
    k = len({r[key] for r in rows})
    return [list(KMeans(k, n_init=10, random_state=s).fit_predict(x)) for s in range(seeds)]


def _mean_f1(labellings: Sequence[Sequence[int]], rows: Sequence[dict], pick: Sequence[int], key: str) -> float:
    gold = [rows[i][key] for i in pick]
    return sum(bcubed([lab[i] for i in pick], gold)[2] for lab in labellings) / len(labellings)


def ecb_scores(rows: Sequence[dict], got: dict[str, dict]) -> dict[str, dict[str, tuple[float, float, float]]]:
    out: dict[str, dict[str, tuple[float, float, float]]] = {}
    for split in ("train", "dev", "all"):
        part = [r for r in rows if split in ("all", r["split"])]
        out[split] = {
            "event": bcubed([got[r["url"]]["event_id"] for r in part], [r["subtopic"] for r in part]),
            "story": bcubed([got[r["url"]]["story_id"] for r in part], [r["topic"] for r in part]),
        }
    return out


def part_ecb(data: Path, work: Path) -> None:
    print("(a) ECB+ — all 772 train and dev documents folded into one database; B-cubed against gold")
    print("    (identity settings and thresholds chosen on train with the stress set's dev part; dev never tuned on)")
    rows = ecb_rows(data)
    t0 = time.perf_counter()
    got = folded(_jsonl(rows, ("id", "url", "text")), work, "ecb-all")
    secs = time.perf_counter() - t0
    scores = ecb_scores(rows, got)
    ev_km = kmeans_labels(rows, "subtopic")
    st_km = kmeans_labels(rows, "topic")
    print(f"  {len(rows)} docs, {secs:.0f} s (fold, or cluster stage only over a kept database)")
    for split in ("train", "dev", "all"):
        pick = [i for i, r in enumerate(rows) if split in ("all", r["split"])]
        part = [rows[i] for i in pick]
        n_ev = len({got[r["url"]]["event_id"] for r in part})
        n_st = len({got[r["url"]]["story_id"] for r in part})
        tag = {"train": "train (tuned on)", "dev": "dev (never tuned on)", "all": "all"}[split]
        print(f"  {tag}: {len(part)} docs")
        print(f"    event vs sub-topic: {fmt(scores[split]['event'])}   ({n_ev} events, gold {len({r['subtopic'] for r in part})})"
              f"   k-means told k: F1 {_mean_f1(ev_km, rows, pick, 'subtopic'):.3f}")
        print(f"    story vs topic:     {fmt(scores[split]['story'])}   ({n_st} stories, gold {len({r['topic'] for r in part})})"
              f"   k-means told k: F1 {_mean_f1(st_km, rows, pick, 'topic'):.3f}")
    print("    (k-means: one TF-IDF + k-means over all 772 documents told k = 66 sub-topics / 33 topics, mean of 5 seeds,")
    print("     scored on each part)")
    mixed = _mixed(got, {r["url"]: r["subtopic"] for r in rows})
    print(f"  events mixing two or more sub-topics: {mixed[0]} of {mixed[1]}")


def _mixed(got: dict[str, dict], gold: dict[str, Hashable], urls: set[str] | None = None) -> tuple[int, int]:
    """(events holding articles of 2+ gold clusters, events) over the events that hold any of ``urls``."""
    by_event: dict[str, set[Hashable]] = defaultdict(set)
    for url, g in gold.items():
        if url in got and (urls is None or url in urls):
            by_event[got[url]["event_id"]].add(g)
    if urls is not None:  # count every gold cluster of the events touched, not only those of urls
        for url, g in gold.items():
            if url in got and got[url]["event_id"] in by_event:
                by_event[got[url]["event_id"]].add(g)
    return sum(1 for v in by_event.values() if len(v) > 1), len(by_event)


def _url_day(link: str | None) -> str | None:
    """The publication day an article's link spells (``/2021/10/18/``), read by htmldate."""
    import datetime as dt

    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    found = extract_url_date(link, Extractor(False, dt.datetime(2100, 1, 1), dt.datetime(1995, 1, 1), False, "%Y-%m-%d"))
    return found[:10] if found else None


def _roundup_rows(data: Path) -> tuple[list[dict], dict[str, dict]]:
    """Every AllSides article as a JSONL row, and each roundup keyed by id. An article's
    ``published`` is the day its link spells when it spells one (about two in five: CNN, The New
    York Times, the New York Post, ...), else the roundup's day; ``url_dated`` tells which."""
    rows, roundups = [], {}
    for r in allsides.roundups(data):
        roundups[str(r["id"])] = r
        for side, news in (r.get("news") or {}).items():
            body = "\n\n".join(p for p in news.get("newBody") or [] if p.strip())
            if not body.strip():
                continue
            day = _url_day(news.get("newsLink"))
            rows.append({"url": f"allsides:{r['id']}:{side}", "title": news.get("newsTitle"), "text": body,
                         "outlet": news.get("newsSource"), "published": day or r["date"][:10], "url_dated": bool(day),
                         "roundup": str(r["id"])})
    return rows, roundups


def build_stress(data: Path) -> dict:
    """The stress set: every roundup with another roundup of the same topic tag published within
    ``STRESS_DAYS`` days (same kind of news, close in time, different happenings); the part (dev or
    held-out) is drawn from a hash of the topic tag, so no topic is in both."""
    import datetime as dt

    _, roundups = _roundup_rows(data)
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for r in roundups.values():
        by_topic[r["topic"]].append(r)
    day = {rid: dt.date.fromisoformat(r["date"][:10]) for rid, r in roundups.items()}
    chosen = []
    for topic, group in sorted(by_topic.items()):
        for r in group:
            rid = str(r["id"])
            if any(o is not r and abs((day[str(o["id"])] - day[rid]).days) <= STRESS_DAYS for o in group):
                part = "held-out" if int(hashlib.sha256(f"storyfold-events{topic}".encode()).hexdigest(), 16) % 2 else "dev"
                chosen.append({"roundup": rid, "topic": topic, "date": r["date"][:10], "part": part})
    return {
        "how": (f"AllSides roundups (neus-allsides/allsides_roundups_2021-10-19.jsonl) that share their topic tag with "
                f"another roundup published within {STRESS_DAYS} days; each roundup is one happening (gold event). The "
                "part is sha256('storyfold-events' + topic tag) mod 2 (1: held-out), so a topic tag lies in one part "
                "only. Built by `python eval/clusters.py --build-stress`; the articles stay in the shared data set."),
        "roundups": sorted(chosen, key=lambda c: (c["part"], c["topic"], c["date"], c["roundup"])),
    }


def stress_rows(data: Path) -> tuple[list[dict], dict[str, str]]:
    """The stress set's articles (JSONL rows) and the part of each roundup."""
    gold = json.loads(STRESS.read_text(encoding="utf-8"))
    part = {c["roundup"]: c["part"] for c in gold["roundups"]}
    rows, _ = _roundup_rows(data)
    return [r for r in rows if r["roundup"] in part], part


def stress_happenings() -> dict[str, str]:
    """Each stress roundup's gold happening: the roundups that ``STRESS_PAIRS`` (every pair of one
    topic tag within a week) and ``STRESS_CROSS`` (pooled pairs of two tags) judge to report the
    same happening (``same`` true), closed transitively, named by their smallest id; a pair judged
    different or unsure, or not annotated, keeps its roundups apart."""
    from scipy.cluster.hierarchy import DisjointSet

    roundups = [c["roundup"] for c in json.loads(STRESS.read_text(encoding="utf-8"))["roundups"]]
    sets = DisjointSet(roundups)
    for path in (STRESS_PAIRS, STRESS_CROSS):
        for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
            pair = json.loads(line)
            if pair["same"] is True:
                sets.merge(pair["a"], pair["b"])
    return {rid: min(sets.subset(rid), key=int) for rid in roundups}


def stress_scores(rows: Sequence[dict], part: dict[str, str], got: dict[str, dict],
                  happening: dict[str, str] | None = None) -> dict[str, dict]:
    """Per part: events, the events mixing 2+ gold happenings (each roundup its own happening, or
    the happenings of ``happening``: roundup -> happening), B-cubed against them, long events."""
    gold = {r["url"]: (happening or {}).get(r["roundup"], r["roundup"]) for r in rows}
    out = {}
    for name in ("dev", "held-out", "all"):
        urls = {r["url"] for r in rows if name in ("all", part[r["roundup"]])}
        mixed, events = _mixed(got, gold, urls)
        pick = [r for r in rows if r["url"] in urls]
        out[name] = {"mixed": mixed, "events": events, "roundups": len({r["roundup"] for r in pick}),
                     "bcubed": bcubed([got[r["url"]]["event_id"] for r in pick], [gold[r["url"]] for r in pick]),
                     "spans": _long_events(got, pick)}
    return out


def _long_events(got: dict[str, dict], rows: Sequence[dict]) -> int:
    import datetime as dt

    days: dict[str, list[dt.date]] = defaultdict(list)
    for r in rows:
        days[got[r["url"]]["event_id"]].append(dt.date.fromisoformat(r["published"]))
    return sum(1 for v in days.values() if (max(v) - min(v)).days > 7)


def part_stress(data: Path, work: Path) -> None:
    print("(b) event stress set — AllSides roundups sharing a topic tag with another roundup within a week")
    print("    (each roundup one happening; dev part tuned on, held-out part never tuned on)")
    rows, part = stress_rows(data)
    got = folded(_jsonl(rows, ("url", "title", "text", "outlet", "published")), work, "stress")
    for name, sc in stress_scores(rows, part, got).items():
        print(f"  {name:8}: {sc['roundups']} roundups, {sc['events']} events; events mixing 2+ roundups "
              f"{sc['mixed']} ({sc['mixed'] / sc['events']:.1%}); event B-cubed vs roundup {fmt(sc['bcubed'])}; "
              f"events spanning more than 7 days: {sc['spans']}")
    happening = stress_happenings()
    print(f"  the same against the {len(set(happening.values()))} happenings of {STRESS_PAIRS.name} and {STRESS_CROSS.name} "
          "(roundups read as one happening merged; a pair judged different or unsure, or not read, kept apart):")
    for name, sc in stress_scores(rows, part, got, happening).items():
        print(f"  {name:8}: {sc['events']} events; events mixing 2+ happenings {sc['mixed']} "
              f"({sc['mixed'] / sc['events']:.1%}); event B-cubed vs happening {fmt(sc['bcubed'])}")
    undated = frozenset(r["url"] for r in rows if not r["url_dated"])
    print(f"  the same, the {len(undated)} articles whose link spells no day read undated (not the roundup's day):")
    got = cluster_db(work / "stress.db", undated=undated)
    for name, sc in stress_scores(rows, part, got).items():
        print(f"  {name:8}: {sc['roundups']} roundups, {sc['events']} events; events mixing 2+ roundups "
              f"{sc['mixed']} ({sc['mixed'] / sc['events']:.1%}); event B-cubed vs roundup {fmt(sc['bcubed'])}")


def part_allsides(data: Path, work: Path) -> None:
    print("(c) AllSides roundups, all 505 — stories and events against roundups")
    rows, _ = _roundup_rows(data)
    got = folded(_jsonl(rows, ("url", "title", "text", "outlet", "published")), work, "allsides")
    roundup_of = {r["url"]: r["roundup"] for r in rows if r["url"] in got}
    members: dict[str, set[str]] = defaultdict(set)
    for url, rid in roundup_of.items():
        members[rid].add(url)
    multi = [rid for rid, urls in members.items() if len(urls) > 1]
    urls = list(roundup_of)
    for level in ("story", "event"):
        key = f"{level}_id"
        whole = sum(1 for rid in multi if len({got[u][key] for u in members[rid]}) == 1)
        n = len({got[u][key] for u in urls})
        mixed = sum(1 for c in {got[u][key] for u in urls} if len({roundup_of[u] for u in urls if got[u][key] == c}) > 1)
        print(f"  {level}: {n} clusters; roundups with 2+ articles kept whole {whole} / {len(multi)}; clusters mixing "
              f"roundups {mixed}; B-cubed vs roundup {fmt(bcubed([got[u][key] for u in urls], [roundup_of[u] for u in urls]))}")
    print("  (a roundup is one day's coverage; several roundups can be one developing story, so 'mixing'")
    print("   counts an upper bound of wrong merges)")


def part_incremental(data: Path, work: Path) -> None:
    """The dev set folded in ten batches against one clustering of the same database."""
    print("(d) incremental vs full — ECB+ dev, shuffled (seed 1), folded in 10 batches into its own database")
    rows = [r for r in ecb_rows(data) if r["split"] == "dev"]
    random.Random(1).shuffle(rows)
    t0 = time.perf_counter()
    db, stamp = work / "dev-inc.db", work / "dev-inc.urls"
    want = hashlib.sha256("\n".join(r["url"] for r in rows).encode()).hexdigest()
    if db.is_file() and stamp.is_file() and stamp.read_text() == want:
        print("  (the ten folds kept in the work folder from an earlier run: their stored clustering is read)")
        inc = {a["url"]: a for a in api.export(db)["articles"]}
    else:
        inc = fold_jsonl(_jsonl(rows, ("id", "url", "text")), work, "dev-inc", batches=10)
        stamp.write_text(want)
    secs = time.perf_counter() - t0
    once = cluster_db(work / "dev-inc.db")
    for level, gold_key in (("event", "subtopic"), ("story", "topic")):
        a = [inc[r["url"]][f"{level}_id"] for r in rows]
        b = [once[r["url"]][f"{level}_id"] for r in rows]
        print(f"  {level}: incremental vs one clustering of the same database B-cubed {fmt(bcubed(a, b))}; pairwise "
              f"agreement {_pairwise_agreement(a, b):.3f}; incremental vs gold F1 {bcubed(a, [r[gold_key] for r in rows])[2]:.3f}, "
              f"at once vs gold F1 {bcubed(b, [r[gold_key] for r in rows])[2]:.3f}")
    print(f"  ten incremental folds took {secs:.0f} s (or reading them)")
    replay = replay_incremental(work / "dev-inc.db", [[r["url"] for r in rows[b * 20 : (b + 1) * 20]] for b in range(10)])
    a = [replay[r["url"]]["event_id"] for r in rows]
    b = [once[r["url"]]["event_id"] for r in rows]
    print(f"  event, the same ten batches replayed through the cluster stage alone over the folded database: vs one "
          f"clustering B-cubed {fmt(bcubed(a, b))}; pairwise agreement {_pairwise_agreement(a, b):.3f}; vs gold F1 "
          f"{bcubed(a, [r['subtopic'] for r in rows])[2]:.3f}")
    train = [r for r in ecb_rows(data) if r["split"] == "train"]
    random.Random(1).shuffle(train)
    folded(_jsonl(ecb_rows(data), ("id", "url", "text")), work, "ecb-all")
    size = -(-len(train) // 10)
    replay = replay_incremental(work / "ecb-all.db", [[r["url"] for r in train[b * size : (b + 1) * size]] for b in range(10)])
    print(f"  ECB+ train (tuned on), shuffled (seed 1), replayed in ten batches through the cluster stage over the all-topics "
          f"database: event F1 vs gold {bcubed([replay[r['url']]['event_id'] for r in train], [r['subtopic'] for r in train])[2]:.3f}")
    srows, part = stress_rows(data)
    folded(_jsonl(srows, ("url", "title", "text", "outlet", "published")), work, "stress")
    srows = sorted(srows, key=lambda r: (r["published"] or "", r["url"]))
    size = -(-len(srows) // 10)
    replay = replay_incremental(work / "stress.db", [[r["url"] for r in srows[b * size : (b + 1) * size]] for b in range(10)])
    print("  stress set in ten batches in publication order, replayed through the cluster stage (against the happenings):")
    for name, sc in stress_scores(srows, part, replay, stress_happenings()).items():
        print(f"  {name:8}: {sc['events']} events; mixing 2+ happenings {sc['mixed']} ({sc['mixed'] / sc['events']:.1%}); "
              f"event B-cubed {fmt(sc['bcubed'])}")


class _Earlier(Corpus):
    """A view of the stored corpus holding only some articles, with given earlier stories and events."""

    earlier: dict[str, tuple] = {}

    def outputs(self, kind: str):  # noqa: ANN201 - same as Corpus.outputs
        return self.earlier.get(kind, ()) if kind in ("stories", "events") else super().outputs(kind)


def replay_incremental(db: Path, batches: Sequence[Sequence[str]]) -> dict[str, dict]:
    """The cluster stage run once per batch (urls) over the articles of the batches so far, each
    run given the previous one's stories and events, as successive folds would: ``{url: {event_id}}``."""
    settings = load_settings().with_(db=str(db))
    out: dict[str, tuple] = {"stories": (), "events": ()}
    with Store(db) as store:
        ident = {a.url: a.id for a in store.iter_articles()}
        kinds = build_pipeline(settings).kinds
        seen: set[str] = set()
        for batch in batches:
            new = frozenset(ident[u] for u in batch)
            seen |= new
            corpus = _Earlier(store, kinds, new, frozenset(seen))
            corpus.earlier = out
            out = ClusterStage().process(corpus, Context(settings=settings))
    url = {v: k for k, v in ident.items()}
    return {url[aid]: {"event_id": e.id} for e in out["events"] for aid in e.article_ids}


def _pairwise_agreement(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    n = len(a)
    agree = sum((a[i] == a[j]) == (b[i] == b[j]) for i in range(n) for j in range(i + 1, n))
    return agree / (n * (n - 1) / 2)


def part_seeds(work: Path) -> None:
    print("(e) seeds — expected one story, events {000, 001} and {002, 003, 004}")
    seeds = REPO / "examples" / "seeds"
    db = work / "seeds.db"
    db.unlink(missing_ok=True)
    api.fold([seeds], manifest=seeds / "manifest.jsonl", settings=load_settings().with_(db=str(db)))
    data = api.export(db)
    by_event: dict[str, list[str]] = defaultdict(list)
    for a in sorted(data["articles"], key=lambda a: a["source"]):
        by_event[a["event_id"]].append(Path(a["source"]).name[:3])
    groups = sorted(sorted(v) for v in by_event.values())
    ok = len(data["stories"]) == 1 and groups == [["000", "001"], ["002", "003", "004"]]
    for st in data["stories"]:
        print(f"  story {st['id']}: {st['title']}")
    for ev in data["events"]:
        print(f"  event {ev['id']} {ev['date']}..{ev['date_end'] or ''}: {ev['title']} ({by_event[ev['id']]}); "
              f"place {ev['place']!r}, participants {ev['participants']}, happened {ev['happened']!r}")
    print(f"  {'as expected' if ok else 'NOT as expected'}")


MIX_BOUND = 0.05  # most share of stress-dev events mixing two happenings that --learn accepts
GRID = {
    "penalty": (0.03, 0.05),
    "figure_penalty": (0.0, 0.02),
    "differ_penalty": (0.0, 0.02, 0.03, 0.05),
    "day_cost": (0.12, 0.2, 0.3, 0.4),
    "event_threshold": (0.04, 0.06, 0.08, 0.1),  # the setting ``cluster_event_threshold``
}
GRID_SUMS = {  # cluster@9 (``--learn sums``): the costs of sums of money, the rest as shipped (chosen by GRID)
    "amount_penalty": (0.0, 0.1, 0.2, 0.3, 0.5),
    "amount_bonus": (0.0, 0.05, 0.1, 0.2),
    "amount_ratio": (2.0, 3.0),
    "amount_same": (1.1, 1.25, 1.6),
}
GRIDS = {"costs": GRID, "sums": GRID_SUMS}


def learn(data: Path, work: Path, grid: dict[str, tuple] = GRID) -> None:
    """Every point of ``grid`` (``GRID``: the identity test's costs and the event threshold;
    ``GRID_SUMS``: the costs of sums of money; what a grid does not name as shipped) over ECB+
    train and the stress set's dev part, lead 3 sentences; the objective is the mean of the train
    event F1 and the stress-dev event F1 against the gold happenings, best among the points whose
    stress-dev events mix two or more happenings at most ``MIX_BOUND`` of the time (the issue's
    bound, held on the part tuned on). ECB+ dev and the stress held-out part are not read."""
    rows = ecb_rows(data)
    folded(_jsonl(rows, ("id", "url", "text")), work, "ecb-all")
    srows, part = stress_rows(data)
    folded(_jsonl(srows, ("url", "title", "text", "outlet", "published")), work, "stress")
    happening = stress_happenings()
    results = []
    for values in itertools.product(*grid.values()):
        chosen = dict(zip(grid, values, strict=True))
        costs = {k: v for k, v in chosen.items() if k != "event_threshold"}
        model = IdentityModel(**costs)
        settings = load_settings()
        if "event_threshold" in chosen:
            settings = settings.with_(cluster_event_threshold=chosen["event_threshold"])
        ecb = ecb_scores(rows, cluster_db(work / "ecb-all.db", model, settings))["train"]
        st = stress_scores(srows, part, cluster_db(work / "stress.db", model, settings), happening)["dev"]
        score = (ecb["event"][2] + st["bcubed"][2]) / 2
        # ties (one clustering from several points) go to fewer mixed stress-dev events, then the smaller values
        results.append((st["mixed"] <= MIX_BOUND * st["events"], score, -st["mixed"], tuple(-v for v in values),
                        tuple(chosen.items())))
        print(f"  {' '.join(f'{k} {v}' for k, v in chosen.items())}: objective {score:.4f}: train event F1 "
              f"{ecb['event'][2]:.3f}, story F1 {ecb['story'][2]:.3f}; stress dev event F1 {st['bcubed'][2]:.3f}, "
              f"mixed {st['mixed']}/{st['events']}", flush=True)
    best = max(results)
    print(f"  best{'' if best[0] else ' (no point keeps the mixing bound)'}: "
          f"{', '.join(f'{k}={v}' for k, v in best[-1])} (objective {best[1]:.4f})")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--work", type=Path, help="keep the databases here and reuse them on the next run")
    parser.add_argument("--learn", nargs="?", const="costs", choices=sorted(GRIDS),
                        help="print a grid over train and stress dev (costs: the identity costs and the event cut; "
                             "sums: the costs of sums of money)")
    parser.add_argument("--build-stress", action="store_true", help=f"rewrite {STRESS.relative_to(REPO)}")
    parser.add_argument("--parts", default="abcde", help="which parts to run (letters of the list above)")
    args = parser.parse_args(argv[1:])
    data = args.data
    if not (data / "ecbplus" / "texts.jsonl").is_file():
        print(f"no ECB+ data under {data}; pass DATA_DIR (the folder holding ecbplus/ and neus-allsides/)")
        return 2
    if args.build_stress:
        STRESS.write_text(json.dumps(build_stress(data), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {STRESS.relative_to(REPO)}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.learn:
            learn(data, work, GRIDS[args.learn])
            return 0
        parts = {"a": part_ecb, "b": part_stress, "c": part_allsides, "d": part_incremental}
        for letter in args.parts:
            if letter == "e":
                part_seeds(work)
            else:
                parts[letter](data, work)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
