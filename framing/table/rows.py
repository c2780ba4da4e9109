"""One row per paragraph: an article's measures as records of the table's columns.

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

from collections.abc import Iterable, Sequence
from itertools import repeat

import numpy as np
import pandas as pd

from framing.article import Article
from framing.io.documents import RowProblem
from framing.table.dictionary_columns import (
    DEFINITIONS_ATTR,
    dictionary_columns,
    dictionary_definitions,
    dictionary_values,
)
from framing.table.schema import (
    _FLOAT_COLUMNS,
    _INTEGER_COLUMNS,
    ALL_MEASURES,
    COLUMNS,
    KEPT_ATTR,
    table_columns,
)
from framing.text.characters import is_blank, replace_surrogates, surrogate_problem

__all__ = [
    "article_rows",
    "copy_kept",
    "document_rows",
    "error_row",
    "rows_for_documents",
    "text_problem",
    "to_table",
]


def article_rows(
    article: Article,
    doc_id: object,
    measures: Sequence[str] = ALL_MEASURES,
    dictionaries: Sequence = (),
) -> list[dict]:
    """Return one row (a dict of :data:`COLUMNS`, or of the chosen ``measures``'s columns) per
    paragraph of ``article``, with the columns of ``dictionaries`` (loaded
    :class:`~framing.measures.categories.CategoryCounter` objects) when there are some."""
    sentiment_on, vader_on = "sentiment" in measures, "vader" in measures
    loaded_on, voice_on = "loaded" in measures, "voice" in measures
    rows = []
    for paragraph in article.paragraphs:
        row = {
            "doc_id": doc_id,
            "paragraph": paragraph.index,
            "role": paragraph.role,
            "start": paragraph.start,
            "end": paragraph.end,
            "text": paragraph.text,
            "words": paragraph.words,
        }
        if sentiment_on:
            sentiment = paragraph.sentiment
            row["polarity"] = sentiment.polarity
            row["subjectivity"] = sentiment.subjectivity
        if vader_on:
            row["vader_compound"] = paragraph.vader_compound
            row["vader_mean"] = paragraph.vader_mean
            row["sentences"] = paragraph.sentences
        if loaded_on:
            row["loaded_count"] = paragraph.loaded_count
            row["loaded_per_100_words"] = paragraph.loaded_per_100_words
            row["loaded_score_per_100_words"] = paragraph.loaded_score_per_100_words
            row["loaded_terms"] = paragraph.loaded_terms
            if voice_on:
                for name, count in paragraph.loaded_by_voice.items():
                    row[f"loaded_{name}_count"] = count
        if voice_on:
            voice = paragraph.voice
            row["voice"] = voice.label
            row["sources"] = voice.source_names
            row["source_kinds"] = voice.source_kinds
            row["quoted_share"] = voice.quoted_share
            for name, count in paragraph.words_by_voice.items():
                row[f"{name}_words"] = count
        if dictionaries:
            row.update(dictionary_values(paragraph, dictionaries, voice=voice_on))
        row["error"] = ""
        rows.append(row)
    return rows


def error_row(doc_id: object, message: str) -> dict:
    """Return the row that stands for a document that could not be measured."""
    row = dict.fromkeys(COLUMNS)
    row.update(doc_id=doc_id, error=message)
    return row


def text_problem(value: object) -> str | None:
    """Return why ``value`` cannot be measured as an article's text, or ``None`` if it can."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "missing text"
    if isinstance(value, RowProblem):
        return value.message
    if not isinstance(value, str):
        return f"not text ({type(value).__name__})"
    if is_blank(value):  # white space, controls and zero-width characters only
        return "empty text"
    problem = surrogate_problem(value)
    if problem:
        return f"text holds a {problem}, {_SURROGATE_FIX}"
    return None


#: What to do about a lone surrogate (``json.loads`` reads one from ``"\ud83d"`` alone).
_SURROGATE_FIX = (
    "half of a UTF-16 pair that no UTF-8 file can hold; write the pair whole or drop it"
)


def _id_problem(doc_id: object) -> str | None:
    """Return why ``doc_id`` cannot be saved as it is, or ``None`` if it can."""
    problem = surrogate_problem(doc_id) if isinstance(doc_id, str) else None
    return f"id holds a {problem} (shown as U+FFFD), {_SURROGATE_FIX}" if problem else None


def rows_for_documents(
    documents: Iterable[tuple[object, object]],
    *,
    measures: Sequence[str] = ALL_MEASURES,
    dictionaries: Sequence = (),
    **options,
) -> list[dict]:
    """Return the rows for ``(doc_id, text)`` pairs; a bad text or id gets an error row."""
    per_document = document_rows(documents, measures=measures, dictionaries=dictionaries, **options)
    return [row for rows in per_document for row in rows]


def document_rows(
    documents: Iterable[tuple[object, object]],
    *,
    measures: Sequence[str] = ALL_MEASURES,
    dictionaries: Sequence = (),
    **options,
) -> list[list[dict]]:
    """Return the rows of each ``(doc_id, text)`` pair, one list per document (never empty).

    A bad text or id gets one error row; the articles are measured together (see
    :func:`rows_for_documents`, which joins the lists).
    """
    measured: list[tuple[object, Article | str]] = []
    for doc_id, text in documents:
        problem = _id_problem(doc_id)
        if problem:
            measured.append((replace_surrogates(doc_id), problem))
            continue
        problem = text_problem(text)
        if not problem:
            article = Article(text, **options)
            if article.paragraphs:
                measured.append((doc_id, article))
                continue
            problem = "no paragraphs"
        measured.append((doc_id, problem))
    articles = [article for _, article in measured if isinstance(article, Article)]
    _measure_each(articles, measures)
    rows = [
        article_rows(article, doc_id, measures, dictionaries)
        if isinstance(article, Article)
        else [error_row(doc_id, article)]
        for doc_id, article in measured
    ]
    # Each article and its paragraphs refer to each other: cleared, they are freed by reference
    # counting when this returns, instead of by the garbage collector's passes over its older
    # objects (a tenth of a worker's time before, a hundredth after; docs/speed.md).
    for article in articles:
        article.clear_cache()
    return rows


def _measure_each(articles: list[Article], measures: Sequence[str]) -> None:
    """Measure the articles' paragraphs one measure at a time (each is cached on its paragraph).

    The values are those of measuring paragraph by paragraph; with one scorer at a time, its
    lexicons and patterns stay in the processor's caches, which is faster on many short
    articles (benchmarks/throughput.py).
    """
    paragraphs = [paragraph for article in articles for paragraph in article.paragraphs]
    if "voice" in measures:
        # First: the rule-based detector's split of each paragraph gives its word count too.
        for article in articles:
            article.voices  # noqa: B018 (fills the cached property)
    for paragraph in paragraphs:
        paragraph.words  # noqa: B018
    if "sentiment" in measures:
        for paragraph in paragraphs:
            paragraph.sentiment  # noqa: B018
    if "vader" in measures:
        for paragraph in paragraphs:
            paragraph.vader_compound  # noqa: B018
            paragraph.vader_sentences  # noqa: B018
    if "loaded" in measures:
        for paragraph in paragraphs:
            paragraph.loaded_matches  # noqa: B018


#: The text columns, kept as Python objects (not pandas' string dtype).
_OBJECT_COLUMNS = ("role", "text", "loaded_terms", "voice", "sources", "source_kinds", "error")

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
