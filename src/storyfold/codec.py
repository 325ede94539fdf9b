"""Records to JSON-able dicts and back (cattrs), used by the store and the export. Days are ISO
strings; partial dates are the TIMEX3 strings :meth:`PartialDate.isoformat` writes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TypeVar

import cattrs

from storyfold.records import PartialDate

__all__ = ["dumps", "from_dict", "loads", "to_dict"]

T = TypeVar("T")

_converter = cattrs.Converter()
_converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
_converter.register_structure_hook(dt.date, lambda v, _: v if isinstance(v, dt.date) else dt.date.fromisoformat(v))
_converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
_converter.register_structure_hook(PartialDate, lambda v, _: v if isinstance(v, PartialDate) else PartialDate.parse(v))


def to_dict(record: Any) -> Any:
    """A record (or a tuple of them) as plain dicts, lists, strings and numbers."""
    return _converter.unstructure(record)


def from_dict(data: Any, cls: type[T]) -> T:
    """The record of type ``cls`` that :func:`to_dict` turned into ``data``."""
    return _converter.structure(data, cls)


def dumps(data: Any) -> str:
    return json.dumps(to_dict(data), ensure_ascii=False, separators=(",", ":"))


def loads(text: str, cls: type[T]) -> T:
    return from_dict(json.loads(text), cls)
