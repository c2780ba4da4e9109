"""Read documents from files, with errors that say what to do.

A document is a UTF-8 text file or an HTML page. A corpus (a CSV, TSV, JSONL or Parquet table
with one article a row) is read by :mod:`framing.io.corpora`; this module names its suffixes,
and neither it nor what it imports needs pandas, so measuring one article starts quickly.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Sequence
from pathlib import Path

from framing.errors import InputError
from framing.io.html import html_to_text, looks_like_html

__all__ = [
    "CORPUS_SUFFIXES",
    "HTML_SUFFIXES",
    "is_corpus",
    "read_document",
    "check_columns",
    "RowProblem",
]

CORPUS_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def is_corpus(path: Path) -> bool:
    """Return whether ``path`` names a corpus table (by its suffix)."""
    return path.suffix.lower() in CORPUS_SUFFIXES


def check_file(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path} is a directory; give the files inside it, e.g. {path}/*.txt")
    if path.stat().st_size == 0:
        raise InputError(f"{path} is empty; give a file with an article's text")


def read_document(path: Path) -> str:
    """Return the article text of a UTF-8 text file, or of an HTML page.

    Raises :class:`~framing.errors.InputError` for a missing, empty, binary or non-UTF-8 file.
    """
    check_file(path)
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise InputError(
            f"{path} is a binary file, not text; give a UTF-8 text or HTML file "
            "(or a .csv/.jsonl/.parquet corpus)"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path} is not UTF-8 (byte {error.start}); convert it, e.g. "
            f"iconv -f latin1 -t utf-8 {path} > {path.stem}.utf8{path.suffix}"
        ) from None
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{path} holds no text; give a file with an article's text")
    return text


def check_columns(
    columns, *, path: object, text_col: str, id_col: str | None, keep: Sequence[str] = ()
) -> None:
    """Raise :class:`InputError` when the text, id or a kept column is not among ``columns``."""
    available = ", ".join(map(str, columns)) or "none"
    for role, column in (("text", text_col), ("id", id_col)):
        if column is not None and column not in columns:
            raise InputError(
                f"{path} has no column {column!r}; name its {role} column, one of: {available}"
            )
    for column in keep:
        if column not in columns:
            raise InputError(
                f"{path} has no column {column!r} to keep; keep only columns it has: {available}"
            )


class RowProblem:
    """A corpus row that could not be read, standing in for its text; ``message`` says why."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __repr__(self) -> str:
        return f"RowProblem({self.message!r})"


#: The names this module held before corpora had a module of their own.
_MOVED_TO_CORPORA = frozenset({"iter_corpus", "corpus_rows", "DEFAULT_CHUNK_ROWS"})


def __getattr__(name: str) -> object:
    """Return a name that moved to :mod:`framing.io.corpora`, with a warning that says so."""
    if name not in _MOVED_TO_CORPORA:
        raise AttributeError(f"module 'framing.io.documents' has no attribute {name!r}")
    warnings.warn(
        f"framing.io.documents.{name} moved to framing.io.corpora.{name}; import it from there "
        f"(or from framing.io)",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(importlib.import_module("framing.io.corpora"), name)
