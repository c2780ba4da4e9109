"""The front door (framing/__init__.py): its names, imported on first use."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

import pytest

import framing
from tests.conftest import REPO

#: Each public name and the module that defines it.
FRONT_DOOR = [
    ("Article", "framing.article"),
    ("Paragraph", "framing.article"),
    ("analyze", "framing.table.engine"),
    ("compare", "framing.comparisons.align"),
    ("load_lexicon", "framing.measures.lexicon"),
    ("Lexicon", "framing.measures.lexicon"),
    ("FramingError", "framing.errors"),
    ("compare_groups", "framing.comparisons.groups"),
    ("match_sources", "framing.comparisons.matching"),
    ("compare_corpus", "framing.comparisons.corpus"),
    ("save_table", "framing.table.results"),
    ("voice_contrast", "framing.comparisons.contrast"),
]


@pytest.mark.parametrize(("name", "module"), FRONT_DOOR)
def test_a_front_door_name_is_the_object_of_its_module(name, module):
    assert getattr(framing, name) is getattr(importlib.import_module(module), name)
    namespace: dict = {}
    exec(f"from framing import {name}", namespace)
    assert namespace[name] is getattr(importlib.import_module(module), name)


def test_all_and_dir_list_the_front_door():
    assert sorted(framing.__all__) == sorted([name for name, _ in FRONT_DOOR] + ["__version__"])
    assert set(framing.__all__) <= set(dir(framing))


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="module 'framing' has no attribute 'analyse'"):
        framing.analyse  # noqa: B018


def _imported_by(code: str) -> list[str]:
    """Return which heavy libraries a new Python process has imported after running ``code``."""
    heavy = (
        "pandas",
        "numpy",
        "pyarrow",
        "matplotlib",
        "sklearn",
        "dask",
        "scipy",
        "textblob",
        "nltk",
        "tqdm",
    )
    script = (
        f"{code}\nimport json, sys\nprint(json.dumps([m for m in {heavy!r} if m in sys.modules]))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_importing_the_package_or_the_command_imports_no_heavy_library():
    assert _imported_by("import framing") == []
    assert _imported_by("import framing.cli") == []
    assert _imported_by("import framing.cli; framing.cli.build_parser()") == []


def test_a_front_door_name_imports_what_it_needs():
    assert _imported_by("import framing; framing.Article") == []
    assert _imported_by("import framing; framing.analyze") == ["pandas", "numpy", "pyarrow"]


def test_the_packages_import_their_modules_on_first_use():
    assert _imported_by("import framing.io, framing.table, framing.table.records") == []
    assert _imported_by("import framing.io; framing.io.iter_corpus") == [
        "pandas",
        "numpy",
        "pyarrow",
    ]


def test_analyzing_a_document_imports_no_pandas_textblob_plots_or_hidden_progress_bar(tmp_path):
    seed = REPO / "framing" / "data" / "seed" / "000_40f3ba37e42615d7.txt"
    argv = ["analyze", str(seed), "-o", str(tmp_path / "seed.csv")]
    code = f"from framing.cli import main; main({argv!r})"
    assert _imported_by(code) == []
    assert (tmp_path / "seed.csv").read_text(encoding="utf-8").startswith("doc_id,paragraph")


def test_analyzing_a_corpus_imports_pandas(tmp_path):
    corpus = tmp_path / "corpus.csv"
    corpus.write_text("text\nISIS lost the city.\n", encoding="utf-8")
    argv = ["analyze", str(corpus), "-o", str(tmp_path / "out.csv")]
    code = f"from framing.cli import main; main({argv!r})"
    assert _imported_by(code) == ["pandas", "numpy", "pyarrow"]
