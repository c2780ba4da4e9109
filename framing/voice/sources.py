"""Known outlets, agencies and organisations: the sources list, its file and its loader.

>>> sources = load_sources()
>>> sources.lookup("Centcom"), sources.lookup("CBS")
(Source(name='CENTCOM', kind='agency'), Source(name='CBS News', kind='outlet'))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeAlias

from framing.errors import FramingError, InputError
from framing.io.tables import bundled_file, read_data_table
from framing.voice.model import SOURCE_KINDS, UNNAMED_KINDS, Source

__all__ = [
    "SourceEntry",
    "SourceList",
    "SourcesLike",
    "read_sources",
    "load_sources",
    "read_unnamed_cues",
    "load_unnamed_cues",
    "unnamed_source",
]


@dataclass(frozen=True)
class SourceEntry:
    """One known source: canonical name, kind, the aliases that name it, and a description."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    description: str = ""


class SourceList:
    """Known outlets, agencies and organisations, looked up by alias (case-sensitive, whole words).

    >>> extended = load_sources().extend([SourceEntry("Airwars", "organisation", ("Airwars",))])
    >>> extended.lookup("Airwars").name
    'Airwars'
    """

    def __init__(self, entries: Iterable[SourceEntry], *, origin: str = "custom") -> None:
        self.entries = tuple(entries)
        self.origin = origin
        self._by_alias: dict[str, SourceEntry] = {}
        for entry in self.entries:
            if entry.kind not in SOURCE_KINDS:
                raise InputError(
                    f"source {entry.name!r} in {origin} has kind {entry.kind!r}; use one of: "
                    f"{', '.join(SOURCE_KINDS)}"
                )
            for alias in (entry.name, *entry.aliases):
                known = self._by_alias.get(alias)
                if known is not None and known.name != entry.name:
                    raise InputError(
                        f"alias {alias!r} in {origin} names both {known.name!r} and "
                        f"{entry.name!r}; keep it under one of them"
                    )
                self._by_alias[alias] = entry
        self.longest_alias = max((len(alias.split()) for alias in self._by_alias), default=0)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, alias: str) -> Source | None:
        """Return the source that ``alias`` names, or ``None`` when it is not a known alias."""
        entry = self._by_alias.get(alias)
        return Source(entry.name, entry.kind) if entry else None

    def extend(self, entries: Iterable[SourceEntry]) -> SourceList:
        """Return a new list with ``entries`` added (an entry replaces a known one of its name)."""
        added = list(entries)
        names = {entry.name for entry in added}
        kept = [entry for entry in self.entries if entry.name not in names]
        return SourceList([*kept, *added], origin=self.origin)


#: Sources: a loaded list, or a sources ``.tsv`` file to load.
SourcesLike: TypeAlias = SourceList | str | Path


def read_sources(path: str | Path) -> SourceList:
    """Return the sources in a TSV file with ``name``, ``kind``, ``aliases`` (``|``-separated)
    and optionally ``description`` columns; ``#`` starts a comment line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"sources file {str(path)!r} does not exist; check the path")
    entries = [
        SourceEntry(
            name=row.text("name"),
            kind=row.text("kind"),
            aliases=tuple(a.strip() for a in row.text("aliases").split("|") if a.strip()),
            description=row.text("description"),
        )
        for row in read_data_table(path, required={"name", "kind", "aliases"})
    ]
    return SourceList(entries, origin=str(path))


@cache
def _bundled_sources() -> SourceList:
    with resources.as_file(bundled_file("sources.tsv")) as path:
        sources = read_sources(path)
    sources.origin = "framing/data/sources.tsv"
    return sources


def load_sources(source: SourcesLike | None = None) -> SourceList:
    """Return the known sources: the bundled list (``None``), a TSV file, or the list given.

    >>> len(load_sources()) > 50
    True
    """
    if source is None:
        return _bundled_sources()
    if isinstance(source, SourceList):
        return source
    if isinstance(source, str | Path):
        return read_sources(source)
    raise FramingError(
        f"sources must be a SourceList, a path to a sources .tsv file, or None, "
        f"not {type(source).__name__}"
    )


def read_unnamed_cues(path: str | Path) -> dict[str, str]:
    """Return head noun -> kind from a TSV file with ``word``, ``kind`` and ``reason`` columns
    (``framing/data/source_kinds.tsv``)."""
    path = Path(path)
    cues: dict[str, str] = {}
    for row in read_data_table(path, required={"word", "kind", "reason"}):
        word, kind = row.text("word"), row.text("kind")
        if kind not in UNNAMED_KINDS:
            raise InputError(
                f"source cue {word!r} in {path} has kind {kind!r}; use one of: "
                f"{', '.join(UNNAMED_KINDS)}"
            )
        if word in cues:
            raise InputError(f"source cue {word!r} is in {path} twice; keep one line")
        cues[word] = kind
    return cues


@cache
def load_unnamed_cues() -> dict[str, str]:
    """Return the bundled head nouns of unnamed sources and their kinds.

    >>> cues = load_unnamed_cues()
    >>> cues["officials"], cues["study"], cues["critics"]
    ('official', 'document', 'public')
    """
    with resources.as_file(bundled_file("source_kinds.tsv")) as path:
        return read_unnamed_cues(path)


def unnamed_source(words: list[str]) -> Source | None:
    """Return the source that a phrase without a name stands for, its kind decided by its last
    word, the head noun (:func:`load_unnamed_cues`); ``None`` when the head says no kind.

    >>> unnamed_source(["Federal", "and", "state", "officials"])
    Source(name='Federal and state officials', kind='official')
    >>> unnamed_source(["new", "census", "data"]), unnamed_source(["the", "weather"])
    (Source(name='new census data', kind='document'), None)
    """
    if not words:
        return None
    kind = load_unnamed_cues().get(words[-1].lower())
    return Source(" ".join(words), kind) if kind else None
