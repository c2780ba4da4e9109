"""The on-disk cache: built once, read back, rebuilt when stale or damaged, never required."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from framing import _cache
from framing._cache import CACHE_ENV, cached


@pytest.fixture()
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture()
def source(tmp_path) -> Path:
    path = tmp_path / "numbers.txt"
    path.write_text("1 2 3", encoding="utf-8")
    return path


class Builder:
    """Sums the numbers of a file and counts how often it was asked to."""

    def __init__(self, path: Path) -> None:
        self.path, self.calls = path, 0

    def __call__(self) -> dict:
        self.calls += 1
        return {"sum": sum(map(int, self.path.read_text().split())), "values": [1.5, None]}


def test_a_value_is_built_once_then_read_back(folder, source):
    build = Builder(source)
    first = cached("numbers", sources=[source], build=build)
    second = cached("numbers", sources=[source], build=build)
    assert first == second == {"sum": 6, "values": [1.5, None]}
    assert build.calls == 1
    assert [path.suffix for path in folder.iterdir()] == [".pickle"]  # no temporary file left


def test_a_changed_source_builds_again_and_replaces_the_old_file(folder, source):
    build = Builder(source)
    cached("numbers", sources=[source], build=build)
    old = list(folder.iterdir())
    source.write_text("1 2 3 4", encoding="utf-8")
    assert cached("numbers", sources=[source], build=build)["sum"] == 10
    assert build.calls == 2
    new = list(folder.iterdir())
    assert len(new) == 1 and new != old


def test_the_code_that_builds_is_part_of_the_key(folder, source):
    build = Builder(source)
    cached("numbers", sources=[source], build=build)
    cached("numbers", sources=[source], code=["framing.errors"], build=build)
    assert build.calls == 2


def test_another_step_keeps_its_own_file(folder, source):
    cached("numbers", sources=[source], build=Builder(source))
    cached("numbers-again", sources=[source], build=Builder(source))
    assert len(list(folder.iterdir())) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda content: content[: len(content) // 2],  # cut short
        lambda content: content[:-1] + bytes([content[-1] ^ 1]),  # one bit flipped
        lambda content: b"not a cache file",
        lambda content: b"",
    ],
)
def test_a_damaged_file_is_ignored_and_written_again(folder, source, damage):
    build = Builder(source)
    cached("numbers", sources=[source], build=build)
    (path,) = folder.iterdir()
    path.write_bytes(damage(path.read_bytes()))
    assert cached("numbers", sources=[source], build=build)["sum"] == 6
    assert build.calls == 2
    assert cached("numbers", sources=[source], build=build)["sum"] == 6
    assert build.calls == 2  # the file written again is sound


def test_a_folder_that_cannot_be_written_builds_in_memory(tmp_path, monkeypatch, source):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    build = Builder(source)
    assert cached("numbers", sources=[source], build=build)["sum"] == 6
    assert cached("numbers", sources=[source], build=build)["sum"] == 6
    assert build.calls == 2


def test_a_failed_rename_leaves_no_temporary_file(folder, source, monkeypatch):
    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert cached("numbers", sources=[source], build=Builder(source))["sum"] == 6
    assert list(folder.iterdir()) == []


def test_without_the_variable_the_user_cache_folder_is_used(monkeypatch):
    from platformdirs import user_cache_dir

    monkeypatch.delenv(CACHE_ENV, raising=False)
    assert _cache.cache_dir() == Path(user_cache_dir("framing")) / "compiled"
