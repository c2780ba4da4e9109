"""Read documents and corpora from files, with errors that say what to do.

A document is a UTF-8 text file or an HTML page. A corpus is a CSV, JSONL or Parquet table with
one article a row.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from framing.errors import InputError
from framing.html import html_to_text, looks_like_html

__all__ = [
    "CORPUS_SUFFIXES",
    "HTML_SUFFIXES",
    "is_corpus",
    "read_document",
    "iter_corpus",
    "check_columns",
    "DEFAULT_CHUNK_ROWS",
    "corpus_rows",
]

CORPUS_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

#: Rows read at a time from a corpus file: large enough to amortise pandas' per-call cost, small
#: enough that a chunk of long articles stays within tens of megabytes.
DEFAULT_CHUNK_ROWS = 5_000


def is_corpus(path: Path) -> bool:
    """Return whether ``path`` names a corpus table (by its suffix)."""
    return path.suffix.lower() in CORPUS_SUFFIXES


def _check_file(path: Path) -> None:
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
    _check_file(path)
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


def check_columns(columns, *, path: object, text_col: str, id_col: str | None) -> None:
    """Raise :class:`InputError` when the text or id column is not among ``columns``."""
    for role, column in (("text", text_col), ("id", id_col)):
        if column is not None and column not in columns:
            available = ", ".join(map(str, columns))
            raise InputError(
                f"{path} has no column {column!r}; name its {role} column, one of: {available}"
            )


def iter_corpus(
    path: Path,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
) -> Iterator[pd.DataFrame]:
    """Yield a corpus file's rows in chunks of at most ``chunk_rows``, in file order.

    Only the text and id columns are kept. The row numbers of the whole file are the chunks'
    index, so that a corpus without an id column still has a stable id per row.
    """
    _check_file(path)
    suffix = path.suffix.lower()
    columns = [text_col] if id_col is None else list(dict.fromkeys([id_col, text_col]))
    try:
        if suffix == ".csv":
            header = pd.read_csv(path, nrows=0, dtype=object).columns
            check_columns(header, path=path, text_col=text_col, id_col=id_col)
            chunks = pd.read_csv(
                path,
                chunksize=chunk_rows,
                dtype=object,
                keep_default_na=False,
                na_values=[""],
                usecols=columns,
            )
        elif suffix in (".jsonl", ".ndjson"):
            chunks = pd.read_json(path, lines=True, chunksize=chunk_rows, dtype=False)
        elif suffix == ".parquet":
            chunks = _iter_parquet(path, chunk_rows, columns, text_col=text_col, id_col=id_col)
        else:
            raise InputError(
                f"{path}: unknown corpus format; use one of {', '.join(CORPUS_SUFFIXES)}"
            )
        offset = 0
        for chunk in chunks:
            if offset == 0:
                check_columns(chunk.columns, path=path, text_col=text_col, id_col=id_col)
            chunk = chunk[columns]
            chunk.index = pd.RangeIndex(offset, offset + len(chunk))
            offset += len(chunk)
            yield chunk
    except UnicodeDecodeError as error:
        raise InputError(f"{path} is not UTF-8 (byte {error.start}); convert it to UTF-8") from None
    except (ValueError, pd.errors.ParserError) as error:
        if isinstance(error, InputError):
            raise
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"{path} could not be read as {suffix[1:]}: {first_line}") from None


def _iter_parquet(
    path: Path, chunk_rows: int, columns: list[str], *, text_col: str, id_col: str | None
) -> Iterator[pd.DataFrame]:
    """Yield a Parquet file's batches, reading only ``columns`` from disk."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except pa.ArrowInvalid as error:
        raise InputError(f"{path} is not a Parquet file ({error}); check the file") from None
    check_columns(parquet.schema_arrow.names, path=path, text_col=text_col, id_col=id_col)
    for batch in parquet.iter_batches(batch_size=chunk_rows, columns=columns):
        yield batch.to_pandas()


def corpus_rows(path: Path) -> int | None:
    """Return the number of rows of a corpus file when it is known without reading it (Parquet).

    CSV and JSONL files would have to be read to count their rows: ``None`` for them.
    """
    if path.suffix.lower() != ".parquet":
        return None
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except (pa.ArrowInvalid, OSError):
        return None
