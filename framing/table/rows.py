"""The records of :mod:`framing.table.records` as a DataFrame with the table's dtypes.

>>> from framing.measures.lexicon import Entry, Lexicon
>>> lexicon = Lexicon([Entry("massive", "hyperbole")])
>>> text = "Raqqa Falls\\n\\nISIS lost the city. It was a massive, terrible defeat."
>>> table = to_table(rows_for_documents([("doc", text)], lexicon=lexicon))
>>> table[["paragraph", "role", "start", "end", "words", "loaded_terms"]].to_dict("records")
[{'paragraph': 0, 'role': 'headline', 'start': 0, 'end': 11, 'words': 2, 'loaded_terms': ''}, \
{'paragraph': 1, 'role': 'body', 'start': 13, 'end': 67, 'words': 10, \
'loaded_terms': 'massive:hyperbole=massive'}]
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat

import numpy as np
import pandas as pd

from framing.table.dictionary_columns import (
    DEFINITIONS_ATTR,
    dictionary_columns,
    dictionary_definitions,
)
from framing.table.records import (
    article_rows,
    document_rows,
    error_row,
    rows_for_documents,
    text_problem,
)
from framing.table.schema import (
    _FLOAT_COLUMNS,
    _INTEGER_COLUMNS,
    _OBJECT_COLUMNS,
    ALL_MEASURES,
    KEPT_ATTR,
    table_columns,
)

__all__ = [
    "article_rows",
    "copy_kept",
    "document_rows",
    "error_row",
    "rows_for_documents",
    "text_problem",
    "to_table",
]


#: A row without a column's key: what ``DataFrame.from_records`` puts there.
_MISSING = float("nan")

#: The one type that every value of a column must have to be built with its dtype at once.
_INT, _FLOAT, _STR = frozenset({int}), frozenset({float}), frozenset({str})
_DICT = frozenset({dict})


def to_table(
    rows: list[dict], measures: Sequence[str] = ALL_MEASURES, dictionaries: Sequence = ()
) -> pd.DataFrame:
    """Return the rows as a DataFrame with the table's columns (those of ``measures``, and of
    ``dictionaries`` before ``error``) and dtypes.

    A column whose values all have its type (``int`` for the integer columns, ``float``,
    ``str``), as a measured piece's columns have, is built with its dtype at once; any other
    (``doc_id``, a column with missing values) is made as :func:`_reference_to_table` makes it,
    by ``DataFrame.from_records`` and a conversion. The table is the same as the reference's
    (tests/test_rows.py, on every real paragraph and on error rows), in about half the time.
    """
    if not set(map(type, rows)) <= _DICT:
        rows = [dict(row) for row in rows]  # any mapping: the look-ups below are dict's
    data = {}
    for column in _columns(measures, dictionaries):
        # Each row's value (or _MISSING) and the set of their types, found in C (map over
        # dict.get and type) rather than by a loop in Python: the same lists and tests as
        # [row.get(column, _MISSING) for row in rows] and all(type(value) is int ...).
        values = list(map(dict.get, rows, repeat(column), repeat(_MISSING)))
        types = set(map(type, values))
        if column in _INTEGER_COLUMNS and types <= _INT:
            data[column] = pd.array(values, dtype="Int64")
        elif column in _FLOAT_COLUMNS and types <= _FLOAT:
            data[column] = pd.Series(values, dtype="float64")
        elif column in _OBJECT_COLUMNS and types <= _STR:
            data[column] = pd.Series(values, dtype="object")
        else:
            records = pd.DataFrame.from_records([(value,) for value in values], columns=[column])
            data[column] = _converted(records)[column]
    return _with_dictionary_types(pd.DataFrame(data), measures, dictionaries)


def _reference_to_table(
    rows: list[dict], measures: Sequence[str] = ALL_MEASURES, dictionaries: Sequence = ()
) -> pd.DataFrame:
    """Return what :func:`to_table` returns, the plain way: ``from_records``, then each column
    converted to its dtype."""
    table = pd.DataFrame.from_records(rows, columns=_columns(measures, dictionaries))
    return _with_dictionary_types(_converted(table), measures, dictionaries)


def _columns(measures: Sequence[str], dictionaries: Sequence) -> list[str]:
    """Return the table's columns: those of ``measures``, and of ``dictionaries`` before
    ``error``."""
    columns = table_columns(measures)
    return _with_dictionaries(columns, measures, dictionaries) if dictionaries else columns


def _with_dictionary_types(
    table: pd.DataFrame, measures: Sequence[str], dictionaries: Sequence
) -> pd.DataFrame:
    """Return ``table`` with its dictionary columns converted to their dtypes and defined in
    its ``attrs``."""
    if dictionaries:
        counts, rates = dictionary_columns(dictionaries, voice="voice" in measures)
        for column in counts:
            table[column] = table[column].astype("Int64")
        for column in rates:
            table[column] = table[column].astype("float64")
        table.attrs[DEFINITIONS_ATTR] = dictionary_definitions(
            dictionaries, voice="voice" in measures
        )
    return table


def _converted(table: pd.DataFrame) -> pd.DataFrame:
    """Return ``table`` (made by ``from_records``) with its columns converted to their dtypes."""
    for column in _INTEGER_COLUMNS:
        if column in table:
            table[column] = table[column].astype("Int64")
    for column in _FLOAT_COLUMNS:
        if column in table:
            table[column] = table[column].astype("float64")
    for column in _OBJECT_COLUMNS:
        if column in table:
            table[column] = table[column].astype("object")
    return table


def _with_dictionaries(
    columns: list[str], measures: Sequence[str], dictionaries: Sequence
) -> list[str]:
    """Return ``columns`` with the dictionaries' columns before ``error``."""
    added = list(dictionary_definitions(dictionaries, voice="voice" in measures))
    clash = sorted(set(added) & set(columns))
    if clash:
        raise ValueError(f"dictionary columns {clash} repeat the table's own columns")
    return [*columns[:-1], *added, columns[-1]]


def copy_kept(
    table: pd.DataFrame, kept: pd.DataFrame, rows_per_document: Sequence[int]
) -> pd.DataFrame:
    """Return ``table`` with each document's ``kept`` columns copied onto its rows, after doc_id.

    ``kept`` has one row per document, in the table's order; ``rows_per_document`` says how
    many rows of the table each has. The columns keep their dtypes (dates stay dates), and the
    table lists them in ``attrs[KEPT_ATTR]``.

    >>> table = to_table([{"doc_id": "a", "paragraph": 0}, {"doc_id": "a", "paragraph": 1}])
    >>> kept = pd.DataFrame({"outlet": ["Le Monde"]})
    >>> copy_kept(table, kept, [2])[["doc_id", "outlet", "paragraph"]].to_dict("list")
    {'doc_id': ['a', 'a'], 'outlet': ['Le Monde', 'Le Monde'], 'paragraph': [0, 1]}
    """
    if len(kept) != len(rows_per_document) or sum(rows_per_document) != len(table):
        raise ValueError(
            f"{len(kept)} documents with {sum(rows_per_document)} rows do not match a table of "
            f"{len(table)} rows"
        )
    copied = kept.take(np.repeat(np.arange(len(kept)), rows_per_document))
    copied.index = table.index
    joined = pd.concat([table[["doc_id"]], copied, table.drop(columns="doc_id")], axis=1)
    joined.attrs.update(table.attrs)
    joined.attrs[KEPT_ATTR] = [str(column) for column in kept.columns]
    return joined
