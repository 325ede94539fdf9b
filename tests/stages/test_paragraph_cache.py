"""The NER and parser stages cache per paragraph text: an edited copy of a real article (a
paragraph dropped, two swapped, as syndicated re-posts are) gets from the cache exactly the
mentions a fresh parse gives it."""

from __future__ import annotations

import dataclasses

import pytest
from seed_inputs import seed_articles

from storyfold.config import Settings
from storyfold.pipeline import Context
from storyfold.stages.claims import ClaimsStage
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.entities.entities import EntitiesStage
from storyfold.stages.quantities import find_quantities
from storyfold.text.nlp import paragraphs


def _edited_copy(aid: str):
    art = seed_articles()[aid]
    paras = [art.text[a:b] for a, b in paragraphs(art.text)]
    paras = paras[:2] + paras[3:]  # drop the third paragraph
    paras[3], paras[5] = paras[5], paras[3]  # swap two
    return dataclasses.replace(art, id=f"{aid}-copy", text="\n\n".join(paras))


def _inputs(art):
    dates = tuple(find_dates(art.text, art.published, art.id))
    return {"dates": dates, "quantities": tuple(find_quantities(art.text, art.id, dates))}


def test_a_copy_parsed_from_the_cache_equals_a_fresh_parse() -> None:
    original, copy = seed_articles()["001"], _edited_copy("001")
    for stage, kind in ((EntitiesStage(), "entity_mentions"), (ClaimsStage(), "claim_mentions")):
        warm = Context(settings=Settings())
        stage.process_batch([original], [_inputs(original)], warm)
        cached = stage.process_batch([copy], [_inputs(copy)], warm)[0][kind]
        fresh = stage.process_batch([copy], [_inputs(copy)], Context(settings=Settings()))[0][kind]
        assert cached and cached == fresh, kind
        for m in cached:
            assert copy.text[m.start : m.end] == m.text
        cache = warm.resource(f"{stage.name}:paragraphs:{warm.settings.spacy_model}", lambda: pytest.fail("no cache"))
        assert cache.hits >= len(list(paragraphs(copy.text))) - 1, (stage.name, cache.hits)
