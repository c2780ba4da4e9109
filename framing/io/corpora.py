"""Read corpora from files in chunks: CSV (or TSV), JSONL and Parquet tables, one article a row.

It takes a path and gives DataFrames, chunk by chunk, with errors that say what to do; a row
that cannot be read keeps its place, with a :class:`~framing.io.documents.RowProblem` as its
text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from framing.errors import InputError
from framing.io.documents import CORPUS_SUFFIXES, RowProblem, check_columns, check_file

__all__ = ["iter_corpus", "DEFAULT_CHUNK_ROWS", "corpus_rows"]

#: Rows read at a time from a corpus file: large enough to amortise pandas' per-call cost, small
#: enough that a chunk of long articles stays within tens of megabytes.
DEFAULT_CHUNK_ROWS = 5_000


def iter_corpus(
    path: Path,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    keep: Sequence[str] = (),
) -> Iterator[pd.DataFrame]:
    """Yield a corpus file's rows in chunks of at most ``chunk_rows``, in file order.

    Only the id, text and ``keep`` columns are kept (a Parquet file reads no other). The row
    numbers of the whole file are the chunks' index, so that a corpus without an id column still
    has a stable id per row. A JSONL line that is not a JSON object keeps its row, with a
    :class:`RowProblem` as its text.
    Raises :class:`InputError` for a file that cannot be read, that lacks the named columns, or
    that has no rows.
    """
    check_file(path)
    suffix = path.suffix.lower()
    columns = [column for column in dict.fromkeys([id_col, text_col, *keep]) if column is not None]
    names = {"text_col": text_col, "id_col": id_col, "keep": tuple(keep)}
    try:
        if suffix in (".csv", ".tsv"):
            chunks = _iter_csv(path, columns, chunk_rows, **names)
        elif suffix in (".jsonl", ".ndjson"):
            chunks = _iter_jsonl(path, columns, chunk_rows, **names)
        elif suffix == ".parquet":
            chunks = _iter_parquet(path, columns, chunk_rows, **names)
        else:
            raise InputError(
                f"{path}: unknown corpus format; use one of {', '.join(CORPUS_SUFFIXES)}"
            )
        offset = 0
        for chunk in chunks:
            chunk.index = pd.RangeIndex(offset, offset + len(chunk))
            offset += len(chunk)
            yield chunk
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path} is not UTF-8 ({error.reason}); convert it, e.g. with iconv -t utf-8"
        ) from None
    except (ValueError, pd.errors.ParserError) as error:
        if isinstance(error, InputError):
            raise
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"{path} could not be read as {suffix[1:]}: {first_line}") from None
    if offset == 0:
        raise InputError(f"{path} has no rows; give a corpus with one article a row")


#: Delimiters a CSV corpus may use; the header line says which (BABE, for one, uses ";").
CSV_DELIMITERS = ",;\t|"


def _csv_delimiter(path: Path) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    with path.open(encoding="utf-8-sig", newline="") as lines:
        header = lines.readline()
    counts = {delimiter: header.count(delimiter) for delimiter in CSV_DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


#: Largest CSV field read, in characters: far above any article (the csv module's default,
#: 131,072, is below some long reads).
CSV_FIELD_LIMIT = 2**31 - 1


def _iter_csv(path: Path, columns: list[str], chunk_rows: int, **names) -> Iterator[pd.DataFrame]:
    """Yield a CSV's rows; a row whose fields do not line up with the header keeps its row."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    rows: list[list[str]] = []
    problems: dict[int, RowProblem] = {}  # the rows of the chunk that could not be read
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=_csv_delimiter(path))
        header = next(reader, [])
        check_columns(header, path=path, **names)
        positions = {column: header.index(column) for column in columns}
        # What a row that could not be read stands as: every field empty, so every column
        # is missing; its text column then gets the RowProblem.
        unread = [""] * len(header)
        try:
            for row in reader:
                if not row:
                    continue
                if len(row) != len(header):
                    # An unquoted delimiter in the text, most often: reading on would shift it.
                    problems[len(rows)] = RowProblem(
                        f"line {reader.line_num} has {len(row)} fields where the header has "
                        f"{len(header)}; quote the text"
                    )
                    row = unread
                rows.append(row)
                if len(rows) == chunk_rows:
                    yield _csv_frame(rows, problems, positions, names["text_col"])
                    rows, problems = [], {}
        except csv.Error as error:
            raise InputError(
                f"{path} could not be read as CSV at line {reader.line_num}: {error}"
            ) from None
    if rows:
        yield _csv_frame(rows, problems, positions, names["text_col"])


def _csv_frame(
    rows: list[list[str]], problems: dict[int, RowProblem], positions: dict[str, int], text_col: str
) -> pd.DataFrame:
    """Return the chunk of CSV ``rows`` as :func:`_frame` makes it of records: only an empty
    field is missing ("NA" or "null" in a text column is text), and a row that could not be
    read has its :class:`RowProblem` as its text. Built column by column, as :func:`_frame`
    builds it record by record (tests/test_io.py checks the two equal)."""
    frame = {}
    for column, index in positions.items():
        values = [row[index] or None for row in rows]
        if column == text_col:
            for number, problem in problems.items():
                values[number] = problem
        frame[column] = pd.Series(values, dtype=object)
    return pd.DataFrame(frame)


def _iter_jsonl(path: Path, columns: list[str], chunk_rows: int, **names) -> Iterator[pd.DataFrame]:
    records: list[dict | RowProblem] = []
    checked = False
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                record = RowProblem(f"line {number} is not valid JSON ({error.msg})")
            if not isinstance(record, dict | RowProblem):
                record = RowProblem(
                    f"line {number} is a JSON {type(record).__name__}, not an object"
                )
            records.append(record)
            if len(records) == chunk_rows:
                if not checked:
                    _check_jsonl_keys(path, records, **names)
                    checked = True
                yield _frame(records, columns, names["text_col"])
                records = []
    if records:
        if not checked:
            _check_jsonl_keys(path, records, **names)
        yield _frame(records, columns, names["text_col"])


def _check_jsonl_keys(path: Path, records: list, **names) -> None:
    keys = dict.fromkeys(key for record in records if isinstance(record, dict) for key in record)
    if keys:
        check_columns(list(keys), path=path, **names)


def _frame(records: list, columns: list[str], text_col: str) -> pd.DataFrame:
    def value(record, column):
        if isinstance(record, RowProblem):
            return record if column == text_col else None
        return record.get(column)

    return pd.DataFrame(
        {
            column: pd.Series([value(record, column) for record in records], dtype=object)
            for column in columns
        }
    )


def _iter_parquet(
    path: Path, columns: list[str], chunk_rows: int, **names
) -> Iterator[pd.DataFrame]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        # pre_buffer=False: with read-ahead buffering, pyarrow 26 kept every row group's buffers
        # allocated until the file was closed, so memory grew with the corpus.
        parquet = pq.ParquetFile(path, pre_buffer=False)
    except pa.ArrowInvalid as error:
        raise InputError(f"{path} is not a Parquet file ({error}); check the file") from None
    check_columns(parquet.schema_arrow.names, path=path, **names)
    # A kept column keeps the file's Arrow type (pandas.ArrowDtype): converted the default way,
    # a chunk where it is all null would get another dtype than the chunks where it is not
    # (object instead of a date), and the chunks could not be written into one Parquet file.
    typed = [
        column for column in names["keep"] if column not in (names["text_col"], names["id_col"])
    ]
    plain = [column for column in columns if column not in typed]
    for batch in parquet.iter_batches(batch_size=chunk_rows, columns=columns):
        if not typed:
            yield batch.to_pandas()
            continue
        frames = [
            batch.select(plain).to_pandas(),
            batch.select(typed).to_pandas(types_mapper=pd.ArrowDtype),
        ]
        yield pd.concat(frames, axis=1)[columns]


def corpus_rows(path: Path) -> int | None:
    """Return the number of rows of a corpus file, counted without parsing it.

    Parquet: from the file's metadata. JSONL: its lines that hold more than white space. CSV
    and TSV: the lines that end outside double quotes (a quoted text may hold line breaks) and
    are not empty, less the header: the rows that the reader yields, each a document or an
    error row. ``None`` when the file cannot be read; the progress bar then shows no total.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "c.csv"
    >>> _ = path.write_text('text\\n"two\\nlines"\\n\\nthree\\n')
    >>> corpus_rows(path)
    2
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            try:
                return pq.ParquetFile(path).metadata.num_rows
            except pa.ArrowInvalid:
                return None
        if suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as lines:
                return sum(1 for line in lines if line.strip())
        if suffix in (".csv", ".tsv"):
            return max(0, _csv_records(path) - 1)
    except OSError:
        return None
    return None


#: Bytes of a CSV file looked at a time when its rows are counted.
_COUNT_BLOCK_BYTES = 1 << 24


def _csv_records(path: Path) -> int:
    """Return the number of non-empty records of a CSV file (the header among them).

    A line break ends a record when an even number of double quotes comes before it (an
    escaped quote, ``""``, is two); a record of nothing (an empty line, or a carriage return
    alone) is skipped, as the csv module's reader skips it.
    """
    import numpy as np

    records = 0
    quotes_before = 0  # double quotes in the blocks already read
    last_end = -1  # offset of the last line break that ended a record
    previous_byte = 0
    offset = 0
    with path.open("rb") as handle:
        while block := handle.read(_COUNT_BLOCK_BYTES):
            data = np.frombuffer(block, dtype=np.uint8)
            quote_counts = np.cumsum(data == ord('"'), dtype=np.int64) + quotes_before
            breaks = np.flatnonzero(data == ord("\n"))
            ends = breaks[quote_counts[breaks] % 2 == 0] + offset
            if len(ends):
                starts = np.concatenate(([last_end], ends[:-1])) + 1
                lengths = ends - starts
                before = np.where(
                    ends - 1 >= offset, data[np.maximum(ends - 1 - offset, 0)], previous_byte
                )
                empty = (lengths == 0) | ((lengths == 1) & (before == ord("\r")))
                records += int(np.count_nonzero(~empty))
                last_end = int(ends[-1])
            quotes_before = int(quote_counts[-1])
            previous_byte = int(data[-1])
            offset += len(block)
    tail = offset - (last_end + 1)
    if tail > 0 and not (tail == 1 and previous_byte == ord("\r")):
        records += 1  # the last record, without a line break after it
    return records
