"""Datasets: the embedded worked example, and loaders for research corpora.

The seed article and the public-domain DoD/CENTCOM release it quotes are committed under the
repository's ``data/`` folder.
"""

from __future__ import annotations

from pathlib import Path

from framing.errors import MissingDataError

__all__ = ["embedded_data_dir", "seed_path", "source_path", "load_seed_text", "SEED_FILE"]

SEED_FILE = "seed/000_40f3ba37e42615d7.txt"
DOD_RELEASE_FILE = "sources/dod-centcom-2017-10-16-yemen-isis-camps.txt"


def embedded_data_dir() -> Path:
    """Return the repository's ``data/`` folder, which holds the embedded examples."""
    folder = Path(__file__).resolve().parent.parent / "data"
    if not (folder / SEED_FILE).is_file():
        raise MissingDataError(
            f"the embedded examples are not at {folder}; install framing from a clone of its "
            "repository with `make install` (pip install -e .), which keeps data/ beside it"
        )
    return folder


def seed_path() -> Path:
    """Return the path of the seed article (October 2017, "ALERT: Trump Wins ...")."""
    return embedded_data_dir() / SEED_FILE


def source_path() -> Path:
    """Return the path of the DoD/CENTCOM release of 2017-10-16 that the seed quotes."""
    return embedded_data_dir() / DOD_RELEASE_FILE


def load_seed_text() -> str:
    """Return the seed article's text, exactly as committed."""
    return seed_path().read_text(encoding="utf-8")
