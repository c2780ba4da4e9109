"""The package's layout: imports run one way, along the data path, and never in a cycle.

Every module of ``framing`` belongs to one step of :data:`ORDER`. A module may import from its
own step or an earlier one, never from a later one. Every import counts: those at the top of a
module, inside functions, and under ``TYPE_CHECKING``. The front door (``framing/__init__.py``)
and ``framing/__main__.py`` stand above every step.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "framing"

#: The steps of the data path, first to last (README, "Architecture"). A name is a subpackage
#: or a module directly under ``framing/``.
ORDER = (
    ("_version", "errors", "_moved", "_cache", "_optional", "_files", "_lazy"),
    ("text",),
    ("io",),
    ("measures",),
    ("voice",),
    ("types",),
    ("article",),
    ("table",),
    ("comparisons",),
    ("datasets",),
    ("report",),
    ("cli",),
)
#: Modules that may import from every step: they only gather the public names.
TOP = {"framing", "framing.__main__"}


def step_of(module: str, order=ORDER) -> int:
    """Return the index in ``order`` of the step that holds ``module`` (``framing.x.y``)."""
    part = module.split(".")[1]
    for index, names in enumerate(order):
        if part in names:
            return index
    raise AssertionError(f"{module} is in no step of ORDER: add it to the list")


def module_name(path: Path, root: Path) -> str:
    relative = path.relative_to(root.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, module: str, package: str) -> set[str]:
    """Return the package's modules that ``path`` imports, wherever the import stands."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # a relative import: resolve it against this module
                base = module.split(".")[: -node.level or None]
                if path.name == "__init__.py":
                    base = module.split(".")[: len(module.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {name for name in found if name == package or name.startswith(package + ".")}


def import_graph(root: Path) -> dict[str, set[str]]:
    """Return each module of the package at ``root`` with the modules of it that it imports."""
    package = root.name
    modules = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    graph = {}
    for module, path in modules.items():
        targets = set()
        for name in imports_of(path, module, package):
            # "from framing.table import engine" names a module; "from framing.table import
            # analyze" names an attribute of a package: keep the longest name that is a module.
            while name not in modules and "." in name:
                name = name.rsplit(".", 1)[0]
            if name != module:
                targets.add(name)
        # "from framing.table import engine" imports the package and its module: keep the module
        graph[module] = {t for t in targets if not any(o.startswith(t + ".") for o in targets)}
    return graph


def upward_imports(graph: dict[str, set[str]], order=ORDER, top=TOP) -> list[str]:
    """Return ``"a -> b"`` for every import of a later step by an earlier one."""
    wrong = []
    for module, targets in sorted(graph.items()):
        if module in top:
            continue
        for target in sorted(targets):
            if target not in top and step_of(target, order) > step_of(module, order):
                wrong.append(f"{module} -> {target}")
            elif target in top and module not in top:
                wrong.append(f"{module} -> {target} (the front door imports everything)")
    return wrong


def cycles(graph: dict[str, set[str]], top=TOP) -> list[list[str]]:
    """Return the import cycles among the modules, the front door left out."""
    found, state = [], {}

    def visit(module, path):
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if target in top:
                continue
            if state.get(target) == "open":
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state and module not in top:
            visit(module, [module])
    return found


def test_every_module_is_in_a_step():
    for module in import_graph(PACKAGE):
        if module not in TOP:
            step_of(module)


def test_imports_follow_the_data_path():
    assert upward_imports(import_graph(PACKAGE)) == []


def test_no_import_cycles():
    assert cycles(import_graph(PACKAGE)) == []


def _write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "framing"
    for name, source in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return package


TINY = {
    "__init__.py": "from framing.table.engine import analyze\n",
    "errors.py": "",
    "text/__init__.py": "",
    "text/words.py": "from framing.errors import *\n",
    "table/__init__.py": "",
    "table/engine.py": "from framing.text.words import WORD\n",
}


@pytest.mark.parametrize(
    ("added", "expected"),
    [
        # a clean package: text below table, the front door above both
        ({}, []),
        # text reaching up into table, at the top of the module
        (
            {"text/words.py": "from framing.table import engine\n"},
            ["framing.text.words -> framing.table.engine"],
        ),
        # the same, hidden inside a function
        (
            {"text/words.py": "def f():\n    from framing.table.engine import analyze\n"},
            ["framing.text.words -> framing.table.engine"],
        ),
        # the same, under TYPE_CHECKING, by a relative import
        (
            {"text/words.py": "if TYPE_CHECKING:\n    from ..table import engine\n"},
            ["framing.text.words -> framing.table.engine"],
        ),
        # a step that imports the front door
        (
            {"text/words.py": "import framing\n"},
            ["framing.text.words -> framing (the front door imports everything)"],
        ),
    ],
)
def test_the_check_finds_an_upward_import(tmp_path, added, expected):
    package = _write_package(tmp_path, {**TINY, **added})
    order = (("errors",), ("text",), ("table",))
    assert upward_imports(import_graph(package), order=order) == expected


def test_the_check_finds_a_cycle(tmp_path):
    package = _write_package(
        tmp_path,
        {
            **TINY,
            "table/rows.py": "from framing.table import engine\n",
            "table/engine.py": "from framing.table.rows import x\n",
        },
    )
    assert cycles(import_graph(package)) == [
        ["framing.table.engine", "framing.table.rows", "framing.table.engine"]
    ]


def test_a_moved_module_names_its_new_place():
    with pytest.raises(ModuleNotFoundError, match=r"framing.corpus moved to framing.table.engine"):
        import framing.corpus  # noqa: F401
    with pytest.raises(ModuleNotFoundError, match=r"moved to framing.comparisons.contrast"):
        from framing.voice import voice_contrast  # noqa: F401


def _architecture_section() -> str:
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Architecture\n", 1)[1].split("\n## ", 1)[0]


def test_every_path_the_readmes_architecture_names_exists():
    # `framing/...` and `tests/...` from the repository; `step/module.py` from framing/
    names = [
        name
        for name in re.findall(r"`([\w./]+/[\w./]*)`", _architecture_section())
        if name.endswith((".py", "/"))
    ]
    assert len(names) >= 15
    for name in names:
        root = PACKAGE.parent if name.startswith(("framing/", "tests/")) else PACKAGE
        assert (root / name).exists(), name
    # every step of ORDER is drawn in the picture
    for names_of_step in ORDER[1:]:
        assert any(
            f"{step}/" in _architecture_section() or f"{step}.py" in _architecture_section()
            for step in names_of_step
        ), names_of_step
