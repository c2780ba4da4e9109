"""Table rows: ``to_table`` builds each column with its dtype, the table of its plain twin."""

from __future__ import annotations

from collections import OrderedDict

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from framing.datasets.loaders import load_allsides, load_babe
from framing.table.rows import _reference_to_table, error_row, rows_for_documents, to_table
from framing.table.schema import ALL_MEASURES, COLUMNS
from tests.conftest import need_data

MEASURE_CHOICES = [ALL_MEASURES, ("sentiment",), ("voice", "loaded"), ()]


def _assert_same_table(rows: list[dict], measures) -> None:
    table, reference = to_table(rows, measures), _reference_to_table(rows, measures)
    assert_frame_equal(table, reference, check_exact=True, check_column_type=True)
    assert list(table.dtypes) == list(reference.dtypes)
    assert (
        table.columns.equals(reference.columns) and table.columns.dtype == reference.columns.dtype
    )
    assert table.index.equals(reference.index) and type(table.index) is type(reference.index)
    # assert_frame_equal takes None and NaN for the same missing value; a table must not
    for column in table.columns:
        values = [(type(value), repr(value)) for value in table[column]]
        assert values == [(type(value), repr(value)) for value in reference[column]], column


@pytest.fixture(scope="module")
def every_real_row() -> list[dict]:
    """The rows of every BABE sentence and AllSides article (each a document), every measure."""
    shared_data = need_data("babe", "allsides-roundups")
    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)["text"].tolist()
    return rows_for_documents(enumerate(babe + sides))


@pytest.mark.parametrize("measures", MEASURE_CHOICES)
def test_to_table_equals_its_reference_on_every_real_row(every_real_row, measures):
    for start in range(0, len(every_real_row), 500):  # pieces, as the corpus engine makes them
        _assert_same_table(every_real_row[start : start + 500], measures)
    # a piece with a document that could not be measured among the others
    bad = [error_row(7, "missing text"), error_row("x", "empty text")]
    _assert_same_table(every_real_row[:300] + bad + every_real_row[300:500], measures)


GOOD = {"paragraph": 0, "role": "body", "start": 0, "end": 4, "text": "Text", "words": 1}

EDGE_ROWS = [
    # no rows at all: the columns and their dtypes
    [],
    # error rows: every measure missing, with ids of several kinds
    [error_row(3, "empty text")],
    [error_row(None, "missing text")],
    [error_row("doc", "no paragraphs"), {**GOOD, "doc_id": "doc"}],
    [error_row(pd.Timestamp("2024-05-01"), "missing text")],
    # ids of one kind, of mixed kinds, and floats
    [{**GOOD, "doc_id": index} for index in range(3)],
    [{**GOOD, "doc_id": "a"}, {**GOOD, "doc_id": 2}],
    [{**GOOD, "doc_id": 1.5}, {**GOOD, "doc_id": None}],
    # rows without some of the columns' keys (a missing value there)
    [{"doc_id": "a", "paragraph": 0}, {"doc_id": "a", "paragraph": 1, "polarity": 0.5}],
    [{"doc_id": "a", "sources": "NPR", "voice": "attributed", "quoted_share": 0.25}],
    # a text column of None only, of None and text, of other objects; numbers of other types
    [{**GOOD, "doc_id": "a", "role": None}, {**GOOD, "doc_id": "b", "role": None}],
    [{**GOOD, "doc_id": "a", "text": None}, {**GOOD, "doc_id": "b"}],
    [{**GOOD, "doc_id": "a", "text": b"bytes", "voice": 1.5, "sources": pd.NA}],
    [{**GOOD, "doc_id": "a", "words": 2.0, "polarity": 1, "loaded_count": True}],
    [{**GOOD, "doc_id": "a", "polarity": float("nan"), "subjectivity": None}],
    # rows of another mapping type than dict
    [OrderedDict({**GOOD, "doc_id": "a", "polarity": 0.5}), {**GOOD, "doc_id": "b"}],
]


@pytest.mark.parametrize("rows", EDGE_ROWS)
@pytest.mark.parametrize("measures", MEASURE_CHOICES)
def test_to_table_equals_its_reference_on_edge_rows(rows, measures):
    _assert_same_table(rows, measures)


def test_to_table_has_the_tables_dtypes():
    table = to_table([{**GOOD, "doc_id": "a", "polarity": 0.5, "error": ""}])
    assert list(table.columns) == COLUMNS
    assert str(table["words"].dtype) == "Int64"
    assert table["polarity"].dtype == "float64"
    assert table["role"].dtype == object and table["text"].dtype == object
    assert pd.isna(table.loc[0, "vader_compound"]) and table.loc[0, "loaded_count"] is pd.NA


def test_rows_for_documents_leaves_no_article_for_the_collector(seed_text):
    """The articles a table is made from are freed by reference counting when their rows are
    made (Article.clear_cache), not left, with every measure on them, for the collector."""
    import gc

    from framing.article import Paragraph

    def paragraphs_alive() -> int:
        # type(), not isinstance: isinstance reads __class__, which some modules' lazy objects
        # (torch's deprecated aliases) answer with a warning.
        return sum(type(thing) is Paragraph for thing in gc.get_objects())

    gc.collect()
    alive = paragraphs_alive()
    gc.disable()
    try:
        rows = rows_for_documents([("seed", seed_text), ("short", "One line.")])
        assert len(rows) == 14
        assert paragraphs_alive() == alive
    finally:
        gc.enable()
