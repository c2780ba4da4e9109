"""The embedded worked example as articles: the seed and the reports it cites."""

from __future__ import annotations

from pathlib import Path

from framing.article import Article
from framing.datasets.fetch import source_paths
from framing.datasets.loaders import embedded_data_dir, seed_path, source_path

__all__ = ["DOD_NAME", "dod_release", "load_article", "seed_article", "seed_sources"]

#: The name the DoD/CENTCOM release goes by in tables and figures.
DOD_NAME = "DoD/CENTCOM release"


def seed_article() -> Article:
    """Return the seed article ("ALERT: Trump Wins Massive Military Victory ...")."""

    return Article.from_file(seed_path())


def load_article(path: str | Path | None = None) -> Article:
    """Return the article in the text or HTML file ``path``, or the seed article when ``None``."""
    return Article.from_file(path) if path is not None else seed_article()


def dod_release() -> Article:
    """Return the DoD/CENTCOM release of 2017-10-16 that the seed quotes."""

    return Article.from_file(source_path())


def seed_sources(cache: str | Path | None = None, *, fetched: bool = True) -> dict[str, Article]:
    """Return ``{name: Article}``: the DoD release, and the seed's other sources where fetched.

    The other sources are the entries of ``framing/data/sources/manifest.csv`` whose text
    ``framing fetch-sources`` has cached in ``cache`` (default: the user's cache folder), named
    by their manifest id. Nothing is fetched here; ``fetched=False`` gives the DoD release only.
    """

    sources = {DOD_NAME: dod_release()}
    if fetched:
        manifest = embedded_data_dir() / "sources" / "manifest.csv"
        for name, path in source_paths(manifest, cache_dir=cache).items():
            if path.resolve() != source_path().resolve():
                sources[name] = Article.from_file(path)
    return sources
