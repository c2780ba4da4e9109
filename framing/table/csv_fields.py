"""CSV as pandas' ``to_csv`` writes framing's tables: the quoting of a field, and a table's
text made from its records without pandas.

:func:`framing.table.results.csv_text` writes a DataFrame's columns with :func:`csv_field`;
:func:`csv_records` writes the same text from the records of :mod:`framing.table.records`, so
that ``framing analyze`` of a few articles neither imports pandas nor builds a DataFrame.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from framing._files import atomic_paths
from framing.table.metadata import sidecar_path, sidecar_text, table_metadata
from framing.table.records import is_missing
from framing.table.schema import _FLOAT_COLUMNS, _INTEGER_COLUMNS, _OBJECT_COLUMNS

__all__ = ["csv_field", "csv_lines", "csv_records", "save_records_csv"]


def csv_field(text: str) -> str:
    """Return ``text`` as a CSV field: quoted, its quotes doubled, where it holds the delimiter,
    the quote or the line terminator, as the csv module that ``to_csv`` calls writes it (a lone
    carriage return is written as it is; tests/test_results.py asks the csv module of every
    character)."""
    if "," in text or '"' in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _integer_field(value: object) -> str | None:
    """A value of an integer column (pandas' Int64): the number, or nothing where missing."""
    if type(value) is int:
        return str(value)
    return "" if is_missing(value) else None


def _float_field(value: object) -> str | None:
    """A value of a float column (float64): ``repr``, as NumPy writes it, or nothing where
    missing."""
    if type(value) is float:
        return "" if value != value else repr(value)
    if type(value) is int:
        return repr(float(value))
    return "" if is_missing(value) else None


def _text_field(value: object) -> str | None:
    """A value of a text column (object): the quoted text, or nothing where missing."""
    if type(value) is str:
        return csv_field(value)
    return "" if is_missing(value) else None


def csv_lines(columns: Sequence[str], fields: Sequence[list[str]], *, header: bool) -> str:
    """Return the CSV text of a table whose columns' fields are ``fields`` (each column's
    already written as CSV fields), with a line of the ``columns``' names first if ``header``.
    """
    lines = [",".join(row) + "\n" for row in zip(*fields, strict=True)]
    if header:
        lines.insert(0, ",".join(map(csv_field, columns)) + "\n")
    return "".join(lines)


def _column_fields(column: str, values: list) -> list[str] | None:
    """Return the CSV fields of ``column`` as ``csv_text(to_table(rows))`` writes them, or
    ``None`` where a value is one that only pandas formats as it does."""
    if column in _INTEGER_COLUMNS:
        fields = list(map(_integer_field, values))
    elif column in _FLOAT_COLUMNS:
        fields = list(map(_float_field, values))
    elif column in _OBJECT_COLUMNS:
        fields = list(map(_text_field, values))
    else:
        # Any other column (doc_id): pandas infers its dtype from all its values together;
        # a column of text only or of whole numbers only is written as they are.
        kinds = set(map(type, values))
        if kinds <= {str}:
            return list(map(csv_field, values))
        return list(map(str, values)) if kinds <= {int} else None
    return None if None in fields else fields


def csv_records(
    rows: Sequence[Mapping], columns: Sequence[str], *, header: bool = True
) -> str | None:
    """Return the CSV text of the table that ``rows`` make (``to_table``, then ``csv_text``),
    or ``None`` for rows with a value that only pandas writes as it does (then use those).

    A missing key is a missing value. tests/test_results.py checks the text equal to pandas'
    on the rows of every BABE sentence and AllSides article, and of the seed and the DoD release.

    >>> csv_records([{"doc_id": "a", "words": 3, "polarity": 0, "text": 'He said "no".'}],
    ...             ["doc_id", "words", "polarity", "text"])
    'doc_id,words,polarity,text\\na,3,0.0,"He said ""no""."\\n'
    """
    if len(columns) < 2 or len(set(columns)) < len(columns):
        return None  # a row of one field, or a repeated name: as pandas writes them
    fields = []
    for column in columns:
        column_fields = _column_fields(column, [row.get(column) for row in rows])
        if column_fields is None:
            return None
        fields.append(column_fields)
    return csv_lines(columns, fields, header=header)


def save_records_csv(text: str, columns: Sequence[str], path: str | Path) -> None:
    """Write the CSV ``text`` of a table with ``columns`` to ``path``, and its metadata beside
    it (:func:`framing.table.metadata.sidecar_path`), as :class:`~framing.table.results.
    TableWriter` writes them: both replace what was there only when both are whole."""
    path = Path(path)
    with atomic_paths(path, sidecar_path(path)) as (table_file, sidecar_file):
        table_file.write_text(text, encoding="utf-8", newline="")
        sidecar_file.write_text(sidecar_text(table_metadata(columns)), encoding="utf-8")
