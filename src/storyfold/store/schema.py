"""The database schema, in one place, with its version.

Bump ``SCHEMA_VERSION`` whenever a table changes and add the step to ``MIGRATIONS`` in
:mod:`storyfold.store.migrations`.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "SCHEMA_VERSION",
    "annotations",
    "articles",
    "inputs",
    "meta",
    "metadata",
    "outputs",
    "rejects",
    "runs",
    "stage_failures",
    "story_snapshots",
    "vectors",
]

SCHEMA_VERSION = 5  # 2: the vectors table; 3: rejects.kind, the stage_failures table; 4: story_snapshots; 5: inputs

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # insertion order, for stable iteration
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", String(10)),  # ISO date
    Column("published_estimated", Boolean, nullable=False, default=False),
    Column("author", Text),
    Column("text", Text, nullable=False),
    Column("removed", Text, nullable=False),  # JSON list of {text, reason}
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("created_at", String, nullable=False),
)

Index("ix_articles_url", articles.c.url)

# Output of article stages: one row per (article, stage, kind), a JSON list of records.
annotations = Table(
    "annotations",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("stage", String, primary_key=True),
    Column("kind", String, primary_key=True),
    Column("version", String, nullable=False),
    Column("payload", Text, nullable=False),
)
Index("ix_annotations_kind", annotations.c.kind)

# Output of corpus stages: one row per record, replaced as a whole for a stage in one transaction.
outputs = Table(
    "outputs",
    metadata,
    Column("stage", String, primary_key=True),
    Column("kind", String, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("version", String, nullable=False),
    Column("payload", Text, nullable=False),
)
Index("ix_outputs_kind", outputs.c.kind)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("source", Text, nullable=False),
    Column("line", Integer),
    Column("reason", Text, nullable=False),
    Column("created_at", String, nullable=False),
    Column("kind", String, nullable=False, server_default="reject"),  # "reject" or "warning" (version 3)
)

# Articles a corpus stage failed on, by partition (a story, or the article alone): their records
# are missing from that stage's output and the next fold tries them again. Replaced as a whole for
# a stage together with its outputs. Added in schema version 3.
stage_failures = Table(
    "stage_failures",
    metadata,
    Column("stage", String, primary_key=True),
    Column("article_id", String(32), primary_key=True),
    Column("version", String, nullable=False),
    Column("partition", Text, nullable=False),  # "story st-...", or "article <id>"
    Column("reason", Text, nullable=False),
    Column("run_id", Integer),
    Column("created_at", String, nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String, nullable=False),
    Column("finished_at", String),
    Column("summary", Text),  # JSON
)

# Sentence embeddings by content: one row per (model, 128-bit hash of the text), float16 bytes.
# A cache the corpus stages fill and read (a text is embedded once per database, whichever article
# or fold brings it); losing rows only costs time. Added in schema version 2.
vectors = Table(
    "vectors",
    metadata,
    Column("model", String, primary_key=True),
    Column("key", LargeBinary(16), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

# What each story was at the end of a run: one row per (story, run) for the stories a run changed,
# a zlib-compressed JSON snapshot of its story-level records (``storyfold.present.changes``), so that a
# change set between two runs compares records as they were then, whatever later folds recompute.
# ``articles`` is a digest of the story's article ids; a story that a run dissolved (merged into
# another, or renamed) gets a row with ``gone`` set. Added in schema version 4.
story_snapshots = Table(
    "story_snapshots",
    metadata,
    Column("story_id", String, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id"), primary_key=True),
    Column("articles", String(32), nullable=False),
    Column("gone", Boolean, nullable=False, default=False),
    Column("payload", LargeBinary, nullable=False),
)
Index("ix_story_snapshots_run", story_snapshots.c.run_id)

# Input files a fold read to the end and stored every document of: one row per digest of the
# file's bytes, its manifest entry and what reading depends on (``storyfold.ingest.input_digest``).
# A later fold skips a file whose digest is here (nothing in it can be new); ``documents`` is how
# many documents it held. Losing rows only costs reading again. Added in schema version 5.
inputs = Table(
    "inputs",
    metadata,
    Column("digest", String(32), primary_key=True),
    Column("path", Text, nullable=False),
    Column("documents", Integer, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
)
