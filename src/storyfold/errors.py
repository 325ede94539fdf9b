"""storyfold's exception tree. Every message names the input and, where there is one, the fix.

    StoryfoldError
    ├── InputRejected          one input (file, line, record) cannot become an article
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── DecodeError
    │   ├── MalformedInput
    │   ├── TooLarge
    │   └── UnsupportedInput   a path storyfold has no reader for
    ├── InputWarning           one field of an input is unusable: dropped, the input kept
    ├── ManifestError          the metadata sidecar itself is unusable
    ├── PipelineError          stages declared inconsistently (a requirement nobody provides)
    ├── StoreError             the database cannot be opened or written
    │   └── SchemaVersionError the database was made by another schema version
    └── ConfigError            a setting has a bad value
"""

from __future__ import annotations

__all__ = [
    "BinaryInput",
    "ConfigError",
    "DecodeError",
    "EmptyInput",
    "InputRejected",
    "InputWarning",
    "MalformedInput",
    "ManifestError",
    "PipelineError",
    "SchemaVersionError",
    "StoreError",
    "StoryfoldError",
    "TooLarge",
    "UnsupportedInput",
]


class StoryfoldError(Exception):
    """Base class of every error storyfold raises on purpose."""


class _InputProblem(StoryfoldError):
    """Something wrong with one input, named by its source (and line)."""

    def __init__(self, source: str, reason: str, *, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class InputRejected(_InputProblem):
    """One input cannot become an article. The run records it and goes on with the rest."""

    reason_code = "rejected"


class EmptyInput(InputRejected):
    reason_code = "empty"


class BinaryInput(InputRejected):
    reason_code = "binary"


class DecodeError(InputRejected):
    reason_code = "encoding"


class MalformedInput(InputRejected):
    reason_code = "malformed"


class TooLarge(InputRejected):
    reason_code = "too_large"


class UnsupportedInput(InputRejected):
    reason_code = "unsupported"


class InputWarning(_InputProblem):
    """A field of one input is unusable (a ``published`` that is not a date): the field is dropped,
    the input kept. Readers yield it beside the document; the run records it as a warning."""


class ManifestError(StoryfoldError):
    """The metadata sidecar cannot be read at all."""


class PipelineError(StoryfoldError):
    """Stages were declared in an order or combination that cannot run."""


class StoreError(StoryfoldError):
    """The database cannot be opened or written."""


class SchemaVersionError(StoreError):
    """The database was written by another version of storyfold's schema."""


class ConfigError(StoryfoldError):
    """A setting has a value storyfold cannot use."""
