"""The package's shape: its import graph has no circle and no upward import, the facade stays a
facade, and no module outgrows a few hundred lines."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storyfold"

# Layers, lowest first: a module may import its own layer and those below it, never one above.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("storyfold.errors", "storyfold.records", "storyfold.codec", "storyfold.ids", "storyfold.urls",
     "storyfold.config", "storyfold.schemas"),
    ("storyfold.text", "storyfold.store", "storyfold.ingest"),
    ("storyfold.pipeline",),
    ("storyfold.stages",),
    ("storyfold.present",),
    ("storyfold.engines", "storyfold.outputs", "storyfold.history"),
    ("storyfold.run",),
    ("storyfold.api",),
    ("storyfold.web", "storyfold.cli", "storyfold.__init__", "storyfold.__main__"),
)
MAX_LINES = 500
API_MAX_LINES = 250


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 2 else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path) -> Iterator[str]:
    """Every storyfold module ``name`` imports, at any depth of its code (function-local too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


GRAPH = {name: set(_imports(name, path)) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    if name == "storyfold":
        return len(LAYERS) - 1
    for i, prefixes in enumerate(LAYERS):
        if any(name == p or name.startswith(p + ".") for p in prefixes):
            return i
    raise AssertionError(f"{name} belongs to no layer: add it to LAYERS in {__file__}")


def test_every_module_has_a_layer() -> None:
    for name in MODULES:
        _layer(name)


def test_no_module_imports_upward() -> None:
    upward = sorted(f"{a} -> {b}" for a, targets in GRAPH.items() for b in targets if _layer(b) > _layer(a))
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_the_import_graph_has_no_circle() -> None:
    # Tarjan's strongly connected components over the module graph (package __init__ files whose
    # only job is to re-export their children are edges like any other).
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for name in GRAPH:
        if name not in index:
            visit(name)
    assert not circles, f"import circles: {circles}"


def test_the_graph_sees_function_local_imports() -> None:
    # the CLI imports the web app only inside `serve`: the graph must still see it
    assert "storyfold.web" in GRAPH["storyfold.cli"] or "storyfold.web.app" in GRAPH["storyfold.cli"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_small(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines (at most {MAX_LINES}): split it by concept"


def test_the_facade_stays_a_facade() -> None:
    lines = len(MODULES["storyfold.api"].read_text(encoding="utf-8").splitlines())
    assert lines <= API_MAX_LINES, f"storyfold/api.py has {lines} lines: the work belongs in the rooms it calls"


def test_the_architecture_document_lists_every_module() -> None:
    doc = (PACKAGE.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    tree = doc.split("```", 2)[1]  # the first code block: the package's tree
    listed = {line.split()[0] for line in tree.splitlines()[1:] if line.strip()
              and line.split()[0].endswith(".py")}
    actual = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")}
    assert listed == actual, (
        f"docs/architecture.md misses {sorted(actual - listed)} and lists modules that do not exist: "
        f"{sorted(listed - actual)}"
    )
