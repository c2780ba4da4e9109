"""The corpus engine: chunked, parallel and Dask paths give exactly the serial table."""

from __future__ import annotations

import contextlib
import gc
import json
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import framing
from framing import cli
from framing.datasets.loaders import load_allsides, load_babe
from framing.errors import FramingError
from framing.io.corpora import iter_corpus
from framing.table import engine as corpus
from framing.table.results import read_metadata
from framing.table.rows import rows_for_documents, to_table
from framing.table.schema import COLUMNS
from tests.conftest import need_data


@pytest.fixture(scope="module")
def real_corpus() -> pd.DataFrame:
    """1,300 real documents: BABE sentences and AllSides articles, with bad rows mixed in."""
    shared_data = need_data("babe", "allsides-roundups")
    babe = load_babe(data_dir=shared_data)[["text"]].head(900)
    babe["doc_id"] = "babe-" + babe.index.astype(str)
    sides = load_allsides(data_dir=shared_data).head(400)
    sides = pd.DataFrame(
        {"doc_id": sides["story_id"].astype(str) + "-" + sides["side"], "text": sides["text"]}
    )
    bad = pd.DataFrame({"doc_id": ["empty", "missing"], "text": ["   ", None]})
    table = pd.concat([babe[["doc_id", "text"]], bad, sides], ignore_index=True)
    return table.astype({"doc_id": object, "text": object})


@pytest.fixture(scope="module")
def serial_table(real_corpus) -> pd.DataFrame:
    return to_table(
        rows_for_documents(zip(real_corpus["doc_id"], real_corpus["text"], strict=True))
    )


def test_analyze_matches_the_one_pass_table(real_corpus, serial_table):
    table = framing.analyze(real_corpus, id_col="doc_id", n_jobs=1)
    assert_frame_equal(table, serial_table)
    assert len(real_corpus) > 2 * corpus.TASK_ROWS  # several pieces
    assert table.loc[table["doc_id"] == "empty", "error"].tolist() == ["empty text"]
    assert table.loc[table["doc_id"] == "missing", "error"].tolist() == ["missing text"]


def test_parallel_gives_exactly_the_serial_table(real_corpus, serial_table):
    table = framing.analyze(real_corpus, id_col="doc_id", n_jobs=2, progress=False)
    assert_frame_equal(table, serial_table)


def test_parallel_chunks_come_back_in_order(real_corpus, serial_table):
    chunks = [real_corpus.iloc[start : start + 300] for start in range(0, len(real_corpus), 300)]
    tables = list(corpus.analyze_chunks(chunks, id_col="doc_id", n_jobs=2))
    assert len(tables) == len(chunks)
    assert_frame_equal(pd.concat(tables, ignore_index=True), serial_table)


def test_progress_bar_counts_documents(real_corpus, capsys):
    list(corpus.analyze_chunks([real_corpus.head(20)], id_col="doc_id", n_jobs=1, progress=True))
    assert "20/20" in capsys.readouterr().err
    list(corpus.analyze_chunks([real_corpus.head(20)], id_col="doc_id", n_jobs=1, progress=False))
    assert capsys.readouterr().err == ""


def test_file_rows_are_counted_only_for_a_progress_bar(tmp_path, monkeypatch, capsys):
    path = tmp_path / "corpus.csv"
    pd.DataFrame({"text": ["ISIS lost the city.", "A massive defeat.", "Calm."]}).to_csv(
        path, index=False
    )
    counted = []
    count = corpus.corpus_rows
    monkeypatch.setattr(corpus, "corpus_rows", lambda path: counted.append(path) or count(path))
    tables = list(corpus.analyze_file(path, n_jobs=1, progress=False))
    assert counted == [] and sum(map(len, tables)) == 3
    list(corpus.analyze_file(path, n_jobs=1, progress=True))
    assert counted == [path]
    assert "3/3" in capsys.readouterr().err  # the bar's total is the file's row count


@pytest.mark.parametrize("n_jobs", [0, -2, 1.5, "two"])
def test_bad_job_counts_are_refused(n_jobs):
    with pytest.raises(FramingError, match="n_jobs=.* is not valid; use a whole number"):
        corpus.resolve_jobs(n_jobs)


def test_analyze_reports_a_bad_job_count_on_a_small_frame():
    with pytest.raises(FramingError, match="n_jobs=0 is not valid"):
        framing.analyze(pd.DataFrame({"text": ["One."]}), n_jobs=0)


def test_cli_reports_a_bad_job_count(tmp_path, capsys):
    source = tmp_path / "c.csv"
    source.write_text("text\nOne.\n")
    assert cli.main(["analyze", str(source), "--jobs", "0"]) == 2
    assert "framing: error: n_jobs=0 is not valid" in capsys.readouterr().err


def test_every_core_by_default():
    import os

    assert corpus.resolve_jobs(None) == len(os.sched_getaffinity(0))


def _plain(table: pd.DataFrame) -> pd.DataFrame:
    """Return the table with its text columns as Python objects and missing values as None."""
    table = table.copy()
    for column in ("doc_id", "role", "text", "loaded_terms", "error"):
        values = table[column].astype(object)
        table[column] = values.where(values.notna(), None).astype(object)
    return table


def _write_corpus(table: pd.DataFrame, path) -> None:
    extra = table.assign(outlet="x" * 50)  # a column the engine should not need
    if path.suffix == ".csv":
        extra.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        extra.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        extra.to_parquet(path, index=False, row_group_size=400)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_cli_streams_a_corpus_file_to_every_format(real_corpus, serial_table, tmp_path, suffix):
    good = real_corpus[real_corpus["doc_id"] != "missing"]
    expected = to_table(rows_for_documents(zip(good["doc_id"], good["text"], strict=True)))
    source = tmp_path / f"corpus{suffix}"
    _write_corpus(good, source)
    for out_suffix in (".parquet", ".csv", ".jsonl"):
        output = tmp_path / f"out{out_suffix}"
        code = cli.main(
            ["analyze", str(source), "--id-col", "doc_id", "--jobs", "2", "-o", str(output)]
        )
        assert code == 0
        if out_suffix == ".parquet":
            written = pd.read_parquet(output)
        elif out_suffix == ".csv":
            written = pd.read_csv(output, keep_default_na=False, na_values=[""])
        else:
            written = pd.read_json(output, lines=True)
        assert len(written) == len(expected)
        assert written["doc_id"].astype(str).tolist() == expected["doc_id"].tolist()
        assert written["polarity"].tolist() == pytest.approx(
            expected["polarity"].tolist(), nan_ok=True
        )
        assert (
            written["loaded_terms"].fillna("").tolist()
            == expected["loaded_terms"].fillna("").tolist()
        )
        assert written["error"].fillna("").tolist() == expected["error"].tolist()
        metadata = read_metadata(output)
        assert metadata["framing_version"] == framing.__version__
        assert set(metadata["columns"]) == set(COLUMNS)


def test_parquet_output_keeps_the_exact_table(real_corpus, serial_table, tmp_path):
    source = tmp_path / "corpus.parquet"
    real_corpus.to_parquet(source, index=False)
    output = tmp_path / "out.parquet"
    assert cli.main(["analyze", str(source), "--id-col", "doc_id", "-o", str(output)]) == 0
    written = pd.read_parquet(output)
    assert_frame_equal(_plain(written), _plain(serial_table), check_dtype=False)
    assert written["polarity"].equals(serial_table["polarity"])


def test_cli_streams_csv_to_standard_output(real_corpus, tmp_path, capsys):
    source = tmp_path / "corpus.jsonl"
    _write_corpus(real_corpus.head(30), source)
    assert cli.main(["analyze", str(source), "--id-col", "doc_id", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert sum(line == lines[0] for line in lines) == 1


def test_parquet_reads_only_the_needed_columns(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    path = tmp_path / "corpus.parquet"
    pd.DataFrame({"id": ["a", "b"], "text": ["One.", "Two."], "big": ["x", "y"]}).to_parquet(path)
    asked = []
    original = pq.ParquetFile.iter_batches

    def spy(self, *args, **kwargs):
        asked.append(kwargs.get("columns"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", spy)
    chunks = list(iter_corpus(path, text_col="text", id_col="id"))
    assert asked == [["id", "text"]]
    assert chunks[0].to_dict("list") == {"id": ["a", "b"], "text": ["One.", "Two."]}


def test_a_missing_column_in_a_parquet_corpus_is_reported(tmp_path):
    path = tmp_path / "corpus.parquet"
    pd.DataFrame({"body": ["One."]}).to_parquet(path)
    with pytest.raises(
        FramingError, match="has no column 'text'; name its text column, one of: body"
    ):
        list(iter_corpus(path))


@contextlib.contextmanager
def _loopback_client(*, threads: int):
    """Yield a client of a one-worker, in-process Dask cluster on 127.0.0.1, no dashboard."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=1,
            threads_per_worker=threads,
            processes=False,
            protocol="tcp://",
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def test_dask_on_a_local_cluster_gives_the_serial_table(real_corpus, serial_table):
    import dask.dataframe as dd

    ddf = dd.from_pandas(real_corpus, npartitions=3)
    with _loopback_client(threads=2) as client:
        lazy = corpus.analyze_dask(ddf, id_col="doc_id")
        assert list(lazy.columns) == COLUMNS
        table = client.compute(lazy).result().reset_index(drop=True)
    assert_frame_equal(_plain(table), _plain(serial_table), check_dtype=False)
    assert table["vader_compound"].equals(serial_table["vader_compound"])


@pytest.fixture(scope="module")
def real_paragraphs_corpus() -> pd.DataFrame:
    """About 400 real paragraphs: 200 BABE sentences and whole AllSides articles."""
    shared_data = need_data("babe", "allsides-roundups")
    babe = load_babe(data_dir=shared_data)["text"].head(200)
    sides = load_allsides(data_dir=shared_data)
    paragraphs = sides["paragraphs"].map(len).cumsum()
    sides = sides[paragraphs.shift(fill_value=0) < 200]
    table = pd.DataFrame(
        {
            "doc_id": ("babe-" + babe.index.astype(str)).tolist()
            + (sides["story_id"].astype(str) + "-" + sides["side"]).tolist(),
            "text": babe.tolist() + sides["text"].tolist(),
        }
    )
    return table.astype(object)


def test_dask_on_threads_gives_the_serial_table(real_paragraphs_corpus):
    """Four threads of one worker share the default scorers and voice detector: per-call state
    kept on a shared object would show here as another thread's values."""
    import dask
    import dask.dataframe as dd

    assert real_paragraphs_corpus["doc_id"].is_unique  # so that sorting puts rows in one order
    serial = framing.analyze(real_paragraphs_corpus, id_col="doc_id", n_jobs=1)
    assert 380 <= len(serial) <= 460
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(real_paragraphs_corpus, npartitions=16)
        with _loopback_client(threads=4) as client:
            lazy = corpus.analyze_dask(ddf, id_col="doc_id")
            threaded = client.compute(lazy).result()
    order = ["doc_id", "paragraph"]
    assert_frame_equal(
        threaded.sort_values(order, ignore_index=True),
        serial.sort_values(order, ignore_index=True),
    )


def test_jsonl_corpus_rows_keep_their_line_numbers_as_ids(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps({"text": text}) for text in ["One.", "", "Two."]) + "\n")
    table = pd.concat(list(corpus.analyze_file(path, n_jobs=1, progress=False)))
    assert table["doc_id"].tolist() == [0, 1, 2]
    assert table["error"].tolist() == ["", "empty text", ""]


def test_reading_a_parquet_corpus_does_not_accumulate_memory(tmp_path):
    import random

    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = random.Random(0)
    vocabulary = [f"w{number}" for number in range(5_000)]
    texts = [" ".join(rng.choices(vocabulary, k=60)) for _ in range(40_000)]
    path = tmp_path / "corpus.parquet"
    pq.write_table(pa.table({"text": texts}), path, row_group_size=1_000)
    allocated = []
    for chunk in iter_corpus(path, chunk_rows=500):
        allocated.append(pa.total_allocated_bytes())
        del chunk
    assert len(allocated) == 80
    # About a row group stays allocated at a time, not the file (8.5 MB) read so far.
    assert max(allocated) < path.stat().st_size / 3


def test_an_empty_run_still_writes_a_parquet_file_with_metadata(tmp_path):
    from framing.table.results import TableWriter

    with TableWriter(tmp_path / "empty.parquet") as writer:
        pass
    assert writer.rows == 0
    assert len(pd.read_parquet(tmp_path / "empty.parquet")) == 0
    assert read_metadata(tmp_path / "empty.parquet")["framing_version"] == framing.__version__


def _worker_collector_settings() -> tuple[int, int]:
    return gc.get_threshold()[0], gc.get_freeze_count()


def test_workers_freeze_what_they_inherit_and_collect_less_often():
    options = corpus.measure_options()
    with ProcessPoolExecutor(
        max_workers=1, initializer=corpus._init_worker, initargs=(options,)
    ) as executor:
        threshold, frozen = executor.submit(_worker_collector_settings).result()
    assert threshold == corpus.WORKER_GC_THRESHOLD > 700
    assert frozen > 0
    # this process (the one that reads and writes) keeps the collector as it was
    assert gc.get_threshold()[0] != corpus.WORKER_GC_THRESHOLD
