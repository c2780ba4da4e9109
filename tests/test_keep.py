"""Metadata travels with the rows: ``keep=`` copies a corpus's columns onto its paragraph rows."""

from __future__ import annotations

import datetime
import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

import framing
from framing import cli
from framing.errors import FramingError
from framing.io.corpora import iter_corpus
from framing.table import engine
from framing.table.results import KEPT_DEFINITION, TableWriter, read_metadata, save_table
from framing.table.schema import COLUMNS, KEPT_ATTR, MEASURE_DEFINITIONS

KEPT = ["outlet", "side", "date"]


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    """Four articles: two paragraphs, one, an empty text and a missing one."""
    return pd.DataFrame(
        {
            "url": ["a", "b", "c", "d"],
            "text": ["Raqqa Falls\n\nISIS lost the city.", "A massive defeat.", "  ", None],
            "outlet": ["Fox News", "Le Monde «à la une»", "CNN", None],
            "side": pd.Categorical(["right", "left", "left", "center"]),
            "date": pd.to_datetime(["2021-05-01", "2021-05-02", None, "2021-05-04"], utc=True),
            "shares": pd.array([10, None, 30, 40], dtype="Int64"),
        }
    )


def _expected(corpus: pd.DataFrame, table: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
    """The plain twin: each row's document found by its id, its columns looked up one by one."""
    by_id = corpus.set_index("url")
    expected = table.copy()
    for position, column in enumerate(keep, start=1):
        values = pd.Series([by_id.at[doc_id, column] for doc_id in table["doc_id"]])
        expected.insert(position, column, values.astype(corpus[column].dtype))
    return expected


def test_kept_columns_follow_doc_id_on_every_row(corpus):
    table = framing.analyze(corpus, id_col="url", keep=KEPT, n_jobs=1)
    assert list(table.columns) == ["doc_id", *KEPT, *COLUMNS[1:]]
    assert table["doc_id"].tolist() == ["a", "a", "b", "c", "d"]
    assert table["outlet"].tolist()[:4] == ["Fox News", "Fox News", "Le Monde «à la une»", "CNN"]
    assert pd.isna(table["outlet"].iloc[4])
    # The error rows (an empty and a missing text) keep their document's columns too.
    assert table["error"].tolist() == ["", "", "", "empty text", "missing text"]
    assert table["side"].tolist() == ["right", "right", "left", "left", "center"]
    assert table.attrs[KEPT_ATTR] == KEPT
    measured = framing.analyze(corpus, id_col="url", n_jobs=1)
    assert_frame_equal(table, _expected(corpus, measured, KEPT))


def test_kept_columns_keep_their_dtypes(corpus):
    table = framing.analyze(corpus, id_col="url", keep=["date", "side", "shares"], n_jobs=1)
    assert table["date"].dtype == corpus["date"].dtype  # dates stay dates, with their zone
    assert table["side"].dtype == corpus["side"].dtype  # categories stay categories
    assert table["shares"].dtype == "Int64"
    assert table["shares"].tolist() == [10, 10, pd.NA, 30, 40]
    assert table["date"].iloc[0] == pd.Timestamp("2021-05-01", tz="UTC")


def test_an_empty_corpus_still_has_the_kept_columns(corpus):
    table = framing.analyze(corpus.iloc[:0], id_col="url", keep=KEPT)
    assert list(table.columns) == ["doc_id", *KEPT, *COLUMNS[1:]]
    assert len(table) == 0
    assert table["date"].dtype == corpus["date"].dtype


@pytest.fixture(scope="module")
def long_corpus() -> pd.DataFrame:
    """More documents than one piece holds, so that several workers measure them."""
    size = 2 * engine.TASK_ROWS + 101
    return pd.DataFrame(
        {
            "text": [
                f"Story {number}.\n\nIt was a massive, terrible defeat." if number % 97 else ""
                for number in range(size)
            ],
            "outlet": [f"outlet {number % 7}" for number in range(size)],
            "date": pd.date_range("2020-01-01", periods=size, freq="D"),
        }
    )


def test_several_processes_copy_the_same_columns(long_corpus):
    serial = framing.analyze(long_corpus, keep=["outlet", "date"], n_jobs=1, measures=["loaded"])
    parallel = framing.analyze(
        long_corpus, keep=["outlet", "date"], n_jobs=2, progress=False, measures=["loaded"]
    )
    assert_frame_equal(parallel, serial)
    plain = framing.analyze(long_corpus, n_jobs=1, measures=["loaded"])
    assert_frame_equal(serial.drop(columns=["outlet", "date"]), plain)
    documents = serial["doc_id"].to_numpy()
    assert serial["outlet"].tolist() == [f"outlet {number % 7}" for number in documents]
    assert (serial["date"] == long_corpus["date"].to_numpy()[documents]).all()
    assert (serial.loc[serial["error"] != "", "doc_id"] % 97 == 0).all()


def test_chunks_copy_their_own_rows(long_corpus):
    chunks = [long_corpus.iloc[start : start + 300] for start in range(0, len(long_corpus), 300)]
    tables = list(engine.analyze_chunks(chunks, keep=["outlet"], n_jobs=2, measures=["sentiment"]))
    whole = framing.analyze(long_corpus, keep=["outlet"], n_jobs=1, measures=["sentiment"])
    assert_frame_equal(pd.concat(tables, ignore_index=True), whole)


def test_dask_copies_the_columns(corpus):
    import dask.dataframe as dd

    ddf = dd.from_pandas(corpus, npartitions=2)
    lazy = engine.analyze_dask(ddf, id_col="url", keep=KEPT)
    assert list(lazy.columns) == ["doc_id", *KEPT, *COLUMNS[1:]]
    table = lazy.compute(scheduler="sync").reset_index(drop=True)
    expected = framing.analyze(corpus, id_col="url", keep=KEPT, n_jobs=1)
    for column in KEPT:  # dask holds text as Arrow strings, with NA for missing
        assert _values(table[column]) == _values(expected[column])
    assert table["date"].dtype == expected["date"].dtype == lazy["date"].dtype
    assert list(table.dtypes[KEPT]) == list(lazy.dtypes[KEPT])  # the promised meta comes
    assert table["polarity"].equals(expected["polarity"])


def _values(column: pd.Series) -> list:
    return [None if pd.isna(value) else value for value in column]


def _write(corpus: pd.DataFrame, path) -> None:
    plain = corpus.assign(side=corpus["side"].astype(str))
    if path.suffix == ".csv":
        plain.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        plain.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    else:
        plain.to_parquet(path, index=False)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_files_copy_the_columns(corpus, tmp_path, suffix):
    path = tmp_path / f"corpus{suffix}"
    _write(corpus, path)
    tables = list(
        engine.analyze_file(path, id_col="url", keep=["outlet", "side"], chunk_rows=2, n_jobs=1)
    )
    assert len(tables) == 2
    table = pd.concat(tables, ignore_index=True)
    assert list(table.columns) == ["doc_id", "outlet", "side", *COLUMNS[1:]]
    assert table["side"].tolist() == ["right", "right", "left", "left", "center"]
    assert table["outlet"].tolist()[:4] == ["Fox News", "Fox News", "Le Monde «à la une»", "CNN"]
    assert pd.isna(table["outlet"].iloc[4])


def test_parquet_dates_stay_dates_when_a_chunk_has_none(tmp_path):
    source = tmp_path / "corpus.parquet"
    days = [None, None, datetime.date(2021, 5, 3), datetime.date(2021, 5, 4)]
    pq.write_table(
        pa.table(
            {
                "text": ["One.", "Two.", "Three.", "Four."],
                "day": pa.array(days, pa.date32()),
                "shares": pa.array([1, 2, None, 4], pa.int64()),
            }
        ),
        source,
    )
    output = tmp_path / "out.parquet"
    with TableWriter(output) as writer:
        for table in engine.analyze_file(source, keep=["day", "shares"], chunk_rows=2, n_jobs=1):
            writer.write(table)  # the first chunk has no day at all
    schema = pq.read_schema(output)
    assert schema.field("day").type == pa.date32()
    assert schema.field("shares").type == pa.int64()
    written = pq.read_table(output)
    assert written.column("day").to_pylist() == days
    assert written.column("shares").to_pylist() == [1, 2, None, 4]


def test_parquet_reads_only_the_text_id_and_kept_columns(corpus, tmp_path, monkeypatch):
    path = tmp_path / "corpus.parquet"
    _write(corpus, path)
    asked = []
    original = pq.ParquetFile.iter_batches

    def spy(self, *args, **kwargs):
        asked.append(kwargs.get("columns"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", spy)
    chunks = list(iter_corpus(path, id_col="url", keep=["date", "outlet"]))
    assert asked == [["url", "text", "date", "outlet"]]
    assert list(chunks[0].columns) == ["url", "text", "date", "outlet"]


@pytest.mark.parametrize(
    ("keep", "message"),
    [
        (["outlet", "publisher"], "has no column 'publisher' to keep; keep only columns it has: "),
        (["text"], "cannot keep the corpus column 'text': the paragraph table has a column of"),
        (["doc_id"], "cannot keep the corpus column 'doc_id'"),
        ("polarity", "rename it in the corpus \\(e.g. to 'corpus_polarity'\\) and keep that"),
    ],
)
def test_a_column_that_cannot_be_kept_is_named_with_the_fix(corpus, keep, message):
    with pytest.raises(FramingError, match=message):
        framing.analyze(corpus, keep=keep)


def test_a_measure_left_out_still_reserves_its_column_name(corpus):
    with pytest.raises(FramingError, match="cannot keep the corpus column 'voice'"):
        framing.analyze(
            corpus.rename(columns={"outlet": "voice"}), keep=["voice"], measures=["sentiment"]
        )


def test_a_single_text_has_no_columns_to_keep():
    with pytest.raises(FramingError, match="keep= copies columns of a corpus, and a str has none"):
        framing.analyze("ISIS lost the city.", keep=["outlet"])


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_a_file_without_the_kept_column_is_named(corpus, tmp_path, suffix):
    path = tmp_path / f"corpus{suffix}"
    _write(corpus, path)
    with pytest.raises(FramingError, match=f"corpus{suffix} has no column 'publisher' to keep"):
        list(engine.analyze_file(path, keep=["publisher"], n_jobs=1))


def test_dask_without_the_kept_column_is_named(corpus):
    import dask.dataframe as dd

    with pytest.raises(FramingError, match="the dask DataFrame has no column 'publisher' to keep"):
        engine.analyze_dask(dd.from_pandas(corpus, npartitions=1), keep=["publisher"])


def test_saved_metadata_says_kept_columns_are_copied_from_the_corpus(corpus, tmp_path):
    table = framing.analyze(corpus, id_col="url", keep=KEPT, n_jobs=1)
    for name in ("t.parquet", "t.csv"):
        columns = read_metadata(save_table(table, tmp_path / name))["columns"]
        assert [columns[column] for column in KEPT] == [KEPT_DEFINITION] * 3
        assert columns["polarity"] == MEASURE_DEFINITIONS["polarity"]
    # A column that was not copied from the corpus gets no definition.
    added = table.assign(mine=1)
    assert "mine" not in read_metadata(save_table(added, tmp_path / "u.csv"))["columns"]


def test_the_command_line_keeps_columns(corpus, tmp_path, capsys):
    path = tmp_path / "corpus.parquet"
    _write(corpus, path)
    output = tmp_path / "out.jsonl"
    code = cli.main(
        ["analyze", str(path), "--id-col", "url", "--keep", "outlet,side", "--keep", "date"]
        + ["--jobs", "1", "-o", str(output)]
    )
    assert code == 0
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert list(rows[0])[:5] == ["doc_id", "outlet", "side", "date", "paragraph"]
    assert [row["date"] for row in rows] == [
        "2021-05-01T00:00:00+00:00",
        "2021-05-01T00:00:00+00:00",
        "2021-05-02T00:00:00+00:00",
        None,
        "2021-05-04T00:00:00+00:00",
    ]
    assert rows[4]["error"] == "missing text" and rows[4]["side"] == "center"
    assert read_metadata(output)["columns"]["date"] == KEPT_DEFINITION
    parquet_output = tmp_path / "out.parquet"
    code = cli.main(
        ["analyze", str(path), "--keep", "date", "--jobs", "1", "-o", str(parquet_output)]
    )
    assert code == 0
    date_type = pq.read_schema(path).field("date").type
    assert pq.read_schema(parquet_output).field("date").type == date_type
    assert date_type == pa.timestamp("us", tz="UTC")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--keep", "publisher"], "corpus.csv has no column 'publisher' to keep; keep only"),
        (["--keep", "outlet,text"], "cannot keep the corpus column 'text'"),
    ],
)
def test_the_command_line_names_a_column_it_cannot_keep(
    corpus, tmp_path, capsys, arguments, message
):
    path = tmp_path / "corpus.csv"
    _write(corpus, path)
    assert cli.main(["analyze", str(path), *arguments]) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_command_line_keeps_no_columns_of_a_plain_document(corpus, tmp_path, capsys):
    path, document = tmp_path / "corpus.csv", tmp_path / "article.txt"
    _write(corpus, path)
    document.write_text("ISIS lost the city.", encoding="utf-8")
    assert cli.main(["analyze", str(path), str(document), "--keep", "outlet"]) == 2
    err = capsys.readouterr().err
    assert "article.txt is a document without columns; measure it without --keep" in err


def test_a_chunk_without_the_kept_column_is_named(corpus):
    with pytest.raises(FramingError, match="a chunk has no column 'publisher' to keep"):
        list(engine.analyze_chunks([corpus], keep=["publisher"], n_jobs=1))
