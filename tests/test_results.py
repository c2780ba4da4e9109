"""Result files carry the measures' definitions and framing's version."""

from __future__ import annotations

import csv
import datetime
import io
import json
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import framing
from framing.datasets.loaders import load_allsides, load_babe
from framing.errors import FramingError
from framing.table import results
from framing.table.csv_fields import csv_field, csv_records
from framing.table.records import error_row, rows_for_documents
from framing.table.results import (
    TableWriter,
    _reference_csv_text,
    csv_text,
    json_lines,
    json_value,
    read_metadata,
    save_table,
    sidecar_path,
)
from framing.table.rows import to_table
from framing.table.schema import ALL_MEASURES, COLUMNS, MEASURE_DEFINITIONS, table_columns
from tests.conftest import need_data
from tests.test_rows import EDGE_ROWS


@pytest.fixture(scope="module")
def seed_table(seed_text) -> pd.DataFrame:
    return framing.analyze(seed_text)


def test_parquet_schema_metadata(seed_table, tmp_path):
    path = save_table(seed_table, tmp_path / "seed.parquet", metadata={"dataset": "seed"})
    metadata = read_metadata(path)
    assert metadata["framing_version"] == framing.__version__
    assert (
        metadata["columns"]["loaded_per_100_words"] == MEASURE_DEFINITIONS["loaded_per_100_words"]
    )
    assert metadata["dataset"] == "seed"
    back = pd.read_parquet(path)
    assert back["polarity"].tolist() == seed_table["polarity"].tolist()
    assert back["text"].tolist() == seed_table["text"].tolist()


def test_csv_sidecar_metadata(seed_table, tmp_path):
    path = save_table(seed_table, tmp_path / "seed.csv")
    sidecar = sidecar_path(path)
    assert sidecar.name == "seed.csv.meta.json"
    metadata = json.loads(sidecar.read_text())
    assert metadata == read_metadata(path)
    assert set(metadata["columns"]) == set(seed_table.columns)
    back = pd.read_csv(path, keep_default_na=False)
    assert back["loaded_terms"].tolist() == seed_table["loaded_terms"].tolist()


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_saving_twice_gives_identical_bytes(seed_table, tmp_path, suffix):
    first = save_table(seed_table, tmp_path / f"a{suffix}")
    second = save_table(seed_table, tmp_path / f"b{suffix}")
    assert first.read_bytes() == second.read_bytes()


def test_chunks_written_one_by_one_equal_the_whole(seed_table, tmp_path):
    with TableWriter(tmp_path / "parts.parquet") as writer:
        for start in range(0, len(seed_table), 3):
            writer.write(seed_table.iloc[start : start + 3])
    assert writer.rows == len(seed_table)
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "parts.parquet"),
        pd.read_parquet(save_table(seed_table, tmp_path / "whole.parquet")),
    )


def test_unknown_suffix_lists_the_formats(seed_table, tmp_path):
    with pytest.raises(FramingError, match="use one of: .csv, .jsonl, .ndjson, .parquet"):
        save_table(seed_table, tmp_path / "seed.xlsx")


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_a_table_of_ones_own_with_a_lone_surrogate_is_refused_in_one_line(tmp_path, suffix):
    # framing's tables never hold one (analyze gives such a text an error row); a table built
    # elsewhere may, and UTF-8 cannot write it.
    table = pd.DataFrame({"doc_id": ["a", "b"], "text": pd.Series(["x", "y \udc00"], dtype=object)})
    path = tmp_path / f"table{suffix}"
    message = (
        f"{path}: column 'text', row 1 holds a lone surrogate U+DC00 at character 2, which "
        "UTF-8 cannot hold; replace it first, e.g. with framing.text.characters.replace_surrogates"
    )
    with pytest.raises(FramingError) as raised:
        save_table(table, path)
    assert str(raised.value) == message


@pytest.fixture
def awkward_table() -> pd.DataFrame:
    """Values JSON has no word for, or that pandas and NumPy hold in their own types."""
    return pd.DataFrame(
        {
            "doc_id": np.array([7, 8], dtype=np.int64),
            "outlet": ["Le Monde «à la une»", None],
            "date": pd.to_datetime(["2021-05-01 12:30", None]),
            "day": [datetime.date(2021, 5, 1), None],
            "words": pd.array([3, None], dtype="Int64"),
            "polarity": [0.1 + 0.2, np.nan],
            "loaded": np.array([True, False]),
        }
    )


# Each line: the row as the command line and result files write it.
AWKWARD_JSONL = (
    '{"doc_id": 7, "outlet": "Le Monde «à la une»", "date": "2021-05-01T12:30:00", '
    '"day": "2021-05-01", "words": 3, "polarity": 0.30000000000000004, "loaded": true}\n'
    '{"doc_id": 8, "outlet": null, "date": null, "day": null, "words": null, '
    '"polarity": null, "loaded": false}\n'
)


def test_json_lines_write_plain_values(awkward_table):
    assert "".join(json_lines(awkward_table)) == AWKWARD_JSONL


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (np.int64(3), 3),  # a NumPy int: a Python int
        (np.float32(0.5), 0.5),
        (float("nan"), None),
        (np.float32("nan"), None),  # NaN of another width is still missing
        (pd.NA, None),
        (pd.NaT, None),
        (np.datetime64("NaT"), None),
        (np.datetime64("2021-05-01T00:00:00"), "2021-05-01T00:00:00"),
        (pd.Timestamp("2021-05-01", tz="UTC"), "2021-05-01T00:00:00+00:00"),
        (datetime.date(2021, 5, 1), "2021-05-01"),
        (np.array([1, 2]), [1, 2]),  # a Parquet list column
        ({"a": np.int8(1)}, {"a": 1}),
        (Decimal("1.50"), "1.50"),  # JSON has no decimals: its text, exactly
        ("“curly” é", "“curly” é"),
    ],
)
def test_json_value(value, expected):
    assert json_value(value) == expected


def test_saved_jsonl_and_the_command_line_write_the_same_lines(awkward_table, tmp_path, capsys):
    from framing.cli import write_table

    saved = save_table(awkward_table, tmp_path / "t.jsonl")
    write_table(awkward_table, fmt="jsonl", output=None)
    assert capsys.readouterr().out == saved.read_text(encoding="utf-8") == AWKWARD_JSONL
    write_table(awkward_table, fmt="json", output=None)
    as_json = capsys.readouterr().out
    assert json.loads(as_json) == [json.loads(line) for line in AWKWARD_JSONL.splitlines()]
    assert as_json.startswith('[\n  {\n    "doc_id": 7,\n    "outlet": "Le Monde «à la une»",')


# -- CSV: csv_text beside pandas' to_csv --------------------------------------------------------


def _assert_same_csv(table: pd.DataFrame) -> None:
    for header in (True, False):
        assert csv_text(table, header=header) == _reference_csv_text(table, header=header)


@pytest.fixture(scope="module")
def every_real_piece() -> list[list[dict]]:
    """The rows of every BABE sentence and AllSides article, in pieces of 500 rows."""
    shared_data = need_data("babe", "allsides-roundups")
    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)["text"].tolist()
    rows = rows_for_documents(enumerate(babe + sides))
    return [rows[start : start + 500] for start in range(0, len(rows), 500)]


@pytest.fixture(scope="module")
def every_real_table(every_real_piece) -> list[pd.DataFrame]:
    """The tables of every BABE sentence and AllSides article, in pieces of 500 rows."""
    return [to_table(rows) for rows in every_real_piece]


def test_csv_text_equals_to_csv_on_every_real_table(every_real_table):
    for table in every_real_table:
        _assert_same_csv(table)
        # ids read from a CSV corpus are text (pandas' string dtype)
        _assert_same_csv(table.assign(doc_id=table["doc_id"].astype("str")))


def _table(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns)


CSV_EDGE_TABLES = [
    # text that must be quoted (delimiter, quote, line break) and text that must not
    _table(
        text=["a,b", 'say "no"', "two\nlines", "carriage\rreturn", "", " spaced ", "plain"],
        n=range(7),
    ),
    _table(
        text=["\u201ccurly\u201d", "\u2028", "\ufeffbom", "tab\there", "semi;colon"], n=range(5)
    ),
    # missing values of every kind, in text, integer and float columns
    _table(
        text=["a", None, float("nan"), pd.NA],
        count=pd.array([1, None, 3, None], dtype="Int64"),
        score=[0.5, float("nan"), -0.0, 1e-05],
    ),
    # floats that print in exponent form, infinities, integers of NumPy's own type
    _table(
        score=[1e16, 1e-7, float("inf"), -float("inf"), 1 / 3],
        n=np.arange(5, dtype=np.int64),
    ),
    # text of pandas' string dtype, with a missing value
    _table(doc_id=pd.array(["a", None, "c,d"], dtype="str"), n=range(3)),
    # objects that pandas writes its own way: dates, floats, bools and lists among the text
    _table(doc_id=["a", 1.5, "c"], n=range(3)),
    _table(doc_id=["a", True, "c"], n=range(3)),
    _table(doc_id=[["x"], "b", "c"], n=range(3)),
    _table(date=pd.to_datetime(["2024-05-01", None]), n=range(2)),
    _table(score=np.array([0.1, 0.2], dtype=np.float32), n=range(2)),
    _table(n=np.array([1, 2], dtype=np.int32), m=range(2)),
    # ids of mixed kinds, and integer ids as objects
    _table(doc_id=["a", 2, None], n=range(3)),
    # one column (a lone empty field is written '""'), repeated names, names that are not text
    _table(text=["", "a"]),
    pd.DataFrame([["", 1], ["b", 2]], columns=["a", "a"]),
    pd.DataFrame([["a", 1]], columns=[0, 1]),
    _table(**{"name, with comma": ["a"], 'name "quoted"': [1]}),
    # no rows, no columns
    _table(text=pd.Series([], dtype=object), n=pd.array([], dtype="Int64")),
    pd.DataFrame(),
]


@pytest.mark.parametrize("table", CSV_EDGE_TABLES)
def test_csv_text_equals_to_csv_on_edge_tables(table):
    _assert_same_csv(table)


@pytest.mark.parametrize("rows", EDGE_ROWS)
def test_csv_text_equals_to_csv_on_edge_rows(rows):
    _assert_same_csv(to_table(rows))


def _assert_same_csv_of_records(rows: list[dict], measures=ALL_MEASURES) -> None:
    for header in (True, False):
        expected = csv_text(to_table(rows, measures), header=header)
        assert csv_records(rows, table_columns(measures), header=header) == expected


def test_csv_records_equal_the_tables_csv_on_every_real_paragraph(every_real_piece):
    for rows in every_real_piece:
        _assert_same_csv_of_records(rows)
        # ids that are file names, as `framing analyze` gives them
        _assert_same_csv_of_records([{**row, "doc_id": f"a/{row['doc_id']}.txt"} for row in rows])


@pytest.mark.parametrize("measures", [("sentiment",), ("voice", "loaded"), ("vader",), ()])
def test_csv_records_equal_the_tables_csv_for_some_measures(seed_text, release_text, measures):
    rows = rows_for_documents([("seed", seed_text), ("release", release_text)], measures=measures)
    _assert_same_csv_of_records(rows, measures)


@pytest.mark.parametrize("rows", EDGE_ROWS)
def test_csv_records_equal_the_tables_csv_or_leave_the_rows_to_pandas(rows):
    text = csv_records(rows, COLUMNS)
    assert text is None or text == csv_text(to_table(rows))


def test_csv_records_leave_to_pandas_only_values_it_does_not_format():
    good = {"doc_id": "a", "paragraph": 0, "polarity": 1, "text": None}
    assert csv_records([good], list(good)) == "doc_id,paragraph,polarity,text\na,0,1.0,\n"
    assert csv_records([error_row(3, "empty text"), error_row(4, "x")], COLUMNS) is not None
    assert csv_records([{**good, "paragraph": True}], list(good)) is None  # a bool: pandas' 1
    assert csv_records([{**good, "doc_id": 1.5}], list(good)) is None  # a float id
    assert csv_records([{**good, "doc_id": 1}, {**good, "doc_id": None}], list(good)) is None
    assert csv_records([good], ["doc_id"]) is None  # one column: pandas writes '""'


def test_csv_field_quotes_as_the_csv_module_does():
    characters = [chr(code) for code in range(0x3000)] + ["\u2028", "\u2029", "\ufeff"]
    for character in characters:
        for text in (character, f"a{character}b"):
            written = io.StringIO()
            csv.writer(written, lineterminator="\n").writerow([text, "x"])
            assert csv_field(text) + ",x\n" == written.getvalue(), repr(text)


@pytest.mark.parametrize("rows", [0, 1, 3, 7])
def test_table_writer_writes_csv_a_slice_at_a_time(tmp_path, monkeypatch, rows):
    monkeypatch.setattr(results, "CSV_ROWS_AT_ONCE", 3)
    table = _table(text=[f"row {n}, quoted" for n in range(rows)], n=range(rows))
    with TableWriter(tmp_path / "out.csv") as writer:
        writer.write(table)
        writer.write(table)
    written = (tmp_path / "out.csv").read_text(encoding="utf-8")
    # what the writer wrote with to_csv: the header while no row is written (so twice for an
    # empty table), then the rows
    second_header = len(table) == 0
    assert written == table.to_csv(index=False) + table.to_csv(index=False, header=second_header)
