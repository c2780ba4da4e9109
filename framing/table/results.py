"""Save result tables with what made them: the measures' definitions and framing's version.

- Parquet: the metadata sits in the file's schema metadata, under the key ``framing``.
- CSV and JSONL: the metadata sits in a sidecar file ``<file>.meta.json`` beside it, so the
  table itself stays plain and any CSV reader opens it (a commented header would not be).

The metadata is JSON: ``{"framing_version": ..., "columns": {column: definition}, ...}`` plus
what the caller adds (for example the dataset a table came from). A column copied from the
corpus with ``keep=`` is defined as :data:`KEPT_DEFINITION`. It holds no time stamp, so
the same table saved twice gives byte-identical files.

>>> import pandas as pd, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = save_table(pd.DataFrame({"doc_id": ["a"], "polarity": [0.5]}), folder / "t.parquet")
>>> read_metadata(path)["columns"]["polarity"]
'TextBlob (pattern) polarity, -1 negative to 1 positive'
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from framing._files import atomic_paths
from framing.errors import FramingError, choices_error
from framing.table.csv_fields import csv_field, csv_lines
from framing.table.dictionary_columns import DEFINITIONS_ATTR
from framing.table.metadata import (
    KEPT_DEFINITION,
    SIDECAR_SUFFIX,
    sidecar_path,
    sidecar_text,
    table_metadata,
)
from framing.table.rows import to_table
from framing.table.schema import KEPT_ATTR
from framing.text.characters import surrogate_problem

__all__ = [
    "save_table",
    "read_metadata",
    "table_metadata",
    "TableWriter",
    "json_records",
    "json_lines",
    "json_value",
    "csv_text",
    "SAVE_FORMATS",
    "KEPT_DEFINITION",
    "METADATA_KEY",
    "SIDECAR_SUFFIX",
]

#: Formats a table can be saved in, by file suffix.
SAVE_FORMATS = {".parquet": "parquet", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
#: The Parquet schema-metadata key that holds framing's metadata.
METADATA_KEY = b"framing"


def _format_of(path: Path, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in set(SAVE_FORMATS.values()):
            raise choices_error("fmt", fmt, sorted(set(SAVE_FORMATS.values())))
        return fmt
    try:
        return SAVE_FORMATS[path.suffix.lower()]
    except KeyError:
        raise choices_error("file suffix", path.suffix, sorted(SAVE_FORMATS)) from None


def json_value(value: object) -> object:
    """Return a cell as a plain JSON value: ``None`` when missing, ISO 8601 for dates and times.

    NumPy scalars become Python numbers, floats keep full precision, lists, arrays and dicts
    are converted item by item, and what JSON cannot hold (a Decimal) becomes its text.

    >>> import numpy as np, datetime
    >>> [json_value(v) for v in (np.int64(3), float("nan"), pd.NaT, datetime.date(2021, 5, 1))]
    [3, None, None, '2021-05-01']
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
        return None if value is pd.NaT else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):  # pd.Timestamp is a datetime
        return value.isoformat()
    if isinstance(value, np.ndarray | list | tuple):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, str | int | float):  # bool is an int
        return value
    return str(value)  # what JSON cannot hold (a Decimal, a Timedelta) as its text


def json_records(table: pd.DataFrame) -> list[dict]:
    """Return the table's rows as dicts of plain JSON values (see :func:`json_value`).

    The one conversion behind JSON and JSONL output, in files and on the command line.

    >>> json_records(pd.DataFrame({"doc_id": ["é"], "polarity": [float("nan")]}))
    [{'doc_id': 'é', 'polarity': None}]
    """
    return [
        {str(key): json_value(value) for key, value in row.items()}
        for row in table.to_dict("records")
    ]


def json_lines(table: pd.DataFrame) -> Iterator[str]:
    """Yield one JSON line per row: non-ASCII text as it is, floats at full precision."""
    for record in json_records(table):
        yield json.dumps(record, ensure_ascii=False) + "\n"


#: Rows turned into CSV text at once by :class:`TableWriter`: a corpus chunk's worth
#: (:data:`framing.io.corpora.DEFAULT_CHUNK_ROWS`), about 2 MB of text.
CSV_ROWS_AT_ONCE = 5_000


_STR = frozenset({str})


def _csv_missing(values: list[str], mask: np.ndarray) -> list[str]:
    """Return ``values`` with an empty field where ``mask`` is set."""
    for position in np.flatnonzero(mask).tolist():
        values[position] = ""
    return values


def _csv_column(column: pd.Series) -> list[str] | None:
    """Return the CSV fields of ``column`` as ``to_csv`` writes them, or ``None`` for a column
    whose dtype or values this does not format (then the table is pandas')."""
    dtype = column.dtype
    if dtype == np.float64:  # repr, as NumPy's astype(str) writes a float64 (shortest round trip)
        values = column.to_numpy()
        return _csv_missing(list(map(repr, values.tolist())), np.isnan(values))
    if dtype == np.int64:
        return list(map(str, column.tolist()))
    if isinstance(dtype, pd.Int64Dtype):
        values = column.to_numpy(dtype=np.int64, na_value=0).tolist()
        return _csv_missing(list(map(str, values)), column.isna().to_numpy())
    if dtype != np.object_ and not isinstance(dtype, pd.StringDtype):
        return None
    values = column.tolist()
    if set(map(type, values)) <= _STR:  # the usual column: text only
        return list(map(csv_field, values))
    fields = []
    for value in values:
        kind = type(value)
        if kind is str:
            fields.append(csv_field(value))
        elif kind is int:
            fields.append(str(value))
        elif value is None or value is pd.NA or (kind is float and value != value):
            fields.append("")
        else:
            return None  # another type (a date, a float, a list): as pandas writes it
    return fields


def csv_text(table: pd.DataFrame, *, header: bool = True) -> str:
    """Return ``table`` as CSV: the text of ``table.to_csv(index=False, header=header)``.

    The columns of framing's tables (floats, integers with or without missing values, text)
    are formatted here, a column at a time; a table with any other column (a kept date, say)
    is written by pandas. The same text as :func:`_reference_csv_text` (tests/test_results.py,
    on every real paragraph and on constructed values), in about two thirds of the time
    (benchmarks/measure_steps.py's ``write_csv`` step).

    >>> csv_text(pd.DataFrame({"text": ['He said "no", twice.'], "score": [0.5]}))
    'text,score\\n"He said ""no"", twice.",0.5\\n'
    """
    columns = list(table.columns)
    # A row of one field is written apart ('""' for an empty one), and a name that is not
    # text, or one that repeats, names no single column: as pandas writes them.
    plain = len(columns) > 1 and table.columns.is_unique
    if not plain or any(type(name) is not str for name in columns):
        return _reference_csv_text(table, header=header)
    fields = [_csv_column(table[name]) for name in columns]
    if any(column is None for column in fields):
        return _reference_csv_text(table, header=header)
    return csv_lines(columns, fields, header=header)


def _reference_csv_text(table: pd.DataFrame, *, header: bool = True) -> str:
    """Return what :func:`csv_text` returns, the plain way: pandas' ``to_csv``."""
    return table.to_csv(index=False, header=header)


def _first_surrogate(table: pd.DataFrame) -> str:
    """Return which cell of ``table`` holds a lone surrogate, and where in it."""
    for column in table.columns:
        for row, value in enumerate(table[column]):
            problem = surrogate_problem(value) if isinstance(value, str) else None
            if problem:
                return f"column {column!r}, row {row} holds a {problem}"
    return "a text holds a lone surrogate"


class TableWriter:
    """Write a table chunk by chunk to Parquet, CSV or JSONL, then its metadata on close.

    Use it as a context manager; every chunk must have the same columns. Only the current
    chunk is in memory, so a table of any length can be written. The columns that the first
    chunk copied from its corpus (``keep=``, listed in its ``attrs``) are defined as such.

    The rows go to a temporary file beside ``path``, which replaces ``path`` (and the metadata
    its sidecar) only when the block ends without an error: a failed or interrupted run leaves
    an earlier result as it was.
    """

    def __init__(
        self, path: str | Path, *, fmt: str | None = None, metadata: Mapping | None = None
    ) -> None:
        self.path = Path(path)
        self.fmt = _format_of(self.path, fmt)
        self.extra = dict(metadata or {})
        self.rows = 0
        self._columns: list[str] | None = None
        self._kept: list[str] = []
        self._definitions: dict[str, str] = {}
        self._parquet = None
        self._schema = None
        self._stream = None
        self._files = None
        self._temporary: Path | None = None
        self._temporary_sidecar: Path | None = None

    def __enter__(self) -> TableWriter:
        targets = [self.path] if self.fmt == "parquet" else [self.path, sidecar_path(self.path)]
        self._files = atomic_paths(*targets)
        temporaries = self._files.__enter__()
        self._temporary = temporaries[0]
        if self.fmt != "parquet":
            self._temporary_sidecar = temporaries[1]
            self._stream = self._temporary.open("w", encoding="utf-8", newline="")
        return self

    def write(self, table: pd.DataFrame) -> None:
        """Append the rows of ``table``."""
        if self._columns is None:
            self._columns = [str(column) for column in table.columns]
            self._kept = list(table.attrs.get(KEPT_ATTR, []))
            self._definitions = dict(table.attrs.get(DEFINITIONS_ATTR, {}))
        try:
            if self.fmt == "parquet":
                self._write_parquet(table)
            elif self.fmt == "csv":
                self._write_csv(table)
            else:
                self._stream.writelines(json_lines(table))
        except UnicodeEncodeError:
            # framing's own tables never hold one (such a text gets an error row instead).
            raise FramingError(
                f"{self.path}: {_first_surrogate(table)}, which UTF-8 cannot hold; replace "
                "it first, e.g. with framing.text.characters.replace_surrogates"
            ) from None
        self.rows += len(table)

    def _write_csv(self, table: pd.DataFrame) -> None:
        # a slice at a time: the text of a slice is in memory, never that of the whole table
        for start in range(0, max(len(table), 1), CSV_ROWS_AT_ONCE):
            rows = table.iloc[start : start + CSV_ROWS_AT_ONCE]
            self._stream.write(csv_text(rows, header=self.rows == 0 and start == 0))

    def _write_parquet(self, table: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._parquet is None:
            schema = pa.Schema.from_pandas(table, preserve_index=False)
            # A column with only missing values in the first chunk would be typed null;
            # results' text columns are strings.
            for index, schema_field in enumerate(schema):
                if pa.types.is_null(schema_field.type):
                    schema = schema.set(index, schema_field.with_type(pa.string()))
            metadata = dict(schema.metadata or {})
            metadata[METADATA_KEY] = json.dumps(self._metadata(), sort_keys=True).encode("utf-8")
            self._schema = schema.with_metadata(metadata)
            self._parquet = pq.ParquetWriter(self._temporary, self._schema)
        batch = pa.Table.from_pandas(table, schema=self._schema, preserve_index=False)
        self._parquet.write_table(batch)

    def _metadata(self) -> dict:
        return table_metadata(
            self._columns or [], self.extra, kept=self._kept, definitions=self._definitions
        )

    def __exit__(self, exc_type, exc, traceback) -> None:
        try:
            if exc_type is None:
                self._finish()
        except BaseException as error:
            self._close()
            self._files.__exit__(type(error), error, error.__traceback__)
            raise
        self._close()
        self._files.__exit__(exc_type, exc, traceback)

    def _finish(self) -> None:
        if self.fmt == "parquet":
            if self._parquet is None:
                self.write(to_table([]))
            return
        self._temporary_sidecar.write_text(sidecar_text(self._metadata()), encoding="utf-8")

    def _close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None
        if self._stream is not None:
            self._stream.close()
            self._stream = None


def save_table(
    table: pd.DataFrame,
    path: str | Path,
    *,
    fmt: str | None = None,
    metadata: Mapping | None = None,
) -> Path:
    """Return the path after saving ``table`` with its columns' definitions and framing's version.

    The format comes from the suffix (``.parquet``, ``.csv``, ``.jsonl``) unless ``fmt`` says.
    ``metadata`` adds entries (JSON-serialisable) to what is saved; :func:`read_metadata` reads
    it back.
    """
    with TableWriter(path, fmt=fmt, metadata=metadata) as writer:
        writer.write(table)
    return writer.path


def read_metadata(path: str | Path) -> dict:
    """Return the metadata saved with a table by :func:`save_table` (empty when there is none)."""
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        raw = (pq.read_schema(path).metadata or {}).get(METADATA_KEY)
        return json.loads(raw) if raw else {}
    sidecar = sidecar_path(path)
    return json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}
