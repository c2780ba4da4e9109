"""What a test needs and a user may lack: a one-line skip that says how to get it, or a failure
where FRAMING_REQUIRE_ALL is set (CI)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, REQUIRE_ALL, SHARED_DATA, SHARED_DATASETS

#: A tiny test file: one test lacks a program, one lacks shared data, one has what it needs.
TINY_TESTS = """
from tests.conftest import need, need_data


def test_lacks_a_program():
    need(False, "needs a unicorn: apt-get install unicorn")


def test_lacks_babe():
    need_data("babe")


def test_has_what_it_needs():
    need(True, "never shown")
"""


def _run_tiny_tests(tmp_path, require_all: str | None) -> subprocess.CompletedProcess:
    (tmp_path / "test_tiny.py").write_text(TINY_TESTS, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO), "FRAMING_SHARED_DATA": str(tmp_path / "empty")}
    env.pop(REQUIRE_ALL, None)
    if require_all is not None:
        env[REQUIRE_ALL] = require_all
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rsf", "-p", "no:cacheprovider", "test_tiny.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("require_all", [None, "0"])
def test_without_the_variable_what_is_missing_is_skipped_with_how_to_get_it(tmp_path, require_all):
    result = _run_tiny_tests(tmp_path, require_all)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 2 skipped" in result.stdout
    empty = tmp_path / "empty"
    assert "needs a unicorn: apt-get install unicorn" in result.stdout
    assert (
        f"needs {empty}/babe/final_labels_SG1.csv (BABE): run `framing download babe "
        f"--data-dir {empty}`, or set FRAMING_SHARED_DATA to a folder with it"
    ) in result.stdout


def test_with_the_variable_what_is_missing_fails(tmp_path):
    result = _run_tiny_tests(tmp_path, "1")
    assert result.returncode == 1, result.stdout
    assert "2 failed, 1 passed" in result.stdout
    assert "SKIPPED" not in result.stdout and "skipped" not in result.stdout.splitlines()[-1]
    assert (
        "needs a unicorn: apt-get install unicorn (FRAMING_REQUIRE_ALL is set: "
        "nothing may be skipped)"
    ) in result.stdout


def test_every_shared_dataset_says_how_to_get_it():
    for files, title, how in SHARED_DATASETS.values():
        assert files and title
        assert how.startswith(("run `framing download", "copy "))
        assert "{folder}" in how


def test_the_ci_requires_everything():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert f"export {REQUIRE_ALL}=1" in ci
    assert ci.index(f"export {REQUIRE_ALL}=1") < ci.index("make test")


def test_the_shared_data_folder_can_be_moved():
    # FRAMING_SHARED_DATA names it; beside the repository otherwise.
    expected = os.environ.get("FRAMING_SHARED_DATA", str(REPO.parent / "shared" / "data"))
    assert str(SHARED_DATA) == expected
