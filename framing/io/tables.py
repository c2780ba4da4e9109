"""Read the tables that framing's data files are written in: delimited text with a header row.

One reader for the bundled data files (``framing/data/*.tsv``: the lexicon, hedges, reporting
verbs, known sources) and for the user's own tables in the same shape. Lines that start with
``#`` are comments and blank lines are skipped; each row keeps its line number in the file, so
that an error can name it.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "verbs.tsv"
>>> _ = path.write_text("# a comment\\nlemma\\tkind\\nsay\\tneutral\\n\\nclaim\\tloaded\\n")
>>> [(row.line, row["lemma"]) for row in read_data_table(path, required={"lemma", "kind"})]
[(3, 'say'), (5, 'claim')]
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from framing.errors import InputError

__all__ = ["DataRow", "bundled_file", "read_data_table"]


class DataRow(dict):
    """One row of a data table: its values by column name, and ``line``, its line in the file."""

    line: int

    def __init__(self, values: dict[str, str], line: int) -> None:
        super().__init__(values)
        self.line = line

    def text(self, column: str) -> str:
        """Return the value in ``column`` with surrounding white space removed ("" if empty)."""
        return (self.get(column) or "").strip()


def bundled_file(*parts: str) -> Traversable:
    """Return a data file shipped inside the package, ``framing/data/<parts>``."""
    return resources.files("framing").joinpath("data", *parts)


def read_data_table(
    path: str | Path | Traversable,
    *,
    required: Iterable[str],
    delimiter: str = "\t",
) -> list[DataRow]:
    """Return the rows of a delimited table whose header has the ``required`` columns.

    Comment lines (``#`` first) and blank rows are skipped. A missing required column raises
    :class:`~framing.errors.InputError` naming the file, the columns and the delimiter.
    """
    required = set(required)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        numbered = [
            (number, line)
            for number, line in enumerate(handle, 1)
            if line.strip() and not line.startswith("#")
        ]
    reader = csv.DictReader((line for _, line in numbered), delimiter=delimiter)
    reader.fieldnames = [name.strip() for name in reader.fieldnames or ()]
    missing = required - set(reader.fieldnames)
    if missing:
        separator = "tabs" if delimiter == "\t" else repr(delimiter)
        raise InputError(
            f"{path} lacks the column(s) {sorted(missing)}; its header row needs "
            f"{', '.join(sorted(required))}, separated by {separator}"
        )
    rows = [
        DataRow(values, number)
        for (number, _), values in zip(numbered[1:], reader, strict=True)
        if any((value or "").strip() for value in values.values() if isinstance(value, str))
    ]
    return rows
