"""storyfold: fold many overlapping news reports of one story into one sourced, cross-checked record."""

from storyfold.api import FoldSummary, build_pipeline, export, export_data, fold, open_store, write_outputs
from storyfold.config import Settings, load_settings
from storyfold.errors import InputRejected, StoreError, StoryfoldError
from storyfold.pipeline import ArticleStage, Context, Corpus, CorpusStage, Pipeline
from storyfold.store import Store

__version__ = "0.1.0"

__all__ = [
    "ArticleStage",
    "Context",
    "Corpus",
    "CorpusStage",
    "FoldSummary",
    "InputRejected",
    "Pipeline",
    "Settings",
    "Store",
    "StoreError",
    "StoryfoldError",
    "__version__",
    "build_pipeline",
    "export",
    "export_data",
    "fold",
    "load_settings",
    "open_store",
    "write_outputs",
]
