"""The shape of the code, read from the source (ast), as docs/architecture.md describes it.

- the top of ``core/`` holds at most 12 entries: new code goes into the room of its job;
- no module of ``core/`` or ``gui/`` is over 400 lines;
- no import cycle, counting the imports made inside functions;
- no SQL outside ``core/storage/`` (the migrations are there too), and no window opens a
  transaction: it calls a core function that opens its own;
- a third party's private names only in that library's adapter module;
- ``docs/architecture.md`` names every package.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ROOTS = ("core", "gui")
MAX_TOP_ENTRIES = 12
MAX_LINES = 400
STORAGE = "core/storage/"

#: A third party's private names, each library through one module that lists them.
ADAPTERS = {
    "core/pdf/reportlab_adapter.py": "reportlab: Table and Canvas internals (the names are listed there)",
    "core/paths.py": "PyInstaller: sys._MEIPASS, its documented way to find the bundle",
}
#: Public, documented names that begin with an underscore all the same.
DOCUMENTED_UNDERSCORE = {
    "_exit": "os._exit: ends the process without Python's teardown (tailan-cli, core.cli.common.leave)",
    "_asdict": "a named tuple's fields as a dict (collections.namedtuple's documented API)",
}

SQL_START = re.compile(
    r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|ALTER|DROP|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|VACUUM"
    r"|ATTACH|DETACH|REPLACE|WITH)\b"
)
SQL_CALLS = {"execute", "executemany", "executescript", "execute_many", "execute_returning_dicts", "query"}


def modules() -> list[Path]:
    return sorted(p for root in ROOTS for p in (REPO / root).rglob("*.py") if "__pycache__" not in p.parts)


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


@lru_cache(maxsize=None)
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


# ------------------------------------------------------------------ rooms and sizes
def test_the_top_of_core_holds_at_most_twelve_entries():
    entries = sorted(p.name for p in (REPO / "core").iterdir() if p.name != "__pycache__")
    assert len(entries) <= MAX_TOP_ENTRIES, f"core/ holds {len(entries)}: {entries}; put new code into its room"


@pytest.mark.parametrize("path", modules(), ids=rel)
def test_no_module_is_over_400_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{rel(path)} has {lines} lines: split it by job"


# ------------------------------------------------------------------ imports
@lru_cache(maxsize=None)
def import_graph() -> dict[str, set[str]]:
    """Each module of core/ and gui/ -> the modules of core/ and gui/ it imports, anywhere in it
    (read once per run: callers must not change it).

    ``from a.b import c`` counts as importing ``a.b.c`` when that is a module, else ``a.b``.
    """
    names = {module_name(p): p for p in modules()}

    def known(name: str) -> str | None:
        while name and name not in names:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(tree(path)):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    targets.add(full if full in names else base)
        graph[name] = {t for t in map(known, targets) if t and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
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
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle_hidden_in_a_function():
    """The check can fail: a cycle made by an import inside a function is found."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    graph = import_graph()
    assert "core.pdf.paged" in graph["core.pdf.document"]  # a module-level import
    assert "core.storage.migrations" in graph["core.storage.schema"]  # imported inside a function


@pytest.mark.parametrize("room", ROOTS)
def test_no_import_cycle(room):
    graph = import_graph()
    found = [c for c in cycles(graph) if c[0].split(".")[0] == room]
    assert not found, "import cycles (imports inside functions count): " + "; ".join(" <-> ".join(c) for c in found)


def test_core_never_imports_the_window():
    graph = import_graph()
    assert not [(a, b) for a, targets in graph.items() if a.startswith("core") for b in targets
                if b.startswith("gui")]


# ------------------------------------------------------------------ SQL
def sql_uses(path: Path) -> list[str]:
    """Statements run and SQL written in one module: calls that run SQL, sqlite-utils imported,
    string literals (f-strings too) that begin with an SQL keyword."""
    found = []
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
            if node.func.attr != "query" or _is_connection_like(node.func.value):
                found.append(f"{node.lineno}: .{node.func.attr}(...)")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect" \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "sqlite3":
            found.append(f"{node.lineno}: sqlite3.connect(...)")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(n.split(".")[0] == "sqlite_utils" for n in names):
                found.append(f"{node.lineno}: sqlite-utils imported")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_START.match(node.value):
            found.append(f"{node.lineno}: {node.value[:40]!r}")
        elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant) \
                and SQL_START.match(str(node.values[0].value)):
            found.append(f"{node.lineno}: f{str(node.values[0].value)[:40]!r}")
    return found


def _is_connection_like(node: ast.expr) -> bool:
    text = ast.unparse(node)
    return any(word in text for word in ("conn", "db", "rf"))


def test_the_sql_finder_finds_sql():
    """The check can fail: the storage modules are full of what it looks for."""
    assert len(sql_uses(REPO / "core/storage/editing.py")) > 10
    assert sql_uses(REPO / "core/storage/received.py")
    assert sql_uses(REPO / "core/storage/value_rules.py")


def test_no_sql_outside_storage():
    outside = {rel(p): sql_uses(p) for p in modules() if not rel(p).startswith(STORAGE)}
    assert not {k: v for k, v in outside.items() if v}, "SQL belongs in core/storage/ (a function there per need)"


def test_no_window_opens_a_transaction():
    """Every public write of core.storage opens its own transaction; the window calls it."""
    opened = [f"{rel(p)}:{n.lineno}" for p in modules() if rel(p).startswith("gui/") for n in ast.walk(tree(p))
              if isinstance(n, ast.Attribute) and n.attr in ("transaction", "savepoint", "atomic")]
    assert not opened


# ------------------------------------------------------------------ third parties' private names
@lru_cache(maxsize=None)
def our_names() -> frozenset[str]:
    """Every name our own code defines (functions, classes, attributes, variables), adapters aside
    (read once per run)."""
    names: set[str] = set()
    for path in modules():
        if rel(path) in ADAPTERS:
            continue
        for node in ast.walk(tree(path)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
    return frozenset(names)


def private_uses(path: Path, ours: set[str]) -> list[str]:
    """Private names (``_x``, not ``__x__``) of others used in one module."""

    def private(name: str) -> bool:
        return name.startswith("_") and not (name.startswith("__") and name.endswith("__")) \
            and name not in DOCUMENTED_UNDERSCORE

    found = []
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Attribute) and private(node.attr):
            base = node.value
            is_super = isinstance(base, ast.Call) and isinstance(base.func, ast.Name) and base.func.id == "super"
            if is_super or node.attr not in ours:
                found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and not (node.module or "").startswith(ROOTS) and not node.level:
            found += [f"{node.lineno}: {node.module}.{a.name}" for a in node.names if private(a.name)]
            if any(private(part) for part in (node.module or "").split(".")):
                found.append(f"{node.lineno}: {node.module}")
        elif isinstance(node, ast.Import):
            found += [f"{node.lineno}: {a.name}" for a in node.names
                      if not a.name.startswith(ROOTS) and any(private(part) for part in a.name.split("."))]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr") \
                and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) \
                and isinstance(node.args[1].value, str) and private(node.args[1].value) \
                and node.args[1].value not in ours:
            found.append(f"{node.lineno}: {node.func.id}(..., {node.args[1].value!r})")
    return found


def test_the_private_name_finder_finds_the_adapters_names():
    """The check can fail: the reportlab adapter is made of what it looks for."""
    uses = private_uses(REPO / "core/pdf/reportlab_adapter.py", our_names())
    for name in ("_cellvalues", "_rowHeights", "_calc", "_splitRows", "_startPage"):
        assert any(name in u for u in uses), name
    assert private_uses(REPO / "core/paths.py", our_names())


def test_private_names_of_third_parties_only_in_their_adapters():
    ours = our_names()
    found = {rel(p): private_uses(p, ours) for p in modules() if rel(p) not in ADAPTERS}
    assert not {k: v for k, v in found.items() if v}, (
        "use the library's public API, or name the private use in its adapter module (ADAPTERS)"
    )


# ------------------------------------------------------------------ the map
def test_the_architecture_names_every_package():
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = sorted(rel(p.parent) for p in modules() if p.name == "__init__.py")
    missing = [p for p in packages if f"{p}/" not in text and p.replace("/", ".") not in text]
    assert not missing, f"docs/architecture.md does not name {missing}"
