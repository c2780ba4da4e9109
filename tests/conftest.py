"""Shared fixtures: the embedded seed, and the shared data folder beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: Material nobody on the project wrote (BABE, AllSides, published lexicons), kept beside the
#: repository; FRAMING_SHARED_DATA points elsewhere.
SHARED_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session", autouse=True)
def _cache_folder(tmp_path_factory):
    """Keep the cache files that the tests write (framing/_cache.py) out of the user's home."""
    folder = tmp_path_factory.mktemp("framing-cache")
    previous = os.environ.get("FRAMING_CACHE_DIR")
    os.environ["FRAMING_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["FRAMING_CACHE_DIR"]
    else:
        os.environ["FRAMING_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def seed_text() -> str:
    from framing.datasets.loaders import load_seed_text

    return load_seed_text()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(
            f"the shared data folder {SHARED_DATA} is missing; put shared/ beside the repository "
            "or set FRAMING_SHARED_DATA"
        )
    return SHARED_DATA
