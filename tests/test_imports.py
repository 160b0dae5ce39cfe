"""The shape of the import graph: no cycles, and the layering DESIGN asks for.

Every module under ``src/broadsheet`` is parsed (not imported) and every import
it makes is collected, at module level and inside functions alike: a cycle
closed by an import inside a function still ties the two modules together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from broadsheet.formats import registry

SRC = Path(__file__).resolve().parents[1] / "src"


@cache
def modules() -> dict[str, tuple[Path, bool]]:
    """Every module's dotted name, with its file and whether it is a package's ``__init__``."""
    found: dict[str, tuple[Path, bool]] = {}
    for path in sorted((SRC / "broadsheet").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts.pop()
        found[".".join(parts)] = (path, package)
    return found


def _imports(name: str) -> Iterator[str]:
    """The broadsheet modules ``name`` imports, anywhere in its source."""
    known = modules()
    path, package = known[name]
    here = name if package else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(here.split(".")[: len(here.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            for alias in node.names:
                # `from a.b import c` depends on the module a.b.c when there is one, else on a.b.
                full = f"{base}.{alias.name}"
                if full in known:
                    yield full
                elif base in known:
                    yield base


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module name to the modules it imports (itself left out)."""
    return {name: frozenset(_imports(name)) - {name} for name in modules()}


def find_cycle(edges: dict[str, frozenset[str]]) -> list[str] | None:
    """One cycle in ``edges`` as a path that starts and ends on the same module, or ``None``."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(node: str) -> list[str] | None:
        path.append(node)
        on_path.add(node)
        for target in sorted(edges.get(node, ())):
            if target in on_path:
                return [*path[path.index(target) :], target]
            if target not in done and (cycle := visit(target)):
                return cycle
        path.pop()
        on_path.discard(node)
        done.add(node)
        return None

    for start in sorted(edges):
        if start not in done and (cycle := visit(start)):
            return cycle
    return None


def closure(name: str) -> set[str]:
    """Every module ``name`` imports, directly or not."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        for target in graph()[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_the_parser_sees_imports_inside_functions_and_relative_ones() -> None:
    # Guards the checker itself: sources.py imports the fetcher only inside load().
    assert "broadsheet.formats._shared.fetch" in graph()["broadsheet.formats._shared.sources"]
    assert "broadsheet.formats.json.schema" in graph()["broadsheet.cli"]
    assert find_cycle({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"})}) == [
        "a",
        "b",
        "c",
        "a",
    ]
    assert find_cycle({"a": frozenset({"b"}), "b": frozenset()}) is None


def test_no_import_cycles() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())


@pytest.mark.parametrize("name", [m for m in modules() if m.startswith("broadsheet.formats")])
def test_formats_never_import_the_top_level_package(name: str) -> None:
    assert "broadsheet" not in graph()[name], f"{name} imports broadsheet itself; use broadsheet.version etc."


def test_the_model_imports_no_format_and_no_analysis() -> None:
    for name in modules():
        if name.startswith("broadsheet.model"):
            outside = {
                m for m in graph()[name] if not m.startswith(("broadsheet.model", "broadsheet.errors"))
            }
            assert not outside, f"{name} imports {sorted(outside)}"


def _module_of(target: str) -> str:
    return target.partition(":")[0]


def test_readers_never_import_writers() -> None:
    writers = {_module_of(f.writer.function) for f in registry.BUILTIN_FORMATS if f.writer}
    assert "broadsheet.formats.newsml.writer" in writers
    for fmt in registry.BUILTIN_FORMATS:
        if fmt.reader is None:
            continue
        reader = _module_of(fmt.reader.function)
        # The native JSON codec reads and writes in one module: the two are one mapping,
        # which JSON Lines reuses for each of its lines.
        mapping = {reader, "broadsheet.formats.json"} if fmt.name == "jsonl" else {reader}
        reached = ({reader} | closure(reader)) & (writers - mapping)
        assert not reached, f"the {fmt.name} reader ({reader}) imports writers: {sorted(reached)}"
